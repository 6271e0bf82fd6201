package org.mashhub.notification;

import java.time.Clock;

import org.mashhub.security.StaffDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Queues a notice's e-mail in the mail outbox, in the notice's own transaction: to a
 * team's mailbox, if the team has one, to a person's own address from the staff
 * directory, or to an outside contact. Only when SMTP is configured
 * ({@code spring.mail.host}); the outbox sender delivers it afterwards, so nothing is
 * mailed about work that was rolled back and no request or timer waits for a mail server.
 */
@Component
class NoticeMailer {

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationSettings settings;

	private final StaffDirectory staff;

	private final MailOutbox outbox;

	private final Clock clock;

	NoticeMailer(ObjectProvider<JavaMailSender> mail, NotificationSettings settings, StaffDirectory staff,
			MailOutbox outbox, Clock clock) {
		this.mail = mail;
		this.settings = settings;
		this.staff = staff;
		this.outbox = outbox;
		this.clock = clock;
	}

	void toGroup(String group, String reference, String message, String link) {
		queue(this.settings.groupMailboxes().get(group), "the " + group + " mailbox", reference,
				withLink(message, link));
	}

	void toUser(String username, String reference, String message, String link) {
		// Without SMTP there is nothing to address, so the directory is not asked
		if (this.mail.getIfAvailable() == null) {
			return;
		}
		queue(this.staff.find(username).map(StaffDirectory.StaffMember::email).orElse(null), "a person", reference,
				withLink(message, link));
	}

	void toAddress(String address, String reference, String message) {
		queue(address, "an outside contact", reference,
				message + "\n\nThis e-mail holds no personal details by design: ask us for them by a secure route.");
	}

	private String withLink(String message, String link) {
		return message + "\n\n" + this.settings.baseUrl() + link
				+ "\n\nSign in to MASH Hub to see the details. This e-mail holds no personal details by design.";
	}

	private void queue(String recipient, String whom, String reference, String text) {
		if (this.mail.getIfAvailable() == null || recipient == null || recipient.isBlank()) {
			return;
		}
		this.outbox.queue(recipient.strip(), whom, "MASH Hub: " + reference, text, this.clock.instant());
	}

}
