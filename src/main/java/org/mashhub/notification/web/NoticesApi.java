package org.mashhub.notification.web;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mashhub.notification.Notice;
import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's notices: theirs and their groups', newest first; how many are unread; mark
 * read.
 */
@RestController
@Validated
class NoticesApi {

	private final Notices notices;

	NoticesApi(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/notices")
	List<Notice> notices(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		return this.notices.forReader(reader.username(), reader.groups(), page, size);
	}

	@GetMapping("/api/notices/unread-count")
	Map<String, Integer> unread(Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		return Map.of("unread", this.notices.unreadCount(reader.username(), reader.groups()));
	}

	@PostMapping("/api/notices/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable long id, Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		if (!this.notices.markRead(id, reader.username(), reader.groups())) {
			throw new NoSuchElementException("No notice " + id);
		}
	}

}
