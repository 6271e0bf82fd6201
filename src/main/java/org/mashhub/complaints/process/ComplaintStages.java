package org.mashhub.complaints.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mashhub.complaints.Complaints;

import org.springframework.stereotype.Component;

/**
 * The complainant did not ask for the next stage within its window: the complaint closes
 * at the stage it reached ({@code ${complaintStages.stage2WindowPassed(execution)}}).
 */
@Component("complaintStages")
public class ComplaintStages {

	private final Complaints complaints;

	ComplaintStages(Complaints complaints) {
		this.complaints = complaints;
	}

	public void stage2WindowPassed(DelegateExecution execution) {
		this.complaints.closeWhenNoRequest(execution.getProcessBusinessKey(), 1);
	}

	public void stage3WindowPassed(DelegateExecution execution) {
		this.complaints.closeWhenNoRequest(execution.getProcessBusinessKey(), 2);
	}

}
