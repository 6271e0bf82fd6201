package org.mashhub.tasks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work_item table: every list is one indexed query over it, never a call to the
 * engine.
 */
@Repository
class WorkItemRepository {

	static final String COLUMNS = """
			task_id, process_instance_id, process_definition_key, process_type, task_definition_key, task_name,
			subject_label, subject_reference, rag, priority, due_at, warn_at, sla_clock, candidate_groups, assignee,
			created_at, state, version, form_key""";

	private final JdbcClient jdbc;

	WorkItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(WorkItem item) {
		this.jdbc.sql("insert into work_item (" + COLUMNS + ") values (:taskId, :processInstanceId, "
				+ ":processDefinitionKey, :processType, :taskDefinitionKey, :taskName, :subjectLabel, :subjectReference, "
				+ ":rag, :priority, :dueAt, :warnAt, :slaClock, :candidateGroups, :assignee, "
				+ ":createdAt, 'OPEN', 0, :formKey) " + "on conflict (task_id) do nothing")
			.param("taskId", item.taskId())
			.param("processInstanceId", item.processInstanceId())
			.param("processDefinitionKey", item.processDefinitionKey())
			.param("processType", item.processType())
			.param("taskDefinitionKey", item.taskDefinitionKey())
			.param("taskName", item.taskName())
			.param("subjectLabel", item.subjectLabel())
			.param("subjectReference", item.subjectReference())
			.param("rag", item.rag())
			.param("priority", item.priority())
			.param("dueAt", timestamp(item.dueAt()))
			.param("warnAt", timestamp(item.warnAt()))
			.param("slaClock", item.slaClock())
			.param("candidateGroups", item.candidateGroups().toArray(String[]::new))
			.param("assignee", item.assignee())
			.param("createdAt", timestamp(item.createdAt()))
			.param("formKey", item.formKey())
			.update();
	}

	void changeRag(String processInstanceId, String rag) {
		this.jdbc.sql("""
				update work_item set rag = :rag, version = version + 1
				where process_instance_id = :processInstanceId and state = 'OPEN'""")
			.param("rag", rag)
			.param("processInstanceId", processInstanceId)
			.update();
	}

	void update(String taskId, String name, int priority, Instant dueAt, Instant warnAt, String slaClock,
			String assignee) {
		this.jdbc.sql("""
				update work_item set task_name = :name, priority = :priority, due_at = :dueAt, warn_at = :warnAt,
				  sla_clock = :slaClock, assignee = :assignee, version = version + 1
				where task_id = :taskId and state = 'OPEN'""")
			.param("taskId", taskId)
			.param("name", name)
			.param("priority", priority)
			.param("dueAt", timestamp(dueAt))
			.param("warnAt", timestamp(warnAt))
			.param("slaClock", slaClock)
			.param("assignee", assignee)
			.update();
	}

	void end(String taskId, String state, Instant at) {
		this.jdbc.sql("""
				update work_item set state = :state, ended_at = :at, version = version + 1
				where task_id = :taskId and state = 'OPEN'""")
			.param("taskId", taskId)
			.param("state", state)
			.param("at", timestamp(at))
			.update();
	}

	/**
	 * Takes the row for a change if nobody changed it since {@code version}; false
	 * otherwise.
	 */
	boolean claimVersion(String taskId, int version) {
		return this.jdbc.sql("""
				update work_item set version = version + 1
				where task_id = :taskId and version = :version and state = 'OPEN'""")
			.param("taskId", taskId)
			.param("version", version)
			.update() == 1;
	}

	Optional<WorkItem> find(String taskId) {
		return this.jdbc.sql("select " + COLUMNS + " from work_item where task_id = :taskId")
			.param("taskId", taskId)
			.query(WorkItemRepository::item)
			.optional();
	}

	/**
	 * A page: the ids first, from the index alone, then just those rows (a whole row is
	 * read only for what is shown).
	 */
	List<WorkItem> page(WorkListQuery.Sql sql) {
		return this.jdbc
			.sql("select " + COLUMNS + " from work_item where task_id in (select task_id from work_item where "
					+ sql.where() + " order by " + sql.orderBy() + " limit :limit offset :offset) order by "
					+ sql.orderBy())
			.params(sql.params())
			.query(WorkItemRepository::item)
			.list();
	}

	/** How many rows match, counting no further than {@code limit}. */
	int count(WorkListQuery.Sql sql, int limit) {
		return this.jdbc
			.sql("select count(*) from (select 1 from work_item where " + sql.where() + " limit :countLimit) counted")
			.params(sql.params())
			.param("countLimit", limit)
			.query(Integer.class)
			.single();
	}

	List<WorkItem> findOpenOf(java.util.Collection<String> processInstanceIds) {
		return this.jdbc
			.sql("select " + COLUMNS + " from work_item where state = 'OPEN' and process_instance_id = any(:ids)"
					+ " order by due_at nulls last, task_id")
			.param("ids", processInstanceIds.toArray(String[]::new))
			.query(WorkItemRepository::item)
			.list();
	}

	void addReassignment(String taskId, Instant at, String by, String from, String to, String reason) {
		this.jdbc.sql("""
				insert into work_item_reassignment (task_id, reassigned_at, reassigned_by, from_user, to_user, reason)
				values (:taskId, :at, :by, :from, :to, :reason)""")
			.param("taskId", taskId)
			.param("at", timestamp(at))
			.param("by", by)
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.update();
	}

	/**
	 * Open, overdue and due-this-week counts per assignee among the given groups' work.
	 */
	List<WorkQueue.Workload> workload(Collection<String> groups, Instant now, Instant endOfWeek) {
		return this.jdbc
			.sql("""
					select assignee, count(*) as open,
					  count(*) filter (where due_at < :now) as overdue,
					  count(*) filter (where due_at >= :now and due_at < :endOfWeek) as due_this_week
					from work_item where state = 'OPEN' and assignee is not null and candidate_groups && cast(:groups as text[])
					group by assignee order by overdue desc, open desc, assignee""")
			.param("groups", groups.toArray(String[]::new))
			.param("now", timestamp(now))
			.param("endOfWeek", timestamp(endOfWeek))
			.query((rs, row) -> new WorkQueue.Workload(rs.getString("assignee"), rs.getInt("open"),
					rs.getInt("overdue"), rs.getInt("due_this_week")))
			.list();
	}

	/**
	 * A row selected as {@link #COLUMNS}, read by position: a page maps 50 rows of 19.
	 */
	private static WorkItem item(ResultSet rs, int row) throws SQLException {
		return new WorkItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), instant(rs, 11),
				instant(rs, 12), rs.getString(13), strings(rs.getArray(14)), rs.getString(15), instant(rs, 16),
				rs.getString(17), rs.getInt(18), rs.getString(19));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? new ArrayList<>(List.of((String[]) array.getArray())) : List.of();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
