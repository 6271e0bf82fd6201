package org.mashhub.sla;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The deadlines and timers for the operators' metrics: warnings and breaches by policy
 * ({@code mash_sla_warnings_total}, {@code mash_sla_breaches_total}), timers and other
 * jobs due and not yet run ({@code mash_jobs_due}), and jobs that failed for good
 * ({@code mash_jobs_failed}: Camunda incidents). Read each refresh, whatever the scrapes.
 */
@Component
class SlaMetrics {

	private final JdbcClient jdbc;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> warnings = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> breaches = new ConcurrentHashMap<>();

	private final AtomicLong jobsDue = new AtomicLong();

	private final AtomicLong jobsFailed = new AtomicLong();

	SlaMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.management = management;
		this.runtime = runtime;
		this.registry = registry;
		Gauge.builder("mash.jobs.due", this.jobsDue, AtomicLong::get)
			.description("Timers and other jobs due and not yet run")
			.register(registry);
		Gauge.builder("mash.jobs.failed", this.jobsFailed, AtomicLong::get)
			.description("Jobs that failed for good (Camunda incidents)")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${mash.metrics.refresh-every:PT15S}")
	void refresh() {
		this.jdbc.sql("""
				select policy, count(warned_at) as warned, count(breached_at) as breached
				from deadline group by policy""").query((rs) -> {
			counter(this.warnings, "mash.sla.warnings", "Deadlines that reached their warning", rs.getString(1))
				.set(rs.getLong(2));
			counter(this.breaches, "mash.sla.breaches", "Deadlines breached", rs.getString(1)).set(rs.getLong(3));
		});
		this.jobsDue.set(this.management.createJobQuery().executable().count());
		this.jobsFailed.set(this.runtime.createIncidentQuery().count());
	}

	private AtomicLong counter(Map<String, AtomicLong> values, String name, String description, String policy) {
		return values.computeIfAbsent(policy, (key) -> {
			AtomicLong value = new AtomicLong();
			FunctionCounter.builder(name, value, AtomicLong::get)
				.description(description)
				.tag("policy", key)
				.register(this.registry);
			return value;
		});
	}

}
