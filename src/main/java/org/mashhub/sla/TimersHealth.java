package org.mashhub.sla;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether this node fires the timers every deadline hangs on (health {@code timers}, in
 * readiness): down when the job executor should run and does not. A node set not to run
 * it ({@code camunda.bpm.job-execution.enabled=false}, another node fires them) is up,
 * and says so.
 */
// The bean's name gives the health contributor its name: timers
@Component("timersHealthIndicator")
class TimersHealth extends AbstractHealthIndicator {

	private final ProcessEngineConfigurationImpl engine;

	private final boolean enabled;

	TimersHealth(ProcessEngineConfigurationImpl engine,
			@Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
		this.engine = engine;
		this.enabled = enabled;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		JobExecutor executor = this.engine.getJobExecutor();
		boolean active = executor != null && executor.isActive();
		if (!this.enabled) {
			health.up().withDetail("timers", "fired by other nodes: this node's job executor is turned off");
		}
		else if (active) {
			health.up().withDetail("timers", "fired by this node's job executor");
		}
		else {
			health.down().withDetail("timers", "this node's job executor is not running: timers are not fired");
		}
	}

}
