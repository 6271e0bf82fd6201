package org.mashhub.web;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry for the operators' metrics: events published and not yet
 * delivered to every listener ({@code mash_events_undelivered}); a number that stays up
 * means a listener keeps failing.
 */
@Component
class EventMetrics {

	private final JdbcClient jdbc;

	private final AtomicLong undelivered = new AtomicLong();

	EventMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		Gauge.builder("mash.events.undelivered", this.undelivered, AtomicLong::get)
			.description("Events between modules not yet delivered")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${mash.metrics.refresh-every:PT15S}")
	void refresh() {
		this.undelivered.set(this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single());
	}

}
