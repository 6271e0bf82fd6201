package org.mashhub;

import java.time.Clock;
import java.time.ZoneId;

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

	@Bean
	Clock clock() {
		return Clock.system(LOCAL_TIME);
	}

}
