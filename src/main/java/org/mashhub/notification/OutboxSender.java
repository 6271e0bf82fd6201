package org.mashhub.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the mail outbox on every node: claims the mails due (no two nodes claim the
 * same one), sends each with the mail timeouts ({@code spring.mail.properties}), and
 * marks it sent, or failed and due again after a back-off, or given up. A mail is sent
 * once; only a node that dies between the server's answer and marking it sent leaves it
 * to be sent again after its lease.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final MailOutbox outbox;

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/** This node, as its claims name it. */
	private final String node;

	OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mail, NotificationSettings settings,
			PlatformTransactionManager transactions, Clock clock) {
		this.outbox = outbox;
		this.mail = mail;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.node = hostName() + "/" + UUID.randomUUID();
	}

	/** Every {@code mash.notification.outbox.poll-every} (5 s). */
	@Scheduled(fixedDelayString = "${mash.notification.outbox.poll-every:PT5S}")
	void deliverDue() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		List<MailOutbox.Mail> claimed;
		do {
			claimed = claim(this.clock.instant());
			claimed.forEach((mail) -> deliver(sender, mail));
		}
		while (claimed.size() == this.settings.outbox().batch());
	}

	/** Claims for this node a batch of the mails due at {@code now}. */
	List<MailOutbox.Mail> claim(Instant now) {
		NotificationSettings.Outbox outbox = this.settings.outbox();
		return this.transaction
			.execute((status) -> this.outbox.claim(this.node, now, now.plus(outbox.lease()), outbox.batch()));
	}

	/** Sends one claimed mail and records how it went. */
	void deliver(JavaMailSender sender, MailOutbox.Mail mail) {
		SimpleMailMessage email = new SimpleMailMessage();
		email.setFrom(this.settings.sender());
		email.setTo(mail.recipient());
		email.setSubject(mail.subject());
		email.setText(mail.body());
		try {
			sender.send(email);
			this.transaction
				.executeWithoutResult((status) -> this.outbox.sent(mail.id(), this.node, this.clock.instant()));
		}
		catch (MailException ex) {
			int failures = mail.attempts() + 1;
			Instant now = this.clock.instant();
			NotificationSettings.Outbox outbox = this.settings.outbox();
			Instant retryAt = (failures < outbox.maxAttempts()) ? now.plus(outbox.retryAfter(failures)) : null;
			Throwable cause = ex.getMostSpecificCause();
			String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			String error = (message.length() > 500) ? message.substring(0, 500) : message;
			this.transaction
				.executeWithoutResult((status) -> this.outbox.failed(mail.id(), this.node, now, error, retryAt));
			log.warn("Could not e-mail {} to {} (attempt {}{}): {}", mail.subject(), mail.recipientKind(), failures,
					(retryAt != null) ? ", again at " + retryAt : ", given up", error);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
