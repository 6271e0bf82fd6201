package org.mashhub.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Contacts through the partner API against the same model started through Camunda's
 * stock REST API. Both calls return once the triage waits at its first user task (the
 * start is synchronous up to there), so a call's latency is the time until that task
 * exists.
 */
final class IntakeBenchmark {

	/** Camunda REST's date format. */
	static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	private final BenchClient client;

	private final String url;

	private final List<String> stockBusinessKeys;

	private final AtomicInteger nextStock = new AtomicInteger();

	private final AtomicInteger nextContact = new AtomicInteger();

	/** What one run measured. */
	record Run(int concurrency, int calls, double seconds, Latencies latencies) {

		double perSecond() {
			return this.calls / this.seconds;
		}

		/** Two runs at the same concurrency as one: their calls over their time together. */
		Run and(Run other) {
			Latencies both = new Latencies();
			both.addAll(this.latencies);
			both.addAll(other.latencies);
			return new Run(this.concurrency, this.calls + other.calls, this.seconds + other.seconds, both);
		}

	}

	IntakeBenchmark(BenchClient client, String url, List<String> stockBusinessKeys) {
		this.client = client;
		this.url = url;
		this.stockBusinessKeys = stockBusinessKeys;
	}

	Run mashHub(int concurrency, int contacts) {
		return run(concurrency, contacts, (call) -> {
			int number = this.nextContact.incrementAndGet();
			BenchClient.ok(this.client.post(this.url + "/api/contacts", this.client.partnerToken("police"),
					contact(number), Map.of("Idempotency-Key", "bench-intake-" + number)));
		});
	}

	Run stockCamunda(int concurrency, int starts) {
		return run(concurrency, starts, (call) -> {
			String businessKey = this.stockBusinessKeys.get(this.nextStock.getAndIncrement());
			BenchClient.ok(this.client.post(this.url + "/engine-rest/process-definition/key/ContactTriageProcess/start",
					this.client.userToken("ada.admin"), """
							{"businessKey": "%s", "variables": {
							  "receivedAt": {"value": "%s", "type": "Date"},
							  "decisionPolicy": {"value": "CONTACT_DECISION", "type": "String"}}}"""
						.formatted(businessKey, CAMUNDA_DATE.format(Instant.now())),
					Map.of()));
		});
	}

	/** Makes the calls from {@code concurrency} threads at once, timing each. */
	static Run run(int concurrency, int calls, IntConsumer call) {
		Latencies latencies = new Latencies();
		AtomicInteger issued = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long started = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int worker = 0; worker < concurrency; worker++) {
			workers.add(pool.submit(() -> {
				int index;
				while ((index = issued.getAndIncrement()) < calls) {
					long sent = System.nanoTime();
					call.accept(index);
					latencies.add(System.nanoTime() - sent);
				}
			}));
		}
		try {
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("An intake call failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		return new Run(concurrency, calls, (System.nanoTime() - started) / 1e9, latencies);
	}

	/** A police contact about one child, as a partner system sends it; names vary. */
	static String contact(int number) {
		String given = WorkMix.GIVEN.get(number % WorkMix.GIVEN.size());
		String family = WorkMix.FAMILY.get((number / WorkMix.GIVEN.size()) % WorkMix.FAMILY.size());
		return """
				{"referrer": {"name": "PC Bench", "agency": "POLICE", "role": "Public protection officer",
				              "phone": "01632 960001", "feedbackRoute": "PHONE"},
				 "children": [{"givenNames": "%s", "familyName": "%s", "dateOfBirth": "2015-03-01"}],
				 "concerns": "Neighbours report the child is often left alone overnight.", "categories": ["NEGLECT"],
				 "consent": {"status": "GIVEN", "givenBy": "Mother"}}"""
			.formatted(given, family);
	}

}
