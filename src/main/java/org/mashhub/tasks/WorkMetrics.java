package org.mashhub.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work queue for the operators' metrics: open and overdue work by process
 * ({@code mash_work_open}, {@code mash_work_overdue}), read in one grouped query each
 * refresh, whatever the scrapes.
 */
@Component
class WorkMetrics {

	private final JdbcClient jdbc;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

	WorkMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mash.metrics.refresh-every:PT15S}")
	void refresh() {
		Map<String, long[]> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select process_definition_key, count(*) as open, count(*) filter (where due_at < :now) as overdue
				from work_item where state = 'OPEN' group by process_definition_key""")
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs) -> {
				counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		counts.keySet().forEach((process) -> {
			gauge(this.open, "mash.work.open", "Open work items", process);
			gauge(this.overdue, "mash.work.overdue", "Open work items past their due time", process);
		});
		this.open.forEach((process, value) -> value.set(counts.getOrDefault(process, new long[2])[0]));
		this.overdue.forEach((process, value) -> value.set(counts.getOrDefault(process, new long[2])[1]));
	}

	private void gauge(Map<String, AtomicLong> values, String name, String description, String process) {
		values.computeIfAbsent(process, (key) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder(name, value, AtomicLong::get)
				.description(description)
				.tag("process", key)
				.register(this.registry);
			return value;
		});
	}

}
