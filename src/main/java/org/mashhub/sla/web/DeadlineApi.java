package org.mashhub.sla.web;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineChange;
import org.mashhub.sla.Deadlines;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline ledger over the API: read a subject's deadlines and a deadline's timeline;
 * extend, stop and restart a clock (for the groups the policy allows).
 */
@RestController
@Validated
@PreAuthorize("!hasAuthority('partner-system')")
class DeadlineApi {

	private final Deadlines deadlines;

	DeadlineApi(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	record Extension(@Positive int amount, @NotBlank @Size(max = 2000) String reason) {
	}

	record Pause(@NotBlank @Size(max = 2000) String reason) {
	}

	record DeadlineWithTimeline(Deadline deadline, List<DeadlineChange> timeline) {
	}

	@GetMapping(path = "/api/deadlines", params = { "subjectType", "subjectId" })
	List<Deadline> forSubject(@RequestParam String subjectType, @RequestParam String subjectId) {
		return this.deadlines.forSubject(subjectType, subjectId);
	}

	@GetMapping("/api/deadlines/open")
	@PreAuthorize("hasAnyAuthority('hub-admin', 'mash-manager', 'complaints-manager', 'service-manager')")
	List<Deadlines.OpenDeadline> open(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.deadlines.openWithTimers(page, size);
	}

	@GetMapping("/api/deadlines/{id}")
	DeadlineWithTimeline deadline(@PathVariable UUID id) {
		Deadline deadline = this.deadlines.find(id).orElseThrow(() -> new NoSuchElementException("No deadline " + id));
		return new DeadlineWithTimeline(deadline, this.deadlines.timeline(id));
	}

	@PostMapping("/api/deadlines/{id}/extension")
	Deadline extend(@PathVariable UUID id, @Valid @RequestBody Extension extension, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.deadlines.extend(id, extension.amount(), extension.reason().strip(), user.username(),
				user.groups());
	}

	@PostMapping("/api/deadlines/{id}/pause")
	Deadline pause(@PathVariable UUID id, @Valid @RequestBody Pause pause, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.deadlines.pause(id, pause.reason().strip(), user.username(), user.groups());
	}

	@PostMapping("/api/deadlines/{id}/resume")
	Deadline resume(@PathVariable UUID id, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.deadlines.resume(id, user.username(), user.groups());
	}

}
