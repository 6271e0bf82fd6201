package org.mashhub.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mashhub.referral.process.ContactTriageProcess;

/**
 * SLA timers at scale: generated triages each carry the two boundary timers the engine
 * scheduled for screening (warning and breach); a share of the warnings fall due in the
 * same minute, on one node or on two sharing the database. What fired is read from the
 * engine's own history (one activity instance per timer that fired), so a timer that
 * fired twice, or early, shows.
 */
final class TimerBenchmark {

	private static final String WARNING = ContactTriageProcess.TIMER_SCREENING_NEARLY_DUE;

	private static final Duration LIMIT = Duration.ofMinutes(15);

	/** From moving the timers to the minute until the minute starts. */
	private static final Duration LEAD = Duration.ofSeconds(15);

	/** What one run saw. */
	record Run(String setup, int nodes, int scheduled, int dueAtOnce, int fired, int duplicates, int early,
			double secondsUntilAllFired, double secondsAfterLastDue, double latenessP50, double latenessP99,
			double latenessMax, int failedJobs, Map<String, Object> statements, Map<String, String> settings) {

		Map<String, Object> figures() {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("nodes", this.nodes);
			figures.put("scheduled_timers", this.scheduled);
			figures.put("due_in_the_same_minute", this.dueAtOnce);
			figures.put("fired", this.fired);
			figures.put("duplicates", this.duplicates);
			figures.put("early", this.early);
			figures.put("seconds_from_first_due_until_all_fired", Latencies.round(this.secondsUntilAllFired));
			figures.put("seconds_after_last_due_until_all_fired", Latencies.round(this.secondsAfterLastDue));
			figures.put("lateness_p50_s", Latencies.round(this.latenessP50));
			figures.put("lateness_p99_s", Latencies.round(this.latenessP99));
			figures.put("lateness_max_s", Latencies.round(this.latenessMax));
			figures.put("failed_jobs", this.failedJobs);
			figures.put("statements_per_timer_fired", this.statements);
			figures.put("job_executor", this.settings);
			return figures;
		}

	}

	private final BenchDatabase server;

	private final String issuer;

	private final int items;

	private final int dueAtOnce;

	TimerBenchmark(BenchDatabase server, String issuer, int items, int dueAtOnce) {
		this.server = server;
		this.issuer = issuer;
		this.items = items;
		this.dueAtOnce = dueAtOnce;
	}

	Run run(String setup, int nodes, Map<String, String> jobExecutor) {
		BenchDatabase database = this.server.other("mashhub_timers");
		BenchClient client = new BenchClient(this.issuer);
		String reference;
		try (AppNode first = AppNode.start("timers-setup", 18091, database, this.issuer,
				Map.of("camunda.bpm.job-execution.enabled", "false"))) {
			reference = BenchClient.json(BenchClient.ok(client.post(first.url() + "/api/contacts",
					client.partnerToken("police"), IntakeBenchmark.contact(0), Map.of("Idempotency-Key", "template"))))
				.get("reference")
				.asText();
		}
		WorkGenerator generator = new WorkGenerator(database);
		WorkGenerator.Template template = generator.template(reference);
		Instant placeholder = Instant.now().plus(Duration.ofDays(365));
		generator.execute(WorkMix.teams());
		generator.describeItems(WorkMix.timers(this.items, this.dueAtOnce, placeholder, Instant.now()));
		generator.withoutSecondaryIndexes(template,
				() -> generator.generate(template, WorkGenerator.Shape.OPEN, Benchmark.BATCH, "timers"));
		generator.analyze();
		int scheduled = count(database, "select count(*) from act_ru_job where type_ = 'timer'");
		List<AppNode> running = new ArrayList<>();
		Map<String, Object> statements;
		try {
			for (int node = 1; node <= nodes; node++) {
				running.add(AppNode.start("timers-" + node, 18091 + node, database, this.issuer, jobExecutor));
			}
			// Every node is up and idle before the minute is set: starting one is not timed
			statements = DatabaseFigures.statementsPer(database, this.dueAtOnce, () -> {
				Instant minute = Instant.now().plus(LEAD);
				bringForward(database, placeholder, minute);
				awaitFiring(database, minute.plus(Duration.ofMinutes(1)));
			});
		}
		finally {
			running.forEach(AppNode::close);
		}
		return result(setup, nodes, scheduled, database, template.processInstanceId(), statements, jobExecutor);
	}

	/** Moves the timers generated at the placeholder, and what mirrors them, to the minute. */
	private void bringForward(BenchDatabase database, Instant placeholder, Instant minute) {
		String shift = "interval '" + Duration.between(placeholder, minute).toMillis() + " milliseconds'";
		String generated = "'" + placeholder + "'::timestamptz";
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("update act_ru_job set duedate_ = duedate_ + " + shift + " where duedate_ >= " + generated
					+ " at time zone 'UTC'");
			statement.execute("update bench_item set warn_at = warn_at + " + shift + " where n <= " + this.dueAtOnce);
			statement.execute("update deadline set warn_at = warn_at + " + shift + " where warn_at >= " + generated);
			statement.execute("update work_item set warn_at = warn_at + " + shift + " where warn_at >= " + generated);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until no job due in the minute is left. Asked of the due-date index: counting
	 * firings in history meant a scan of it every half second, on the cores the nodes need.
	 */
	private void awaitFiring(BenchDatabase database, Instant endOfMinute) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		String due = "select count(*) from act_ru_job where duedate_ <= '" + endOfMinute
				+ "'::timestamptz at time zone 'UTC'";
		while (count(database, due) > 0 && System.nanoTime() < deadline) {
			AppNode.pause(Duration.ofMillis(500));
		}
		// Anything that would fire twice does so within a few acquisition cycles
		AppNode.pause(Duration.ofSeconds(10));
	}

	private Run result(String setup, int nodes, int scheduled, BenchDatabase database, String templateInstance,
			Map<String, Object> statements, Map<String, String> jobExecutor) {
		String fired = """
				select b.n, b.warn_at, a.start_time_ at time zone 'UTC' as fired_at
				from bench_item b join act_hi_actinst a on a.proc_inst_id_ = (%s)::text and a.act_id_ = '%s'
				where b.n <= %d""".formatted(WorkGenerator.cloneId(null, templateInstance), WARNING, this.dueAtOnce);
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("""
						with f as (%s)
						select count(*), count(*) - count(distinct n), count(*) filter (where fired_at < warn_at),
						  extract(epoch from max(fired_at) - (select min(warn_at) from bench_item where n <= %d)),
						  extract(epoch from max(fired_at) - (select max(warn_at) from bench_item where n <= %d)),
						  percentile_cont(0.5) within group (order by extract(epoch from fired_at - warn_at)),
						  percentile_cont(0.99) within group (order by extract(epoch from fired_at - warn_at)),
						  max(extract(epoch from fired_at - warn_at)),
						  (select count(*) from act_ru_job where exception_msg_ is not null)
						from f""".formatted(fired, this.dueAtOnce, this.dueAtOnce))) {
			result.next();
			return new Run(setup, nodes, scheduled, this.dueAtOnce, result.getInt(1), result.getInt(2), result.getInt(3),
					result.getDouble(4), result.getDouble(5), result.getDouble(6), result.getDouble(7),
					result.getDouble(8), result.getInt(9), statements, jobExecutor);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int count(BenchDatabase database, String query) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
