package org.mashhub;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * MASH Hub: the children's services front door, missing children, CSE screening and
 * complaints, on an embedded Camunda engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("mash-hub")
public class MashHubApplication {

	/** Every statutory timescale is judged in English local time. */
	public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/London");

	public static void main(String[] args) {
		SpringApplication.run(MashHubApplication.class, args);
	}

	/**
	 * The engine's clock, which fires the timers: what the app records as "now" agrees
	 * with when deadlines fall due (tests move both by moving the engine's).
	 */
	@Bean
	Clock clock() {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return LOCAL_TIME;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return Clock.fixed(instant(), zone);
			}

			@Override
			public Instant instant() {
				return ClockUtil.getCurrentTime().toInstant();
			}

		};
	}

}
