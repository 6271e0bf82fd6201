package org.mashhub.sla;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SlaSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		.withPropertyValues("mash.sla.working-day.opens=09:00", "mash.sla.working-day.closes=17:00");

	@Test
	void aValidPolicyIsBound() {
		this.context.withPropertyValues("mash.sla.policies.STAGE_ONE.clock=WORKING_DAYS",
				"mash.sla.policies.STAGE_ONE.amount=10", "mash.sla.policies.STAGE_ONE.warning=80%",
				"mash.sla.policies.STAGE_ONE.maximum=20", "mash.sla.policies.STAGE_ONE.extendable-by=service-manager")
			.run((started) -> assertThat(started.getBean(SlaSettings.class).policies().get("STAGE_ONE").maximum())
				.isEqualTo(20));
	}

	@Test
	void aMaximumBelowTheAmountStopsStartUpNamingThePolicy() {
		this.context
			.withPropertyValues("mash.sla.policies.BROKEN_POLICY.clock=WORKING_DAYS",
					"mash.sla.policies.BROKEN_POLICY.amount=10", "mash.sla.policies.BROKEN_POLICY.warning=80%",
					"mash.sla.policies.BROKEN_POLICY.maximum=5")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("policies[BROKEN_POLICY]")
				.hasMessageContaining("must not be less than the amount"));
	}

	@Test
	void anUnreadableWarningOrUnknownGroupStopsStartUp() {
		this.context
			.withPropertyValues("mash.sla.policies.ODD.clock=HOURS", "mash.sla.policies.ODD.amount=4",
					"mash.sla.policies.ODD.warning=soon", "mash.sla.policies.ODD.notify-on-breach=nobody")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("policies[ODD].warning")
				.hasMessageContaining("policies[ODD].groups"));
	}

	@Configuration
	@EnableConfigurationProperties(SlaSettings.class)
	static class Settings {

	}

}
