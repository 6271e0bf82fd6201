package org.mashhub.referral.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.referral.Triage;

import org.springframework.stereotype.Component;

/**
 * The agency checks of a triage, for the model: which were asked (one parallel check
 * each), which group answers each, and closing one whose RAG target passed unanswered.
 */
@Component("agencyChecks")
public class AgencyChecks {

	private final Triage triage;

	AgencyChecks(Triage triage) {
		this.triage = triage;
	}

	public List<String> asked(DelegateExecution execution) {
		return this.triage.agencyChecksOf(execution.getProcessBusinessKey());
	}

	public String liaisonGroup(String agencyCheckId) {
		return this.triage.liaisonGroupOf(agencyCheckId);
	}

	public void noResponseInTime(DelegateExecution execution) {
		this.triage.closeUnanswered((String) execution.getVariable(ContactTriage.AGENCY_CHECK_ID));
	}

}
