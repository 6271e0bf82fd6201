package org.mashhub.missing.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.missing.EpisodeAlerts;

import org.springframework.stereotype.Component;

/**
 * The episode's service tasks: who is told at the report and at 24 hours missing, and a
 * strategy discussion called (its anchor, the moment it was called, is kept for the
 * discussion's deadline).
 */
@Component("missingAlerts")
public class MissingAlerts {

	private final EpisodeAlerts alerts;

	private final Clock clock;

	public MissingAlerts(EpisodeAlerts alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	public void reported(DelegateExecution execution) {
		this.alerts.reported(execution.getProcessBusinessKey());
	}

	public void stillMissing(DelegateExecution execution) {
		this.alerts.stillMissing(execution.getProcessBusinessKey());
	}

	public void strategyDiscussionCalled(DelegateExecution execution) {
		Instant now = this.clock.instant();
		execution.setVariable(MissingEpisodeProcess.STRATEGY_DISCUSSION_CALLED_AT, Date.from(now));
		this.alerts.strategyDiscussionCalled(execution.getProcessBusinessKey(), now);
	}

}
