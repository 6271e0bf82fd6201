package org.mashhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The three lists people open most, on the generated data, through MASH Hub's work queue
 * API and through the nearest stock Camunda query ({@code /engine-rest/task}, which runs a
 * TaskQuery with {@code taskCandidateGroupIn}, ordered by due date). One request at a time,
 * after a warm-up, as a person clicking would.
 */
final class WorkQueueBenchmark {

	/** The screener's team (sam.screener's pool). */
	static final List<String> SCREENER_GROUPS = List.of("mash-social-worker");

	/** The teams maya.manager manages (mash.tasks.managers.mash-manager). */
	static final List<String> MANAGED_GROUPS = List.of("mash-social-worker", "business-support", "police-liaison",
			"health-liaison", "education-liaison", "early-help", "probation-liaison", "housing-liaison", "mash-manager");

	private static final List<String> NAME_SEARCHES = List.of("Ameli", "Olivi", "Noah", "Georg", "Isla", "Theod",
			"Freya", "Muham", "Grace", "Archi");

	private final BenchClient client;

	private final String url;

	private final int warmUp;

	private final Duration warmUpTime;

	private final int samples;

	/** One list, both ways. */
	record Comparison(String list, String mashHubQuery, String stockQuery, Latencies mashHub, Latencies stock) {

		double p95Ratio() {
			return this.stock.percentileMillis(95) / this.mashHub.percentileMillis(95);
		}

	}

	/**
	 * Each list runs {@code warmUp} requests, and for at least {@code warmUpTime}, before
	 * its samples.
	 */
	WorkQueueBenchmark(BenchClient client, String url, int warmUp, Duration warmUpTime, int samples) {
		this.client = client;
		this.url = url;
		this.warmUp = warmUp;
		this.warmUpTime = warmUpTime;
		this.samples = samples;
	}

	List<Comparison> run() {
		String groups = String.join(",", SCREENER_GROUPS);
		String managed = String.join(",", MANAGED_GROUPS);
		return List.of(
				compare("My teams' unassigned, by due date, first 50", "sam.screener",
						(i) -> "/api/tasks?tab=UNASSIGNED&sort=DUE&size=50",
						(i) -> "/engine-rest/task?candidateGroups=" + groups
								+ "&unassigned=true&sortBy=dueDate&sortOrder=asc&maxResults=50"),
				compare("Manager: overdue in my teams, first 50", "maya.manager",
						(i) -> "/api/tasks?tab=TEAM&overdue=true&sort=DUE&size=50",
						(i) -> "/engine-rest/task?candidateGroups=" + managed + "&dueBefore=" + now()
								+ "&sortBy=dueDate&sortOrder=asc&maxResults=50"),
				// The engine holds no child's name (business data stays in the app's tables): its
				// nearest search is by business key, the contact reference
				compare("Search by child name, first 50", "maya.manager",
						(i) -> "/api/tasks?tab=TEAM&sort=DUE&size=50&q=" + NAME_SEARCHES.get(i % NAME_SEARCHES.size()),
						(i) -> "/engine-rest/task?candidateGroups=" + managed + "&processInstanceBusinessKeyLike="
								+ reference(i) + "&sortBy=dueDate&sortOrder=asc&maxResults=50"));
	}

	/**
	 * The counts the lists show beside their tabs, which MASH Hub answers in a request of
	 * its own (every tab of the reader, each counted up to 1,000); stock Camunda's nearest
	 * is {@code /engine-rest/task/count} for the one list.
	 */
	List<Comparison> counts() {
		String groups = String.join(",", SCREENER_GROUPS);
		String managed = String.join(",", MANAGED_GROUPS);
		return List.of(
				compare("Counts: the screener's tabs", "sam.screener", (i) -> "/api/tasks/counts",
						(i) -> "/engine-rest/task/count?candidateGroups=" + groups + "&unassigned=true"),
				compare("Counts: the manager's tabs, overdue", "maya.manager", (i) -> "/api/tasks/counts?overdue=true",
						(i) -> "/engine-rest/task/count?candidateGroups=" + managed + "&dueBefore=" + now()),
				compare("Counts: the manager's tabs, searching by name", "maya.manager",
						(i) -> "/api/tasks/counts?q=" + NAME_SEARCHES.get(i % NAME_SEARCHES.size()),
						(i) -> "/engine-rest/task/count?candidateGroups=" + managed + "&processInstanceBusinessKeyLike="
								+ reference(i)));
	}

	private static String now() {
		return BenchClient.encode(IntakeBenchmark.CAMUNDA_DATE.format(Instant.now()));
	}

	private static String reference(int i) {
		return BenchClient.encode("C-2026-000" + (i % 90 + 10) + "%");
	}

	private Comparison compare(String list, String reader, IntFunction<String> mashHub, IntFunction<String> stock) {
		Latencies ours = measure(() -> this.client.userToken(reader), mashHub);
		Latencies theirs = measure(() -> this.client.userToken("ada.admin"), stock);
		return new Comparison(list, mashHub.apply(0), stock.apply(0), ours, theirs);
	}

	private Latencies measure(java.util.function.Supplier<String> token, IntFunction<String> query) {
		long warmUntil = System.nanoTime() + this.warmUpTime.toNanos();
		int i = 0;
		while (i < this.warmUp || System.nanoTime() < warmUntil) {
			request(token, query, i++);
		}
		Latencies latencies = new Latencies();
		for (int sample = 0; sample < this.samples; sample++) {
			latencies.add(request(token, query, i++));
		}
		return latencies;
	}

	/** Nanoseconds until the answer was read. */
	private long request(java.util.function.Supplier<String> token, IntFunction<String> query, int i) {
		String bearer = token.get();
		long sent = System.nanoTime();
		String body = BenchClient.ok(this.client.get(this.url + query.apply(i), bearer));
		long took = System.nanoTime() - sent;
		if (body.length() < 2) {
			throw new IllegalStateException("Empty answer from " + query.apply(i));
		}
		return took;
	}

}
