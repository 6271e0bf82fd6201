package org.mashhub.notification;

import org.mashhub.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mails a notice to a team's mailbox, if the team has one, or to a person's own address
 * from the staff directory, when SMTP is configured ({@code spring.mail.host}). Sent
 * after the transaction commits, so nothing is mailed about work that was rolled back; a
 * mail failure is logged and never undoes the work.
 */
@Component
class NoticeMailer {

	private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationSettings settings;

	private final StaffDirectory staff;

	NoticeMailer(ObjectProvider<JavaMailSender> mail, NotificationSettings settings, StaffDirectory staff) {
		this.mail = mail;
		this.settings = settings;
		this.staff = staff;
	}

	void sendAfterCommit(String group, String reference, String message, String link) {
		send(this.settings.groupMailboxes().get(group), "the " + group + " mailbox", reference, message, link);
	}

	void sendToUserAfterCommit(String username, String reference, String message, String link) {
		// Without SMTP there is nothing to address, so the directory is not asked
		if (this.mail.getIfAvailable() == null) {
			return;
		}
		String email = this.staff.find(username).map(StaffDirectory.StaffMember::email).orElse(null);
		send(email, "a person", reference, message, link);
	}

	void sendToAddressAfterCommit(String address, String reference, String message) {
		send(address, "an outside contact", reference,
				message + "\n\nThis e-mail holds no personal details by design: ask us for them by a secure route.");
	}

	private void send(String mailbox, String whom, String reference, String message, String link) {
		send(mailbox, whom, reference, message + "\n\n" + this.settings.baseUrl() + link
				+ "\n\nSign in to MASH Hub to see the details. This e-mail holds no personal details by design.");
	}

	private void send(String mailbox, String whom, String reference, String text) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null || mailbox == null) {
			return;
		}
		SimpleMailMessage email = new SimpleMailMessage();
		email.setFrom(this.settings.sender());
		email.setTo(mailbox);
		email.setSubject("MASH Hub: " + reference);
		email.setText(text);
		Runnable send = () -> {
			try {
				sender.send(email);
			}
			catch (MailException ex) {
				log.warn("Could not e-mail notice {} to {}: {}", reference, whom, ex.getMessage());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

}
