package org.mashhub.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.referral.RagChanges;

import org.springframework.stereotype.Component;

/**
 * {@code ${triageAlerts.redContact(execution)}}: a red contact reaches the MASH managers
 * at once.
 */
@Component("triageAlerts")
public class TriageAlerts {

	private final RagChanges ragChanges;

	TriageAlerts(RagChanges ragChanges) {
		this.ragChanges = ragChanges;
	}

	public void redContact(DelegateExecution execution) {
		this.ragChanges.alertRed(execution.getProcessBusinessKey());
	}

}
