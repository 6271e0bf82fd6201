package org.mashhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mashhub.referral.process.ContactTriageProcess;

/**
 * Bulk-loads work by cloning what the engine and the app really wrote for one contact.
 * <p>
 * A template contact goes in through the partner API, so the engine starts its triage and
 * the app records the contact, the deadline and the work item. Every row that contact
 * wrote, in every table, is then copied once per generated item with new ids (the same
 * new id wherever the template's id appeared), and with the item's own group, assignee,
 * child, RAG and dates. Nothing is invented: columns keep what the engine wrote unless
 * the item says otherwise. Each item is described by a row of {@code bench_item}.
 */
final class WorkGenerator {

	/** Generated ids: a UUID, or an activity instance id ({@code Activity_Id:uuid}). */
	private static final Pattern GENERATED_ID = Pattern
		.compile("^((?:[A-Za-z0-9_]+):)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

	/** Columns that point at the model, not at the instance: shared by every clone. */
	private static final Set<String> SHARED_COLUMNS = Set.of("proc_def_id_", "process_def_id_", "job_def_id_",
			"deployment_id_");

	/**
	 * Tables written that belong to no contact: the deployment, the schema, and the engine's
	 * usage metrics.
	 */
	private static final Set<String> STATIC_TABLES = Set.of("act_ge_bytearray", "act_ge_property", "act_ge_schema_log",
			"act_re_deployment", "act_re_procdef", "act_ru_jobdef", "act_ru_meter_log", "flyway_schema_history");

	/** What becomes of the template in a clone. */
	enum Shape {

		/** Waiting at screening, as the template is (kind 'open'). */
		OPEN("open"),
		/** Finished: its history, its contact, a completed work item and a met or missed deadline (kind 'closed'). */
		COMPLETED("closed"),
		/** A recorded contact whose triage has not started (kind 'stock'): stock Camunda starts it. */
		CONTACT_ONLY("stock");

		private final String kind;

		Shape(String kind) {
			this.kind = kind;
		}

	}

	/** The rows of the template contact, table by table. */
	record Template(String processInstanceId, String contactId, String reference,
			Map<String, List<Map<String, Object>>> rows) {
	}

	private record Clone(String table, String filter, Function<Map<String, Object>, Map<String, String>> overrides,
			Function<Map<String, Object>, String> condition) {

		Clone(String table, String filter, Function<Map<String, Object>, Map<String, String>> overrides) {
			this(table, filter, overrides, (row) -> "true");
		}

	}

	private final BenchDatabase database;

	WorkGenerator(BenchDatabase database) {
		this.database = database;
	}

	/**
	 * Reads every row the contact with this reference wrote, and checks that no table it
	 * wrote is left out of the clones: a new table the app writes must be generated too.
	 */
	Template template(String reference) {
		try (Connection connection = this.database.connect()) {
			String processInstanceId = single(connection,
					"select cc.process_instance_id from contact_child cc join contact c on c.id = cc.contact_id where c.reference = ?",
					reference);
			String contactId = single(connection, "select id::text from contact where reference = ?", reference);
			Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
			for (Clone clone : clones(Shape.OPEN)) {
				rows.put(clone.table(), rows(connection, "select ctid::text as template_ctid, * from " + clone.table()
						+ " where " + clone.filter().replace(":pi", quote(processInstanceId))
							.replace(":contact", quote(contactId) + "::uuid")));
			}
			Set<String> written = new TreeSet<>();
			try (Statement statement = connection.createStatement();
					ResultSet tables = statement.executeQuery("""
							select relname from pg_stat_user_tables where n_live_tup > 0 or n_tup_ins > 0""")) {
				while (tables.next()) {
					written.add(tables.getString(1));
				}
			}
			written.removeAll(STATIC_TABLES);
			written.removeAll(rows.keySet());
			if (!written.isEmpty()) {
				throw new IllegalStateException("A contact now writes " + written
						+ ", which the generator does not clone: teach WorkGenerator about it");
			}
			return new Template(processInstanceId, contactId, reference, rows);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Fills {@code bench_item} from a query giving n, kind, grp, assignee, rag, given, family,
	 * dob, received_at, created_at, warn_at, due_at, ended_at.
	 */
	void describeItems(String itemsQuery) {
		execute("drop table if exists bench_item", "create table bench_item as " + itemsQuery,
				"create index bench_item_by_kind on bench_item (kind, n)", "analyze bench_item");
	}

	/**
	 * Clones the template once for every item of the shape's kind; returns the rows written.
	 * The engine's runtime tables and the rest (history, the app's tables in their
	 * foreign-key order) are written on two connections at once, about half the rows each.
	 */
	long generate(Template template, Shape shape, int batchSize, String label) {
		try (Connection runtime = bulkLoading(); Connection rest = bulkLoading()) {
			long[] range = range(runtime, shape);
			Map<Boolean, List<String>> inserts = new LinkedHashMap<>();
			inserts(runtime, template, shape).forEach((table, statements) -> inserts
				.computeIfAbsent(table.startsWith("act_ru_"), (lane) -> new ArrayList<>())
				.addAll(statements));
			ExecutorService lanes = Executors.newFixedThreadPool(2);
			long written = 0;
			long started = System.nanoTime();
			try {
				for (long from = range[0]; from <= range[1]; from += batchSize) {
					long first = from;
					long to = Math.min(range[1], from + batchSize - 1);
					Future<Long> runtimeRows = lanes
						.submit(() -> write(runtime, inserts.getOrDefault(true, List.of()), first, to));
					Future<Long> restRows = lanes
						.submit(() -> write(rest, inserts.getOrDefault(false, List.of()), first, to));
					written += runtimeRows.get() + restRows.get();
					double seconds = (System.nanoTime() - started) / 1e9;
					System.out.printf("  %s: %,d of %,d items, %,d rows, %.0f rows/s%n", label, to - range[0] + 1,
							range[1] - range[0] + 1, written, written / seconds);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Generating " + label + " failed", ex.getCause());
			}
			finally {
				lanes.shutdownNow();
			}
			return written;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Connection bulkLoading() throws SQLException {
		Connection connection = this.database.connect();
		connection.setAutoCommit(false);
		try (Statement session = connection.createStatement()) {
			// A bulk load: a crash would mean generating again, not lost work
			session.execute("set synchronous_commit = off");
			session.execute("set timezone = 'UTC'");
		}
		return connection;
	}

	private static long write(Connection connection, List<String> inserts, long from, long to) throws SQLException {
		long written = 0;
		for (String insert : inserts) {
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				statement.setLong(1, from);
				statement.setLong(2, to);
				written += statement.executeUpdate();
			}
		}
		connection.commit();
		return written;
	}

	/**
	 * Runs the load with the cloned tables' secondary indexes dropped, and builds them again
	 * after: the usual way to bulk-load, and the indexes come out as a live system's would.
	 * Primary keys and unique constraints stay and check every row.
	 */
	void withoutSecondaryIndexes(Template template, Runnable load) {
		List<String> definitions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("""
						select i.indexname, i.indexdef from pg_indexes i
						where i.schemaname = 'public' and i.tablename = any(array[%s])
						  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)"""
					.formatted(String.join(", ", template.rows().keySet().stream().map(WorkGenerator::quote).toList())))) {
			while (result.next()) {
				names.add(result.getString(1));
				definitions.add(result.getString(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		execute(names.stream().map((name) -> "drop index " + name).toArray(String[]::new));
		load.run();
		// Two at a time, one per core
		List<String> first = new ArrayList<>();
		List<String> second = new ArrayList<>();
		for (int i = 0; i < definitions.size(); i++) {
			((i % 2 == 0) ? first : second).add(definitions.get(i));
		}
		ExecutorService builders = Executors.newFixedThreadPool(2);
		try {
			Future<?> a = builders.submit(() -> execute(first.toArray(String[]::new)));
			Future<?> b = builders.submit(() -> execute(second.toArray(String[]::new)));
			a.get();
			b.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Rebuilding indexes failed", ex.getCause());
		}
		finally {
			builders.shutdownNow();
		}
	}

	/**
	 * Statistics for the planner, as autovacuum would have them on a live system, and the
	 * load's gigabytes written out now rather than by a checkpoint in the middle of a
	 * measurement.
	 */
	void analyze() {
		execute("vacuum analyze", "checkpoint");
	}

	private Map<String, List<String>> inserts(Connection connection, Template template, Shape shape)
			throws SQLException {
		Map<String, String> explicit = new LinkedHashMap<>();
		String year = "to_char(b.received_at, 'YYYY')";
		String reference = "'C-' || " + year + " || '-' || lpad(b.n::text, 7, '0')";
		explicit.put(template.reference(), reference);
		explicit.put(template.reference() + "/1", "(" + reference + " || '/1')");
		Map<String, List<String>> inserts = new LinkedHashMap<>();
		for (Clone clone : clones(shape)) {
			Map<String, String> types = columnTypes(connection, clone.table());
			for (Map<String, Object> row : template.rows().get(clone.table())) {
				Map<String, String> overrides = clone.overrides().apply(row);
				List<String> columns = new ArrayList<>();
				List<String> values = new ArrayList<>();
				for (Map.Entry<String, String> column : types.entrySet()) {
					String name = column.getKey();
					if ("generated".equals(overrides.get(name))) {
						continue;
					}
					columns.add(name);
					values.add(value(name, column.getValue(), row.get(name), overrides, explicit));
				}
				inserts.computeIfAbsent(clone.table(), (table) -> new ArrayList<>()).add("insert into " + clone.table() + " (" + String.join(", ", columns) + ") select "
						+ String.join(", ", values) + " from " + clone.table() + " t, bench_item b where t.ctid = '"
						+ row.get("template_ctid") + "'::tid and b.kind = '" + shape.kind
						+ "' and b.n between ? and ? and (" + clone.condition().apply(row) + ")");
			}
		}
		return inserts;
	}

	private static String value(String column, String type, Object templateValue, Map<String, String> overrides,
			Map<String, String> explicit) {
		if (overrides.containsKey(column)) {
			return "(" + overrides.get(column) + ")::" + type;
		}
		if (templateValue == null) {
			return "t." + column;
		}
		String text = templateValue.toString();
		if (explicit.containsKey(text)) {
			return "(" + explicit.get(text) + ")::" + type;
		}
		Matcher id = GENERATED_ID.matcher(text);
		if (id.matches() && !SHARED_COLUMNS.contains(column)) {
			return "(" + cloneId(id.group(1), id.group(2)) + ")::" + type;
		}
		if ("idempotency_key".equals(column)) {
			return "'bench-' || b.n";
		}
		return "t." + column;
	}

	/**
	 * What is cloned for each shape, and what each clone takes from its item rather than
	 * from the template.
	 */
	private static List<Clone> clones(Shape shape) {
		boolean open = shape == Shape.OPEN;
		List<Clone> clones = new ArrayList<>();
		if (shape == Shape.CONTACT_ONLY) {
			clones.add(new Clone("contact", "id = :contact", (row) -> contactDates()));
			clones.add(new Clone("contact_child", "contact_id = :contact",
					(row) -> childOf(Map.of("process_instance_id", "null", "rag", "null"))));
			return clones;
		}
		if (open) {
			clones.add(new Clone("act_ru_execution", "proc_inst_id_ = :pi", (row) -> Map.of()));
			clones.add(new Clone("act_ru_task", "proc_inst_id_ = :pi",
					(row) -> Map.of("create_time_", "b.created_at", "due_date_", "b.due_at", "follow_up_date_",
							"b.warn_at", "assignee_", "b.assignee")));
			clones.add(new Clone("act_ru_identitylink",
					"task_id_ in (select id_ from act_ru_task where proc_inst_id_ = :pi)",
					(row) -> Map.of("group_id_", "b.grp")));
			// A timer already past has fired: only those still to come are scheduled
			clones.add(new Clone("act_ru_job", "process_instance_id_ = :pi",
					(row) -> Map.of("duedate_", timerDue(row), "create_time_", "b.created_at"),
					(row) -> timerDue(row) + " > b.generated_at"));
			clones.add(new Clone("act_ru_variable", "proc_inst_id_ = :pi", WorkGenerator::receivedAtVariable));
		}
		clones.add(new Clone("act_hi_procinst", "proc_inst_id_ = :pi", (row) -> open ? Map.of("start_time_", "b.received_at")
				: Map.of("start_time_", "b.received_at", "end_time_", "b.ended_at", "duration_",
						"(extract(epoch from b.ended_at - b.received_at) * 1000)::bigint", "state_", "'COMPLETED'",
						"end_act_id_", "'EndEvent_NoFurtherMashAction'")));
		clones.add(new Clone("act_hi_actinst", "proc_inst_id_ = :pi",
				(row) -> Map.of("start_time_", "b.created_at", "end_time_",
						(row.get("end_time_") != null || !open) ? "b.created_at" : "null")));
		clones.add(new Clone("act_hi_taskinst", "proc_inst_id_ = :pi", (row) -> {
			Map<String, String> task = new LinkedHashMap<>(Map.of("start_time_", "b.created_at", "due_date_", "b.due_at",
					"follow_up_date_", "b.warn_at", "assignee_", "b.assignee"));
			if (!open) {
				task.putAll(Map.of("end_time_", "b.ended_at", "duration_",
						"(extract(epoch from b.ended_at - b.created_at) * 1000)::bigint", "delete_reason_", "'completed'",
						"task_state_", "'Completed'"));
			}
			return task;
		}));
		clones.add(new Clone("act_hi_varinst", "proc_inst_id_ = :pi", (row) -> {
			Map<String, String> variable = new LinkedHashMap<>(receivedAtVariable(row));
			variable.put("create_time_", "b.created_at");
			return variable;
		}));
		clones.add(new Clone("contact", "id = :contact", (row) -> contactDates()));
		clones.add(new Clone("contact_child", "contact_id = :contact", (row) -> childOf(Map.of())));
		String ended = "b.ended_at";
		clones.add(new Clone("deadline", "process_instance_id = :pi",
				(row) -> open ? Map.of("anchor_at", "b.received_at", "original_due_at", "b.due_at", "due_at", "b.due_at",
						"warn_at", "b.warn_at", "opened_at", "b.created_at", "warned_at",
						"case when b.warn_at < b.generated_at then b.warn_at end", "breached_at",
						"case when b.due_at < b.generated_at then b.due_at end", "status",
						"case when b.due_at < b.generated_at then 'BREACHED' else 'OPEN' end")
						: Map.of("anchor_at", "b.received_at", "original_due_at", "b.due_at", "due_at", "b.due_at",
								"warn_at", "b.warn_at", "opened_at", "b.created_at", "completed_at", ended,
								"completed_by", "b.assignee", "status",
								"case when " + ended + " > b.due_at then 'BREACHED' else 'MET' end", "delay_reason",
								"case when " + ended + " > b.due_at then 'Capacity in the team' end")));
		clones.add(new Clone("deadline_change", "deadline_id in (select id from deadline where process_instance_id = :pi)",
				(row) -> Map.of("id", "generated", "changed_at", "b.created_at", "due_after", "b.due_at")));
		clones.add(new Clone("work_item", "process_instance_id = :pi", (row) -> {
			Map<String, String> item = new LinkedHashMap<>(Map.of("subject_label", "b.given || ' ' || b.family", "rag",
					"b.rag", "due_at", "b.due_at", "warn_at", "b.warn_at", "candidate_groups", "array[b.grp]",
					"assignee", "b.assignee", "created_at", "b.created_at"));
			if (!open) {
				item.putAll(Map.of("state", "'COMPLETED'", "ended_at", ended));
			}
			return item;
		}));
		return clones;
	}

	private static String timerDue(Map<String, Object> job) {
		return ContactTriageProcess.TIMER_SCREENING_NEARLY_DUE.equals(job.get("handler_cfg_")) ? "b.warn_at" : "b.due_at";
	}

	private static Map<String, String> receivedAtVariable(Map<String, Object> variable) {
		return "receivedAt".equals(variable.get("name_"))
				? Map.of("long_", "(extract(epoch from b.received_at) * 1000)::bigint") : Map.of();
	}

	private static Map<String, String> contactDates() {
		return Map.of("received_at", "b.received_at", "recorded_at", "b.received_at");
	}

	private static Map<String, String> childOf(Map<String, String> more) {
		Map<String, String> child = new LinkedHashMap<>(Map.of("given_names", "b.given", "family_name", "b.family",
				"date_of_birth", "b.dob", "rag", "b.rag"));
		child.putAll(more);
		return child;
	}

	private static long[] range(Connection connection, Shape shape) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select min(n), max(n) from bench_item where kind = ?")) {
			statement.setString(1, shape.kind);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return new long[] { result.getLong(1), result.getLong(2) };
			}
		}
	}

	/** The columns a row is written with (a generated column writes itself). */
	private static Map<String, String> columnTypes(Connection connection, String table) throws SQLException {
		Map<String, String> types = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select column_name, format_type(a.atttypid, a.atttypmod)
				from information_schema.columns c
				join pg_attribute a on a.attrelid = c.table_name::regclass and a.attname = c.column_name
				where c.table_schema = 'public' and c.table_name = ? and c.is_generated = 'NEVER'
				order by c.ordinal_position""")) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					types.put(result.getString(1), result.getString(2));
				}
			}
		}
		return types;
	}

	private static List<Map<String, Object>> rows(Connection connection, String query) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
			ResultSetMetaData meta = result.getMetaData();
			while (result.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnName(i), result.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static String single(Connection connection, String query, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					throw new IllegalStateException("Nothing for " + parameter + ": " + query);
				}
				return result.getString(1);
			}
		}
	}

	void execute(String... statements) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The clone's id for a template id: the same in every table, different for every item. */
	static String cloneId(String prefix, String uuid) {
		String fresh = "md5(" + quote(uuid) + " || b.n)::uuid";
		return (prefix != null) ? quote(prefix) + " || " + fresh + "::text" : fresh;
	}

	static String quote(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** The tables a template wrote, for the report. */
	static Set<String> tables(Template template) {
		return new LinkedHashSet<>(template.rows().keySet());
	}

}
