package org.mashhub.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who looked at or changed what, when and why: sign-ins, refusals, and every view of a
 * child's record or reassignment that the business modules report. Ids only, never
 * personal details.
 */
@Service
public class AccessAudit {

	/** A request refused: its role, or the object's owner, does not allow it. */
	public static final String ACCESS_DENIED = "ACCESS_DENIED";

	/**
	 * A request for something that does not exist, or that the reader may not know of.
	 */
	public static final String NOT_FOUND = "NOT_FOUND";

	private static final String REFUSAL_RECORDED = AccessAudit.class.getName() + ".refusalRecorded";

	private static final int MAX_REASON = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action of the signed-in user on a subject, as part of the caller's
	 * transaction: if the action is rolled back, so is its audit entry.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String subjectType, String subjectId, String reason) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new IllegalStateException("An audited action needs a signed-in user");
		}
		insert(authentication.getName(), action, subjectType, subjectId, reason);
	}

	/**
	 * Records what happened at the door (sign-in, sign-out, refusal) in its own
	 * transaction.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSecurityEvent(String username, String action, String subjectId) {
		insert(username, action, null, subjectId, null);
	}

	/**
	 * Records a refusal a module decided for the signed-in user's request (a 403, or a
	 * 404 that hides what they may not know exists) in its own transaction, so it
	 * outlives the refused work's rollback. Each refusal is recorded once, however many
	 * places see it go by.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRefusal(RuntimeException refusal) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		if (authentication == null || !authentication.isAuthenticated() || request == null
				|| request.getAttribute(REFUSAL_RECORDED) == refusal) {
			return;
		}
		request.setAttribute(REFUSAL_RECORDED, refusal);
		String reason = refusal.getMessage();
		insert(authentication.getName(), (refusal instanceof AccessDeniedException) ? ACCESS_DENIED : NOT_FOUND, null,
				request.getRequestURI(),
				(reason != null && reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason);
	}

	private void insert(String username, String action, String subjectType, String subjectId, String reason) {
		this.jdbc.sql("""
				insert into access_audit (occurred_at, username, action, subject_type, subject_id, reason)
				values (:occurredAt, :username, :action, :subjectType, :subjectId, :reason)""")
			.param("occurredAt", java.sql.Timestamp.from(this.clock.instant()))
			.param("username", username)
			.param("action", action)
			.param("subjectType", subjectType)
			.param("subjectId", subjectId)
			.param("reason", reason)
			.update();
	}

	/** The newest entries first, filtered by whichever criteria are given. */
	@Transactional(readOnly = true)
	public List<Entry> find(Query query) {
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, reason
				from access_audit
				where (cast(:username as text) is null or username = :username)
				  and (cast(:action as text) is null or action = :action)
				  and (cast(:subjectType as text) is null or subject_type = :subjectType)
				  and (cast(:subjectId as text) is null or subject_id = :subjectId)
				  and (cast(:from as timestamptz) is null or occurred_at >= :from)
				  and (cast(:to as timestamptz) is null or occurred_at < :to)
				order by occurred_at desc, id desc
				limit :limit offset :offset""")
			.param("username", query.username())
			.param("action", query.action())
			.param("subjectType", query.subjectType())
			.param("subjectId", query.subjectId())
			.param("from", timestamp(query.from()))
			.param("to", timestamp(query.to()))
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, row) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
					rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
					rs.getString("reason")))
			.list();
	}

	private static java.sql.Timestamp timestamp(Instant instant) {
		return (instant != null) ? java.sql.Timestamp.from(instant) : null;
	}

	public record Entry(Instant occurredAt, String username, String action, String subjectType, String subjectId,
			String reason) {
	}

	/**
	 * @param from inclusive
	 * @param to exclusive
	 */
	public record Query(String username, String action, String subjectType, String subjectId, Instant from, Instant to,
			int page, int size) {
	}

}
