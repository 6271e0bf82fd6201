package org.mashhub.cse.process;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.cse.ScreeningAlerts;

import org.springframework.stereotype.Component;

/**
 * The screening's service tasks: the coordinators told of a new screening, and a
 * screening closed when the child turns 18.
 */
@Component("cseAlerts")
public class CseAlerts {

	private final ScreeningAlerts alerts;

	private final Clock clock;

	public CseAlerts(ScreeningAlerts alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	public void opened(DelegateExecution execution) {
		this.alerts.opened(execution.getProcessBusinessKey());
	}

	public void turnedEighteen(DelegateExecution execution) {
		this.alerts.turnedEighteen(execution.getProcessBusinessKey(), this.clock.instant());
	}

}
