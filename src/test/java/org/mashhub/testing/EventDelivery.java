package org.mashhub.testing;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules are delivered after their transaction commits, on another
 * thread: a test that reads what a listener writes waits until the registry holds no
 * publication left to deliver.
 */
public final class EventDelivery {

	private EventDelivery() {
	}

	public static void awaitAllDelivered(JdbcClient jdbc) {
		Awaitility.await("every event delivered")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(25))
			.untilAsserted(
					() -> assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
						.query(Integer.class)
						.single()).as("publications not yet delivered").isZero());
	}

}
