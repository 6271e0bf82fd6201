package org.mashhub.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadline ledger's tables.
 */
@Repository
class DeadlineRepository {

	private static final String COLUMNS = """
			id, policy, subject_type, subject_id, process_instance_id, activity_id, task_id, step_name, anchor_at,
			amount, original_due_at, due_at, warn_at, extended_by, extension_reason, extended_at, paused_since, status,
			opened_at, warned_at, breached_at, completed_at, completed_by, delay_reason, delay_reason_by, version""";

	private static final String SELECT = "select " + COLUMNS + " from deadline ";

	private final JdbcClient jdbc;

	DeadlineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Deadline d) {
		this.jdbc.sql("insert into deadline (" + COLUMNS + ") values (:id, :policy, :subjectType, :subjectId, "
				+ ":processInstanceId, :activityId, :taskId, :stepName, :anchorAt, :amount, :originalDueAt, :dueAt, "
				+ ":warnAt, :extendedBy, :extensionReason, :extendedAt, :pausedSince, :status, :openedAt, :warnedAt, "
				+ ":breachedAt, :completedAt, :completedBy, :delayReason, :delayReasonBy, :version)")
			.paramSource(params(d))
			.update();
	}

	/** Saves a changed deadline; false when someone else changed it since it was read. */
	boolean update(Deadline d) {
		return this.jdbc
			.sql("""
					update deadline set policy = :policy, anchor_at = :anchorAt, amount = :amount, due_at = :dueAt, warn_at = :warnAt, extended_by = :extendedBy,
					  extension_reason = :extensionReason, extended_at = :extendedAt, paused_since = :pausedSince,
					  status = :status, warned_at = :warnedAt, breached_at = :breachedAt, completed_at = :completedAt,
					  completed_by = :completedBy, delay_reason = :delayReason, delay_reason_by = :delayReasonBy,
					  version = version + 1
					where id = :id and version = :version""")
			.paramSource(params(d))
			.update() == 1;
	}

	Optional<Deadline> find(UUID id) {
		return this.jdbc.sql(SELECT + "where id = :id").param("id", id).query(DeadlineRepository::deadline).optional();
	}

	Optional<Deadline> findOpenByTask(String taskId) {
		return this.jdbc.sql(SELECT + "where task_id = :taskId and completed_at is null")
			.param("taskId", taskId)
			.query(DeadlineRepository::deadline)
			.optional();
	}

	Optional<Deadline> findOpenByStep(String processInstanceId, String activityId) {
		return this.jdbc.sql(SELECT + """
				where process_instance_id = :processInstanceId and activity_id = :activityId
				 and completed_at is null order by opened_at desc limit 1""")
			.param("processInstanceId", processInstanceId)
			.param("activityId", activityId)
			.query(DeadlineRepository::deadline)
			.optional();
	}

	/**
	 * Open deadlines of the given policies whose span from anchor to due covers the day.
	 */
	List<Deadline> findOpenCovering(LocalDate day, Collection<String> policies) {
		if (policies.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + """
				where completed_at is null and policy in (:policies)
				 and (anchor_at at time zone 'Europe/London')::date <= :day
				 and (due_at at time zone 'Europe/London')::date >= :day""")
			.param("policies", policies)
			.param("day", java.sql.Date.valueOf(day))
			.query(DeadlineRepository::deadline)
			.list();
	}

	List<Deadline> findBySubject(String subjectType, String subjectId) {
		return this.jdbc.sql(SELECT + "where subject_type = :type and subject_id = :id order by opened_at, due_at, id")
			.param("type", subjectType)
			.param("id", subjectId)
			.query(DeadlineRepository::deadline)
			.list();
	}

	List<Deadline> findBySubjects(String subjectType, java.util.Collection<String> subjectIds) {
		return this.jdbc
			.sql(SELECT + "where subject_type = :type and subject_id = any(:ids) order by opened_at, due_at, id")
			.param("type", subjectType)
			.param("ids", subjectIds.toArray(String[]::new))
			.query(DeadlineRepository::deadline)
			.list();
	}

	List<Deadline> findOpen(Instant dueFrom, int page, int size) {
		return this.jdbc.sql(SELECT + """
				where completed_at is null and status <> 'CANCELLED' and due_at >= :dueFrom
				order by due_at, id limit :limit offset :offset""")
			.param("dueFrom", Timestamp.from(dueFrom))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(DeadlineRepository::deadline)
			.list();
	}

	void addChange(UUID deadlineId, Instant at, String by, String kind, String reason, Instant dueBefore,
			Instant dueAfter) {
		this.jdbc.sql("""
				insert into deadline_change (deadline_id, changed_at, changed_by, kind, reason, due_before, due_after)
				values (:deadlineId, :at, :by, :kind, :reason, :dueBefore, :dueAfter)""")
			.param("deadlineId", deadlineId)
			.param("at", timestamp(at))
			.param("by", by)
			.param("kind", kind)
			.param("reason", reason)
			.param("dueBefore", timestamp(dueBefore))
			.param("dueAfter", timestamp(dueAfter))
			.update();
	}

	List<DeadlineChange> changes(UUID deadlineId) {
		return this.jdbc.sql("""
				select changed_at, changed_by, kind, reason, due_before, due_after from deadline_change
				where deadline_id = :id order by changed_at, id""")
			.param("id", deadlineId)
			.query((rs, row) -> new DeadlineChange(instant(rs, "changed_at"), rs.getString("changed_by"),
					rs.getString("kind"), rs.getString("reason"), instant(rs, "due_before"), instant(rs, "due_after")))
			.list();
	}

	void addPause(UUID deadlineId, Instant at, String by, String reason) {
		this.jdbc.sql("""
				insert into deadline_pause (deadline_id, paused_at, paused_by, reason)
				values (:deadlineId, :at, :by, :reason)""")
			.param("deadlineId", deadlineId)
			.param("at", timestamp(at))
			.param("by", by)
			.param("reason", reason)
			.update();
	}

	void endPause(UUID deadlineId, Instant pausedAt, Instant at, String by) {
		this.jdbc.sql("""
				update deadline_pause set resumed_at = :at, resumed_by = :by
				where deadline_id = :deadlineId and paused_at = :pausedAt""")
			.param("deadlineId", deadlineId)
			.param("pausedAt", timestamp(pausedAt))
			.param("at", timestamp(at))
			.param("by", by)
			.update();
	}

	/** Ended pauses as [paused at, resumed at] pairs. */
	List<Instant[]> endedPauses(UUID deadlineId) {
		return this.jdbc.sql("""
				select paused_at, resumed_at from deadline_pause
				where deadline_id = :id and resumed_at is not null order by paused_at""")
			.param("id", deadlineId)
			.query((rs, row) -> new Instant[] { instant(rs, "paused_at"), instant(rs, "resumed_at") })
			.list();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Deadline d) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("id", d.id())
			.addValue("policy", d.policy())
			.addValue("subjectType", d.subjectType())
			.addValue("subjectId", d.subjectId())
			.addValue("processInstanceId", d.processInstanceId())
			.addValue("activityId", d.activityId())
			.addValue("taskId", d.taskId())
			.addValue("stepName", d.stepName())
			.addValue("anchorAt", timestamp(d.anchorAt()))
			.addValue("amount", d.amount())
			.addValue("originalDueAt", timestamp(d.originalDueAt()))
			.addValue("dueAt", timestamp(d.dueAt()))
			.addValue("warnAt", timestamp(d.warnAt()))
			.addValue("extendedBy", d.extendedBy())
			.addValue("extensionReason", d.extensionReason())
			.addValue("extendedAt", timestamp(d.extendedAt()))
			.addValue("pausedSince", timestamp(d.pausedSince()))
			.addValue("status", d.status().name())
			.addValue("openedAt", timestamp(d.openedAt()))
			.addValue("warnedAt", timestamp(d.warnedAt()))
			.addValue("breachedAt", timestamp(d.breachedAt()))
			.addValue("completedAt", timestamp(d.completedAt()))
			.addValue("completedBy", d.completedBy())
			.addValue("delayReason", d.delayReason())
			.addValue("delayReasonBy", d.delayReasonBy())
			.addValue("version", d.version());
	}

	private static Deadline deadline(ResultSet rs, int row) throws SQLException {
		return new Deadline(rs.getObject("id", UUID.class), rs.getString("policy"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("process_instance_id"), rs.getString("activity_id"),
				rs.getString("task_id"), rs.getString("step_name"), instant(rs, "anchor_at"), rs.getInt("amount"),
				instant(rs, "original_due_at"), instant(rs, "due_at"), instant(rs, "warn_at"),
				rs.getString("extended_by"), rs.getString("extension_reason"), instant(rs, "extended_at"),
				instant(rs, "paused_since"), Deadline.Status.valueOf(rs.getString("status")), instant(rs, "opened_at"),
				instant(rs, "warned_at"), instant(rs, "breached_at"), instant(rs, "completed_at"),
				rs.getString("completed_by"), rs.getString("delay_reason"), rs.getString("delay_reason_by"),
				rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
