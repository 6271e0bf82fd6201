package org.mashhub.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.referral.ChildIdentification;

import org.springframework.stereotype.Component;

/**
 * The automatic identity and history check:
 * {@code ${identityAndHistoryCheck.run(execution)}} links the child's record when it is
 * certain and routes an open case to its allocated worker.
 */
@Component("identityAndHistoryCheck")
public class IdentityAndHistoryCheck {

	private final ChildIdentification identification;

	IdentityAndHistoryCheck(ChildIdentification identification) {
		this.identification = identification;
	}

	public void run(DelegateExecution execution) {
		ChildIdentification.IdentityCheck found = this.identification
			.checkIdentityAndHistory(execution.getProcessBusinessKey());
		execution.setVariable(ContactTriageProcess.OPEN_CASE, found.openCase());
		execution.setVariable(ContactTriageProcess.ALLOCATED_WORKER, found.allocatedWorker());
		execution.setVariable(ContactTriageProcess.OPERATION_ENCOMPASS, found.operationEncompass());
		execution.setVariable(ContactTriageProcess.MARAC_REFERRAL, found.maracReferral());
	}

}
