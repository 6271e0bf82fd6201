package org.mashhub.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox as hub-admin sees it: how many mails wait, fail or were given up, the
 * oldest waiting, and each troubled mail with its last error; a given-up mail may be sent
 * again. A mail's body is not shown: the recipient and subject say enough.
 */
@Service
public class MailOutboxStatus {

	/** Troubled mails listed at most. */
	static final int LISTED = 100;

	private final MailOutbox outbox;

	private final Clock clock;

	MailOutboxStatus(MailOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The counts, and the troubled mails (given up first). */
	public record Status(int waiting, int failing, int givenUp, int sentLastDay, Instant oldestWaiting,
			List<Troubled> troubled) {
	}

	/**
	 * A mail that failed at least once: given up (hub-admin may send it again) or due
	 * again.
	 */
	public record Troubled(long id, Instant createdAt, String recipient, String recipientKind, String subject,
			int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant givenUpAt) {
	}

	@Transactional(readOnly = true)
	public Status status() {
		MailOutbox.Backlog backlog = this.outbox.backlog(this.clock.instant());
		return new Status(backlog.waiting(), backlog.failing(), backlog.givenUp(), backlog.sentLastDay(),
				backlog.oldestWaiting(),
				this.outbox.troubled(LISTED)
					.stream()
					.map((mail) -> new Troubled(mail.id(), mail.createdAt(), mail.recipient(), mail.recipientKind(),
							mail.subject(), mail.attempts(), mail.lastError(), mail.lastAttemptAt(),
							(mail.givenUpAt() == null) ? mail.nextAttemptAt() : null, mail.givenUpAt()))
					.toList());
	}

	/** Sends a given-up mail again from now. */
	@Transactional
	public void sendAgain(long id) {
		if (!this.outbox.retry(id, this.clock.instant())) {
			throw new NoSuchElementException("No given-up mail " + id);
		}
	}

}
