package org.mashhub.bench;

import java.util.List;

/**
 * The sizes of a run: the by default, {@code --quick} for a smoke run, and any
 * one of them set on its own ({@code --open-items=200000}).
 */
record BenchOptions(boolean quick, int openItems, int completedItems, int intakePerLevel, List<Integer> concurrency,
		int warmUpContacts, int statementSamples, int queueWarmUp, int queueSamples, int timerItems, int timersDueAtOnce) {

	static BenchOptions parse(String[] args) {
		boolean quick = List.of(args).contains("--quick");
		BenchOptions options = quick ? new BenchOptions(true, 20_000, 20_000, 500, List.of(8, 16, 32), 100, 50, 10, 50,
				5_000, 1_000)
				: new BenchOptions(false, 1_000_000, 1_000_000, 20_000, List.of(8, 16, 32), 500, 200, 30, 300, 50_000,
						10_000);
		for (String arg : args) {
			if (arg.equals("--quick") || arg.isBlank()) {
				continue;
			}
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Unknown option " + arg + "; see README, Benchmarks");
			}
			int value = Integer.parseInt(pair[1].replace("_", ""));
			options = switch (pair[0]) {
				case "open-items" -> new BenchOptions(quick, value, options.completedItems, options.intakePerLevel,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "completed-items" -> new BenchOptions(quick, options.openItems, value, options.intakePerLevel,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "contacts" -> new BenchOptions(quick, options.openItems, options.completedItems, value,
						options.concurrency, options.warmUpContacts, options.statementSamples, options.queueWarmUp,
						options.queueSamples, options.timerItems, options.timersDueAtOnce);
				case "timers" -> new BenchOptions(quick, options.openItems, options.completedItems,
						options.intakePerLevel, options.concurrency, options.warmUpContacts, options.statementSamples,
						options.queueWarmUp, options.queueSamples, value / 2, options.timersDueAtOnce);
				case "timers-due-at-once" -> new BenchOptions(quick, options.openItems, options.completedItems,
						options.intakePerLevel, options.concurrency, options.warmUpContacts, options.statementSamples,
						options.queueWarmUp, options.queueSamples, options.timerItems, value);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "; see README, Benchmarks");
			};
		}
		return options;
	}

	/** Recorded contacts stock Camunda starts triages for. */
	int stockContacts() {
		return this.concurrency.size() * this.intakePerLevel + this.warmUpContacts + this.statementSamples;
	}

}
