package org.mashhub.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency samples in nanoseconds and their percentiles (nearest rank), reported in
 * milliseconds.
 */
final class Latencies {

	private long[] samples = new long[1024];

	private int size;

	synchronized void add(long nanos) {
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.size * 2);
		}
		this.samples[this.size++] = nanos;
	}

	synchronized void addAll(Latencies other) {
		for (int i = 0; i < other.count(); i++) {
			add(other.samples[i]);
		}
	}

	synchronized int count() {
		return this.size;
	}

	synchronized double percentileMillis(double percentile) {
		if (this.size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("samples", count());
		summary.put("p50_ms", round(percentileMillis(50)));
		summary.put("p95_ms", round(percentileMillis(95)));
		summary.put("p99_ms", round(percentileMillis(99)));
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

}
