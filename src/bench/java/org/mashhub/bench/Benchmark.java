package org.mashhub.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import org.mashhub.local.LocalKeycloak;

/**
 * {@code ./mvnw -Pbench verify}: generates national-scale work on a real PostgreSQL, runs
 * MASH Hub on it in its own JVM, measures intake, the work queue and SLA timers against
 * stock Camunda on the same data, and writes target/bench/report.md and report.json.
 */
public final class Benchmark {

	/**
	 * Leaves the database in target/bench/postgres when the run ends, to look into (the next
	 * run starts afresh all the same).
	 */
	static final String KEEP = "--keep";

	private static final int KEYCLOAK_PORT = 18480;

	private static final int NODE_PORT = 18090;

	/** Items cloned per transaction. */
	static final int BATCH = 50_000;

	/** Camunda's own job executor defaults (the Spring Boot starter's), set explicitly. */
	static final Map<String, String> CAMUNDA_JOB_EXECUTOR_DEFAULTS = Map.of("camunda.bpm.job-execution.core-pool-size",
			"3", "camunda.bpm.job-execution.max-pool-size", "10", "camunda.bpm.job-execution.queue-capacity", "3",
			"camunda.bpm.job-execution.max-jobs-per-acquisition", "3", "camunda.bpm.job-execution.wait-time-in-millis",
			"5000", "camunda.bpm.job-execution.max-wait", "60000", "camunda.bpm.job-execution.backoff-time-in-millis",
			"0", "camunda.bpm.job-execution.max-backoff", "0",
			"camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date", "false",
			"camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null", "false");

	private Benchmark() {
	}

	public static void main(String[] args) {
		BenchOptions options = BenchOptions.parse(args);
		Report report = new Report();
		long started = System.nanoTime();
		report.put("options", options);
		report.put("machine", machine());
		BenchDatabase server = BenchDatabase.start(BenchSettings.directory().resolve("postgres"), "mashhub",
				List.of(args).contains(KEEP));
		LocalKeycloak keycloak = LocalKeycloak.startOrReuse(KEYCLOAK_PORT);
		try {
			run(options, report, server, keycloak.issuer());
		}
		finally {
			keycloak.close();
			server.close();
		}
		report.put("minutes", Latencies.round((System.nanoTime() - started) / 60e9));
		report.write(BenchSettings.directory());
		System.out.println(report.markdown());
		System.out.println("Written to " + BenchSettings.directory().resolve("report.md") + " and report.json");
	}

	private static void run(BenchOptions options, Report report, BenchDatabase database, String issuer) {
		step("PostgreSQL's own commit rate (pgbench)");
		double pgbench = DatabaseFigures.pgbench(database, 16, 20);
		report.put("postgres.settings", BenchDatabase.SETTINGS);
		report.put("postgres.pgbench_tpcb_16_clients_tps", Latencies.round(pgbench));

		step("First start on an empty database, and the template contact");
		BenchClient client = new BenchClient(issuer);
		String templateReference;
		double[] emptyStart;
		try (AppNode node = AppNode.start("empty", NODE_PORT, database, issuer, Map.of())) {
			emptyStart = new double[] { node.readySeconds(), node.springStartedSeconds()[0] };
			templateReference = BenchClient.json(BenchClient.ok(client.post(node.url() + "/api/contacts",
					client.partnerToken("police"), IntakeBenchmark.contact(0), Map.of("Idempotency-Key", "template"))))
				.get("reference")
				.asText();
		}

		if (options.measures("queue") || options.measures("intake")) {
			national(options, report, database, issuer, client, templateReference, emptyStart, pgbench);
		}
		if (options.measures("timers")) {
			step("SLA timers");
			TimerBenchmark timers = new TimerBenchmark(database, issuer, options.timerItems(),
					options.timersDueAtOnce());
			reportTimers(report,
					List.of(timers.run("Camunda's job executor defaults, 1 node", 1, CAMUNDA_JOB_EXECUTOR_DEFAULTS),
							timers.run("MASH Hub's settings, 1 node", 1, Map.of()),
							timers.run("MASH Hub's settings, 2 nodes sharing the database", 2, Map.of())));
		}
		if (options.measures("missing")) {
			missing(options, report, database, issuer, client);
		}
		reportSetup(report, options, pgbench);
		report.targetsFirst();
	}

	/** A year of missing episodes: the coordinator's dashboard, and returns from the police. */
	private static void missing(BenchOptions options, Report report, BenchDatabase database, String issuer,
			BenchClient client) {
		step("Missing children: " + Report.number(MissingBenchmark.EPISODES) + " episodes over a year");
		long rows = MissingBenchmark.generate(database);
		try (AppNode node = AppNode.start("missing", NODE_PORT, database, issuer, Map.of())) {
			MissingBenchmark missing = new MissingBenchmark(database, client, node.url());
			missing.dashboard(options.quick() ? 20 : 50, 0);
			List<MissingBenchmark.Table> tables = missing.dashboard(options.quick() ? 20 : 50,
					options.quick() ? 100 : 300);
			missing.returns(missing.reported("Warm", options.quick() ? 100 : 200), 8);
			List<String> counted = missing.reported("Counted", 50);
			report.put("statements.missing_return", DatabaseFigures.statementsPer(database, counted.size(),
					() -> missing.returns(counted, 1)));
			IntakeBenchmark.Run returns = missing.returns(missing.reported("Back", options.quick() ? 400 : 2000), 8);
			report.put("missing.rows_written", rows);
			report.put("missing", MissingBenchmark.figures(tables, returns));
			report.heading("Missing children at " + Report.number(MissingBenchmark.EPISODES) + " episodes");
			List<List<String>> lines = Report.rows();
			for (MissingBenchmark.Table table : tables) {
				lines.add(List.of("Dashboard: " + table.table(), Report.number(table.latencies().count()),
						ms(table.latencies(), 50), ms(table.latencies(), 95), ms(table.latencies(), 99)));
				report.target("Missing dashboard table " + table.table() + " p95 ≤ 50 ms",
						ms(table.latencies(), 95), table.latencies().percentileMillis(95) <= 50);
			}
			lines.add(List.of("Return reported (police API), concurrency 8", Report.number(returns.calls()),
					ms(returns.latencies(), 50), ms(returns.latencies(), 95), ms(returns.latencies(), 99)));
			report.target("A return through the API p95 ≤ 150 ms at concurrency 8", ms(returns.latencies(), 95),
					returns.latencies().percentileMillis(95) <= 150);
			report.table(List.of("Request", "Samples", "p50", "p95", "p99"), lines);
			report.paragraph(String.format("%,d episodes (%,d open, %,d back and awaiting their interview, the rest "
					+ "closed with an interview), written by SQL as the app writes them; each table asked for one at a "
					+ "time by the coordinator through /api/missing/dashboard/…, after a warm-up. Returns: the police "
					+ "system reports children missing through the API (not timed), then their returns at concurrency "
					+ "8, each moving a real process on to its interview.", MissingBenchmark.EPISODES,
					MissingBenchmark.OPEN, MissingBenchmark.AWAITING));
			report.write(BenchSettings.directory());
		}
	}

	private static String ms(Latencies latencies, double percentile) {
		return String.format("%.1f ms", latencies.percentileMillis(percentile));
	}

	/** The generated national workload, and what is measured on it: lists, intake, heap. */
	private static void national(BenchOptions options, Report report, BenchDatabase database, String issuer,
			BenchClient client, String templateReference, double[] emptyStart, double pgbench) {
		step("Generating " + options.openItems() + " open and " + options.completedItems() + " completed items");
		WorkGenerator generator = new WorkGenerator(database);
		WorkGenerator.Template template = generator.template(templateReference);
		long generating = System.nanoTime();
		generator.execute(WorkMix.teams());
		generator.describeItems(
				WorkMix.items(options.openItems(), options.completedItems(), options.stockContacts(), Instant.now()));
		long[] written = new long[1];
		generator.withoutSecondaryIndexes(template, () -> written[0] = generator.generate(template,
				WorkGenerator.Shape.OPEN, BATCH, "open work")
				+ generator.generate(template, WorkGenerator.Shape.COMPLETED, BATCH, "completed history")
				+ generator.generate(template, WorkGenerator.Shape.CONTACT_ONLY, BATCH, "contacts for stock Camunda"));
		long rows = written[0];
		generator.analyze();
		double generationSeconds = (System.nanoTime() - generating) / 1e9;
		report.put("data.open_items", options.openItems());
		report.put("data.completed_items", options.completedItems());
		report.put("data.rows_written", rows);
		report.put("data.rows_per_second", Latencies.round(rows / generationSeconds));
		report.put("data.cloned_tables", WorkGenerator.tables(template));
		report.put("data.overdue_open_items",
				TimerBenchmark.count(database, "select count(*) from work_item where state = 'OPEN' and due_at < now()"));
		report.put("data.tables", DatabaseFigures.tableSizes(database));

		step("MASH Hub on the generated data");
		List<String> stockKeys = stockBusinessKeys(database);
		try (AppNode node = AppNode.start("national", NODE_PORT, database, issuer, Map.of())) {
			report.put("jvm.startup_empty_database_s", Latencies.round(emptyStart[0]));
			report.put("jvm.spring_started_empty_database_s", Latencies.round(emptyStart[1]));
			report.put("jvm.startup_at_scale_s", Latencies.round(node.readySeconds()));
			report.put("jvm.spring_started_at_scale_s", Latencies.round(node.springStartedSeconds()[0]));
			report.put("jvm.heap_limit", AppNode.HEAP_LIMIT);

			if (options.measures("queue")) {
				step("Work queue: MASH Hub against stock TaskQuery");
				// Every list and count once round, both sides, before any is measured: the first
				// measured is not left to warm the JVMs and the caches for the rest
				WorkQueueBenchmark warmUp = new WorkQueueBenchmark(client, node.url(), options.queueWarmUp(),
						Duration.ZERO, 0);
				warmUp.run();
				warmUp.counts();
				WorkQueueBenchmark queue = new WorkQueueBenchmark(client, node.url(), options.queueWarmUp(),
						options.queueWarmUpTime(), options.queueSamples());
				List<WorkQueueBenchmark.Comparison> lists = queue.run();
				reportLists(report, lists, options);
				reportCounts(report, queue.counts());
				report.write(BenchSettings.directory());
			}
			if (options.measures("intake")) {
				intake(options, report, database, client, node, stockKeys, pgbench);
			}
			double heap = node.heapAfterGcMegabytes();
			report.put("jvm.heap_after_load_mb", Latencies.round(heap));
			report.heading("JVM");
			report.table(List.of("Startup, empty database", "Startup at scale", "Heap in use after the load"),
					List.of(List.of(String.format("%.1f s (Spring %.1f s)", emptyStart[0], emptyStart[1]),
							String.format("%.1f s (Spring %.1f s)", node.readySeconds(), node.springStartedSeconds()[0]),
							String.format("%.0f MB (limit %s)", heap, AppNode.HEAP_LIMIT))));
			report.paragraph("Startup: from starting the JVM until the health check answers (Spring: what Spring Boot "
					+ "logged as its own start). Heap: after the intake and the work queue runs, after a full GC (jcmd).");
			report.target("Heap ≤ 512 MB", String.format("%.0f MB in use after the load and a full GC (limit %s)", heap,
					AppNode.HEAP_LIMIT), heap <= 512);
		}
	}

	private static void intake(BenchOptions options, Report report, BenchDatabase database, BenchClient client,
			AppNode node, List<String> stockKeys, double pgbench) {
		IntakeBenchmark intake = new IntakeBenchmark(client, node.url(), stockKeys);
		step("Warm-up and SQL statements per contact start");
		intake.mashHub(8, options.warmUpContacts());
		intake.stockCamunda(8, options.warmUpContacts());
		Map<String, Object> ours = DatabaseFigures.statementsPer(database, options.statementSamples(),
				() -> intake.mashHub(1, options.statementSamples()));
		Map<String, Object> stock = DatabaseFigures.statementsPer(database, options.statementSamples(),
				() -> intake.stockCamunda(1, options.statementSamples()));
		report.put("statements.mash_hub_contact", ours);
		report.put("statements.stock_start", stock);

		step("Intake: MASH Hub partner API against stock Camunda start");
		List<IntakeBenchmark.Run[]> runs = new ArrayList<>();
		for (int concurrency : options.concurrency()) {
			// In halves, in the order ours, stock, stock, ours, so that neither side gets the
			// quieter database (checkpoints, autovacuum, tables growing)
			int half = options.intakePerLevel() / 2;
			int rest = options.intakePerLevel() - half;
			IntakeBenchmark.Run mashHub = intake.mashHub(concurrency, half);
			IntakeBenchmark.Run camunda = intake.stockCamunda(concurrency, half);
			camunda = camunda.and(intake.stockCamunda(concurrency, rest));
			mashHub = mashHub.and(intake.mashHub(concurrency, rest));
			runs.add(new IntakeBenchmark.Run[] { mashHub, camunda });
			System.out.printf("  %d: %.1f contacts/s against %.1f starts/s%n", concurrency, mashHub.perSecond(),
					camunda.perSecond());
		}
		reportIntake(report, runs, ours, stock, pgbench);
		report.write(BenchSettings.directory());
	}

	private static void reportLists(Report report, List<WorkQueueBenchmark.Comparison> lists, BenchOptions options) {
		report.heading("Work queue at " + Report.number(options.openItems()) + " open items");
		List<List<String>> rows = Report.rows();
		for (WorkQueueBenchmark.Comparison list : lists) {
			String key = "work_queue." + list.list().replaceAll("[^A-Za-z]+", "_").toLowerCase();
			report.put(key + ".mash_hub", list.mashHub().summary());
			report.put(key + ".mash_hub_query", list.mashHubQuery());
			report.put(key + ".stock", list.stock().summary());
			report.put(key + ".stock_query", list.stockQuery());
			report.put(key + ".p95_ratio", Latencies.round(list.p95Ratio()));
			rows.add(List.of(list.list(), Report.ms(list.mashHub().percentileMillis(50)),
					Report.ms(list.mashHub().percentileMillis(95)), Report.ms(list.mashHub().percentileMillis(99)),
					Report.ms(list.stock().percentileMillis(50)), Report.ms(list.stock().percentileMillis(95)),
					Report.ms(list.stock().percentileMillis(99)), Report.ratio(list.p95Ratio())));
		}
		report.table(List.of("List", "MASH Hub p50", "p95", "p99", "Stock TaskQuery p50", "p95", "p99",
				"Stock p95 ÷ MASH Hub p95"), rows);
		double slowest = lists.stream().mapToDouble((list) -> list.mashHub().percentileMillis(95)).max().orElseThrow();
		double leastFaster = lists.stream().mapToDouble(WorkQueueBenchmark.Comparison::p95Ratio).min().orElseThrow();
		report.target("Work queue p95 ≤ 20 ms at " + Report.number(options.openItems()) + " open items",
				"slowest list p95 " + Report.ms(slowest), slowest <= 20);
		report.target("Work queue ≥ 10× faster than the stock TaskQuery (p95)",
				"least " + Report.ratio(leastFaster), leastFaster >= 10);
		report.paragraph("One request at a time through HTTP with a real token, after a warm-up (every list and "
				+ "count " + options.queueWarmUp() + " times round, then each list for at least "
				+ options.queueWarmUpTime().toSeconds() + " s and " + options.queueWarmUp() + " requests before its "
				+ "samples, both sides); " + options.queueSamples() + " samples each. The lists carry no counts: the page asks for its tabs' "
				+ "counts in a request of its own once the list shows (below). "
				+ "Stock Camunda has no child's name (business data stays out of process variables), so its "
				+ "search is by contact reference (business key prefix).");
	}

	private static void reportCounts(Report report, List<WorkQueueBenchmark.Comparison> counts) {
		report.heading("Work queue counts, asked for apart from the list");
		List<List<String>> rows = Report.rows();
		for (WorkQueueBenchmark.Comparison count : counts) {
			String key = "work_queue_counts." + count.list().replaceAll("[^A-Za-z]+", "_").toLowerCase();
			report.put(key + ".mash_hub", count.mashHub().summary());
			report.put(key + ".mash_hub_query", count.mashHubQuery());
			report.put(key + ".stock", count.stock().summary());
			report.put(key + ".stock_query", count.stockQuery());
			rows.add(List.of(count.list(), Report.ms(count.mashHub().percentileMillis(50)),
					Report.ms(count.mashHub().percentileMillis(95)), Report.ms(count.mashHub().percentileMillis(99)),
					Report.ms(count.stock().percentileMillis(50)), Report.ms(count.stock().percentileMillis(95)),
					Report.ms(count.stock().percentileMillis(99))));
		}
		report.table(List.of("Counts", "MASH Hub p50", "p95", "p99", "Stock /task/count p50", "p95", "p99"), rows);
		report.paragraph("MASH Hub counts every tab the reader has (three, or four for a manager), each up to "
				+ "1,000 (\"1,000+\"); stock Camunda counts the one list, exactly. Not a target: the list shows "
				+ "without waiting for them.");
	}

	private static void reportIntake(Report report, List<IntakeBenchmark.Run[]> runs, Map<String, Object> ours,
			Map<String, Object> stock, double pgbench) {
		report.heading("Intake");
		List<List<String>> rows = Report.rows();
		for (IntakeBenchmark.Run[] pair : runs) {
			IntakeBenchmark.Run mash = pair[0];
			IntakeBenchmark.Run camunda = pair[1];
			double ratio = mash.perSecond() / camunda.perSecond();
			String key = "intake.concurrency_" + mash.concurrency();
			report.put(key + ".mash_hub.per_second", Latencies.round(mash.perSecond()));
			report.put(key + ".mash_hub.latency", mash.latencies().summary());
			report.put(key + ".stock.per_second", Latencies.round(camunda.perSecond()));
			report.put(key + ".stock.latency", camunda.latencies().summary());
			report.put(key + ".ratio", Latencies.round(ratio));
			rows.add(List.of(Integer.toString(mash.concurrency()), Report.number(mash.calls()),
					String.format("%.1f", mash.perSecond()), Report.ms(mash.latencies().percentileMillis(50)),
					Report.ms(mash.latencies().percentileMillis(95)), Report.ms(mash.latencies().percentileMillis(99)),
					String.format("%.1f", camunda.perSecond()), Report.ms(camunda.latencies().percentileMillis(50)),
					Report.ms(camunda.latencies().percentileMillis(95)),
					Report.ms(camunda.latencies().percentileMillis(99)), Report.ratio(ratio)));
		}
		double lowest = runs.stream().mapToDouble((pair) -> pair[0].perSecond() / pair[1].perSecond()).min().orElseThrow();
		report.target("Intake ≥ 0.9× stock Camunda's start throughput", "lowest " + Report.ratio(lowest),
				lowest >= 0.9);
		report.table(List.of("Concurrency", "Each", "MASH Hub contacts/s", "p50", "p95", "p99", "Stock starts/s", "p50",
				"p95", "p99", "MASH Hub ÷ stock"), rows);
		report.paragraph("MASH Hub: POST /api/contacts as the police partner system (client credentials): validation, "
				+ "idempotency, the contact stored, the triage started. Stock: POST /engine-rest/process-definition/key/"
				+ "ContactTriageProcess/start as an administrator, for contacts already recorded. Both return once the "
				+ "screening task exists. Per start: MASH Hub " + ours.get("statements_per_action") + " SQL statements in "
				+ ours.get("transactions_per_action") + " transactions (" + ours.get("commits_per_action")
				+ " commits counted by the database, background included); stock " + stock.get("statements_per_action")
				+ " statements in " + stock.get("transactions_per_action") + " transactions ("
				+ stock.get("commits_per_action") + " commits). PostgreSQL alone (pgbench TPC-B-like, "
				+ "16 clients): " + String.format("%.0f", pgbench) + " transactions/s.");
	}

	private static void reportTimers(Report report, List<TimerBenchmark.Run> runs) {
		report.heading("SLA timers");
		List<List<String>> rows = Report.rows();
		int i = 0;
		for (TimerBenchmark.Run run : runs) {
			report.put("timers.run_" + (++i), Map.of("setup", run.setup(), "figures", run.figures()));
			rows.add(List.of(run.setup(), Report.number(run.scheduled()), Report.number(run.dueAtOnce()),
					Report.number(run.fired()), String.format("%.1f s", run.secondsUntilAllFired()),
					String.format("%.1f s", run.secondsAfterLastDue()), String.format("%.1f s", run.latenessP99()),
					String.format("%.1f s", run.latenessMax()),
					Integer.toString(run.duplicates()), Integer.toString(run.early()),
					Integer.toString(run.failedJobs()), run.statements().get("statements_per_action") + " in "
							+ run.statements().get("commits_per_action")));
		}
		for (TimerBenchmark.Run run : runs.subList(1, runs.size())) {
			report.target(Report.number(run.dueAtOnce()) + " timers due in one minute all fire within 60 s, 0 duplicates, "
					+ "0 early (" + run.setup() + ")",
					String.format("%,d fired, latest %.1f s after due, %d duplicates, %d early", run.fired(),
							run.latenessMax(), run.duplicates(), run.early()),
					run.fired() == run.dueAtOnce() && run.latenessMax() <= 60 && run.duplicates() == 0
							&& run.early() == 0);
		}
		report.table(List.of("Setup", "Scheduled", "Due in one minute", "Fired", "First due → all fired",
				"Last due → all fired", "Lateness p99", "Lateness max", "Duplicates", "Early", "Failed jobs",
				"SQL statements in commits, per timer fired"), rows);
		report.paragraph("Each timer is a screening's warning timer (BoundaryEvent_ScreeningNearlyDue) on a generated "
				+ "triage; firing runs the real escalation (deadline ledger, notices). Fired, duplicates and lateness come "
				+ "from the engine's history: one activity instance per firing, its start against the timer's due time. "
				+ "The nodes are started and idle first; then the generated timers are moved to a minute starting 15 s "
				+ "later. Statements and commits are everything the nodes sent from then until the last timer fired "
				+ "(acquisition included), divided by the timers due.");
	}

	private static void reportSetup(Report report, BenchOptions options, double pgbench) {
		report.heading("Setup");
		report.paragraph(String.format(
				"%d cores, %.0f GB; PostgreSQL 17 (embedded binaries) with %s. MASH Hub runs in its own JVM (%s). "
						+ "Open work: %,d items cloned from a real contact's rows (see README, Benchmarks), %,d completed.",
				Runtime.getRuntime().availableProcessors(), memoryGigabytes(), BenchDatabase.SETTINGS, AppNode.HEAP_LIMIT,
				options.openItems(), options.completedItems()));
	}

	private static List<String> stockBusinessKeys(BenchDatabase database) {
		List<String> keys = new ArrayList<>();
		try (var connection = database.connect(); var statement = connection.createStatement();
				var result = statement.executeQuery("""
						select c.reference || '/1' from contact c join contact_child cc on cc.contact_id = c.id
						where cc.process_instance_id is null and c.idempotency_key like 'bench-%' order by c.reference""")) {
			while (result.next()) {
				keys.add(result.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return keys;
	}

	private static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memory_gb", Latencies.round(memoryGigabytes()));
		machine.put("java", System.getProperty("java.version"));
		return machine;
	}

	private static double memoryGigabytes() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9;
	}

	private static void step(String what) {
		System.out.println("[bench " + Instant.now() + "] " + what);
	}

}
