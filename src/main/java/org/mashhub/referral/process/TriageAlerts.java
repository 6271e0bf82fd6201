package org.mashhub.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.referral.Triage;

import org.springframework.stereotype.Component;

/**
 * {@code ${triageAlerts.redContact(execution)}}: a red contact reaches the MASH managers
 * at once.
 */
@Component("triageAlerts")
public class TriageAlerts {

	private final Triage triage;

	TriageAlerts(Triage triage) {
		this.triage = triage;
	}

	public void redContact(DelegateExecution execution) {
		this.triage.alertRed(execution.getProcessBusinessKey());
	}

}
