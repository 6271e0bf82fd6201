package org.mashhub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The sizes of a run: the by default, {@code --quick} for a smoke run, and any
 * one of them set on its own ({@code --open-items=200000}).
 */
record BenchOptions(Set<String> parts, boolean quick, int openItems, int completedItems, int intakeContacts, List<Integer> concurrency,
		int warmUpContacts, int statementSamples, int queueWarmUp, int queueSamples, int timerItems, int timersDueAtOnce) {

	/** What a run measures: all of it unless {@code --parts=queue,intake} says otherwise. */
	static final Set<String> ALL = Set.of("queue", "intake", "timers", "missing");

	static BenchOptions parse(String[] args) {
		boolean quick = List.of(args).contains("--quick");
		BenchOptions options = quick ? new BenchOptions(ALL, true, 20_000, 20_000, 1_500, List.of(8, 16, 32), 100, 50, 10, 50,
				5_000, 1_000)
				: new BenchOptions(ALL, false, 1_000_000, 500_000, 20_000, List.of(8, 16, 32), 500, 200, 50, 200, 50_000,
						10_000);
		for (String arg : args) {
			if (arg.equals("--quick") || arg.equals(Benchmark.KEEP) || arg.isBlank()) {
				continue;
			}
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Unknown option " + arg + "; see README, Benchmarks");
			}
			if (pair[0].equals("parts")) {
				options = new BenchOptions(Set.of(pair[1].split(",")), quick, options.openItems, options.completedItems,
						options.intakeContacts, options.concurrency, options.warmUpContacts, options.statementSamples,
						options.queueWarmUp, options.queueSamples, options.timerItems, options.timersDueAtOnce);
				if (!ALL.containsAll(options.parts)) {
					throw new IllegalArgumentException("--parts takes " + ALL);
				}
				continue;
			}
			int value = Integer.parseInt(pair[1].replace("_", ""));
			options = switch (pair[0]) {
				case "open-items" -> new BenchOptions(options.parts, quick, value, options.completedItems, options.intakeContacts,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "completed-items" -> new BenchOptions(options.parts, quick, options.openItems, value, options.intakeContacts,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "contacts" -> new BenchOptions(options.parts, quick, options.openItems, options.completedItems, value,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "timers" -> new BenchOptions(options.parts, quick, options.openItems, options.completedItems,
						options.intakeContacts, options.concurrency, options.warmUpContacts, options.statementSamples,
						options.queueWarmUp, options.queueSamples, value / 2, options.timersDueAtOnce);
				case "timers-due-at-once" -> new BenchOptions(options.parts, quick, options.openItems, options.completedItems,
						options.intakeContacts, options.concurrency, options.warmUpContacts, options.statementSamples,
						options.queueWarmUp, options.queueSamples, options.timerItems, value);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "; see README, Benchmarks");
			};
		}
		return options;
	}

	/**
	 * How long each list runs before its samples: long enough for the JIT to finish with
	 * the request's code, as it has on a server that has been up a while.
	 */
	Duration queueWarmUpTime() {
		return this.quick ? Duration.ofSeconds(2) : Duration.ofSeconds(20);
	}

	/** The contacts are shared evenly between the concurrency levels. */
	int intakePerLevel() {
		return this.intakeContacts / this.concurrency.size();
	}

	boolean measures(String part) {
		return this.parts.contains(part);
	}

	/** Recorded contacts stock Camunda starts triages for. */
	int stockContacts() {
		return this.intakeContacts + this.warmUpContacts + this.statementSamples;
	}

}
