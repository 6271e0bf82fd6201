package org.mashhub.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox table: mails queued with their notices, claimed by one node at a time,
 * marked sent, failed or given up. Nothing else writes it.
 */
@Repository
class MailOutbox {

	private static final String MAIL = """
			select id, created_at, recipient, recipient_kind, subject, body, attempts, next_attempt_at, last_error,
			  last_attempt_at, sent_at, given_up_at
			from mail_outbox
			""";

	private final JdbcClient jdbc;

	MailOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A mail in the outbox. */
	record Mail(long id, Instant createdAt, String recipient, String recipientKind, String subject, String body,
			int attempts, Instant nextAttemptAt, String lastError, Instant lastAttemptAt, Instant sentAt,
			Instant givenUpAt) {
	}

	/** How the outbox stands, for hub-admin. */
	record Backlog(int waiting, int failing, int givenUp, int sentLastDay, Instant oldestWaiting) {
	}

	/** Queues a mail in the caller's transaction: it goes only if that commits. */
	void queue(String recipient, String recipientKind, String subject, String body, Instant now) {
		this.jdbc.sql("""
				insert into mail_outbox (created_at, recipient, recipient_kind, subject, body, next_attempt_at)
				values (:now, :recipient, :kind, :subject, :body, :now)""")
			.param("now", Timestamp.from(now))
			.param("recipient", recipient)
			.param("kind", recipientKind)
			.param("subject", subject)
			.param("body", body)
			.update();
	}

	/**
	 * Claims the mails due now that no other node holds, oldest first, for the lease: two
	 * nodes never claim the same mail.
	 */
	List<Mail> claim(String node, Instant now, Instant leaseUntil, int batch) {
		return this.jdbc.sql("""
				update mail_outbox set claimed_by = :node, claimed_until = :until
				where id in (
				  select id from mail_outbox
				  where sent_at is null and given_up_at is null and next_attempt_at <= :now
				    and (claimed_until is null or claimed_until < :now)
				  order by next_attempt_at, id limit :batch
				  for update skip locked)
				returning id, created_at, recipient, recipient_kind, subject, body, attempts, next_attempt_at,
				  last_error, last_attempt_at, sent_at, given_up_at""")
			.param("node", node)
			.param("until", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query(MailOutbox::mail)
			.list();
	}

	/** Marks a mail this node holds as sent. */
	void sent(long id, String node, Instant at) {
		this.jdbc.sql("""
				update mail_outbox set sent_at = :at, last_attempt_at = :at, attempts = attempts + 1,
				  claimed_by = null, claimed_until = null, last_error = null
				where id = :id and claimed_by = :node""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("node", node)
			.update();
	}

	/**
	 * A failed attempt: tried again at {@code retryAt}, or given up when that is null.
	 */
	void failed(long id, String node, Instant at, String error, Instant retryAt) {
		this.jdbc.sql((retryAt != null) ? """
				update mail_outbox set attempts = attempts + 1, last_attempt_at = :at, last_error = :error,
				  next_attempt_at = :retry, claimed_by = null, claimed_until = null
				where id = :id and claimed_by = :node""" : """
				update mail_outbox set attempts = attempts + 1, last_attempt_at = :at, last_error = :error,
				  given_up_at = :at, claimed_by = null, claimed_until = null
				where id = :id and claimed_by = :node""")
			.param("at", Timestamp.from(at))
			.param("error", error)
			.param("retry", (retryAt != null) ? Timestamp.from(retryAt) : Timestamp.from(at))
			.param("id", id)
			.param("node", node)
			.update();
	}

	/** A given-up mail is sent again from now, its attempts counted afresh. */
	boolean retry(long id, Instant now) {
		return this.jdbc.sql("""
				update mail_outbox set given_up_at = null, attempts = 0, next_attempt_at = :now
				where id = :id and given_up_at is not null""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	Backlog backlog(Instant now) {
		return this.jdbc.sql("""
				select
				  count(*) filter (where sent_at is null and given_up_at is null) as waiting,
				  count(*) filter (where sent_at is null and given_up_at is null and attempts > 0) as failing,
				  count(*) filter (where given_up_at is not null) as given_up,
				  count(*) filter (where sent_at >= :dayAgo) as sent_last_day,
				  min(created_at) filter (where sent_at is null and given_up_at is null) as oldest_waiting
				from mail_outbox""")
			.param("dayAgo", Timestamp.from(now.minusSeconds(86_400)))
			.query((rs, row) -> new Backlog(rs.getInt("waiting"), rs.getInt("failing"), rs.getInt("given_up"),
					rs.getInt("sent_last_day"), instant(rs, "oldest_waiting")))
			.single();
	}

	/** Mails that failed at least once and are not sent, given up first, latest first. */
	List<Mail> troubled(int limit) {
		return this.jdbc.sql(MAIL + """
				where sent_at is null and attempts > 0
				order by given_up_at desc nulls last, last_attempt_at desc limit :limit""")
			.param("limit", limit)
			.query(MailOutbox::mail)
			.list();
	}

	private static Mail mail(ResultSet rs, int row) throws SQLException {
		return new Mail(rs.getLong("id"), instant(rs, "created_at"), rs.getString("recipient"),
				rs.getString("recipient_kind"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "last_attempt_at"),
				instant(rs, "sent_at"), instant(rs, "given_up_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

}
