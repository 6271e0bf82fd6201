package org.mashhub.notification.web;

import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notices page: read a notice and follow its link to the work.
 */
@Controller
class NoticePages {

	private final Notices notices;

	NoticePages(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/notices")
	String notices(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
		CurrentUser reader = CurrentUser.of(authentication);
		model.addAttribute("notices",
				this.notices.forReader(reader.username(), reader.groups(), Math.max(page, 0), 50));
		model.addAttribute("page", Math.max(page, 0));
		return "notification/notices";
	}

	/** Marks the notice read and opens what it is about. */
	@PostMapping("/notices/{id}/open")
	String open(@PathVariable long id, Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		String link = this.notices.find(id, reader.username(), reader.groups())
			.map(org.mashhub.notification.Notice::link)
			.orElse("/notices");
		this.notices.markRead(id, reader.username(), reader.groups());
		return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notices");
	}

}
