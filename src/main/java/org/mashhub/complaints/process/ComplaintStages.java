package org.mashhub.complaints.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.complaints.ComplainantRequests;

import org.springframework.stereotype.Component;

/**
 * The complainant did not ask for the next stage within its window: the complaint closes
 * at the stage it reached ({@code ${complaintStages.stage2WindowPassed(execution)}}).
 */
@Component("complaintStages")
public class ComplaintStages {

	private final ComplainantRequests requests;

	ComplaintStages(ComplainantRequests requests) {
		this.requests = requests;
	}

	public void stage2WindowPassed(DelegateExecution execution) {
		this.requests.closeWhenNoRequest(execution.getProcessBusinessKey(), 1);
	}

	public void stage3WindowPassed(DelegateExecution execution) {
		this.requests.closeWhenNoRequest(execution.getProcessBusinessKey(), 2);
	}

}
