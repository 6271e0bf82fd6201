package org.mashhub.referral.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

/**
 * Starts one contact triage for one child, anchored at the contact's receipt.
 */
@Component
public class ContactTriageWorkflow {

	private final RuntimeService runtime;

	ContactTriageWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * Returns the process instance id; the triage reference is its business key, and
	 * {@code decisionPolicy} the SLA policy the threshold decision is due by.
	 */
	public String start(String triageReference, Instant receivedAt, String decisionPolicy) {
		return this.runtime
			.startProcessInstanceByKey(ContactTriageProcess.PROCESS, triageReference,
					Map.of(ContactTriageProcess.RECEIVED_AT, Date.from(receivedAt),
							ContactTriageProcess.DECISION_POLICY, decisionPolicy))
			.getId();
	}

}
