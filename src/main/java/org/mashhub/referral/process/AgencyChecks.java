package org.mashhub.referral.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.referral.AgencyCheckAnswers;

import org.springframework.stereotype.Component;

/**
 * The agency checks of a triage, for the model: which were asked (one parallel check
 * each), which group answers each, and closing one whose RAG target passed unanswered.
 */
@Component("agencyChecks")
public class AgencyChecks {

	private final AgencyCheckAnswers checks;

	AgencyChecks(AgencyCheckAnswers checks) {
		this.checks = checks;
	}

	public List<String> asked(DelegateExecution execution) {
		return this.checks.askedOf(execution.getProcessBusinessKey());
	}

	public String liaisonGroup(String agencyCheckId) {
		return this.checks.liaisonGroupOf(agencyCheckId);
	}

	public void noResponseInTime(DelegateExecution execution) {
		this.checks.closeUnanswered((String) execution.getVariable(ContactTriageProcess.AGENCY_CHECK_ID));
	}

}
