package org.mashhub.notification.web;

import org.mashhub.notification.MailOutboxStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox's backlog and failures as JSON, for hub-admin ({@code /api/admin/**}).
 */
@RestController
class MailOutboxApi {

	private final MailOutboxStatus outbox;

	MailOutboxApi(MailOutboxStatus outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/admin/mail-outbox")
	MailOutboxStatus.Status status() {
		return this.outbox.status();
	}

}
