package org.mashhub.notification.web;

import org.mashhub.notification.MailOutboxStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/mail} for hub-admin (the path is theirs alone): the mail outbox's backlog
 * and failures, and sending a given-up mail again.
 */
@Controller
class MailOutboxPages {

	private final MailOutboxStatus outbox;

	MailOutboxPages(MailOutboxStatus outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/mail")
	String status(Model model) {
		model.addAttribute("status", this.outbox.status());
		return "notification/mail-outbox";
	}

	@PostMapping("/admin/mail/{id}/send-again")
	String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
		this.outbox.sendAgain(id);
		redirect.addFlashAttribute("success", "Mail " + id + " will be sent again now.");
		return "redirect:/admin/mail";
	}

}
