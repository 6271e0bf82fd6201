package org.mashhub.complaints.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The complaints module's hold on the engine: a complaint's process is started, told of
 * the complainant's requests and of a withdrawal, and started again at a stage when a
 * late request is accepted after its window closed.
 */
@Component
public class ComplaintWorkflow {

	private final RuntimeService runtime;

	ComplaintWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Returns the process instance id. */
	public String start(String reference, Instant receivedAt) {
		return this.runtime
			.startProcessInstanceByKey(ComplaintProcess.PROCESS, reference,
					Map.of(ComplaintProcess.RECEIVED_AT, Date.from(receivedAt)))
			.getId();
	}

	/** Whether the complaint's process waits for the complainant to ask for a stage. */
	public boolean isWaitingForRequest(String reference, int stage) {
		return waitingAt(reference,
				(stage == 2) ? ComplaintProcess.GATEWAY_STAGE_2_ASKED : ComplaintProcess.GATEWAY_STAGE_3_ASKED) != null;
	}

	/**
	 * The complainant asked for stage 2 or 3: the waiting process goes on, or, when it
	 * ended because the window closed, a new one starts at that stage. Returns the
	 * process instance id.
	 */
	public String requestStage(String reference, int stage, Instant requestedAt, Map<String, Object> facts) {
		String variable = (stage == 2) ? ComplaintProcess.STAGE_2_REQUESTED_AT : ComplaintProcess.STAGE_3_REQUESTED_AT;
		Map<String, Object> variables = new java.util.HashMap<>(facts);
		variables.put(variable, Date.from(requestedAt));
		if (isWaitingForRequest(reference, stage)) {
			return this.runtime
				.createMessageCorrelation((stage == 2) ? ComplaintProcess.MESSAGE_STAGE_2_REQUESTED
						: ComplaintProcess.MESSAGE_STAGE_3_REQUESTED)
				.processInstanceBusinessKey(reference)
				.setVariables(variables)
				.correlateWithResult()
				.getExecution()
				.getProcessInstanceId();
		}
		ProcessInstance restarted = this.runtime.createProcessInstanceByKey(ComplaintProcess.PROCESS)
			.businessKey(reference)
			.setVariables(variables)
			.startBeforeActivity(
					(stage == 2) ? ComplaintProcess.TASK_AGREE_WRITTEN_RECORD : ComplaintProcess.TASK_CONVENE_PANEL)
			.execute();
		return restarted.getId();
	}

	/** Stage 2's time changed (an extension): steps still to come get the same. */
	public void setStage2WorkingDays(String processInstanceId, int workingDays) {
		this.runtime.setVariable(processInstanceId, ComplaintProcess.STAGE_2_WORKING_DAYS,
				Variables.integerValue(workingDays));
	}

	/** Ends the complaint's process, wherever it is; its open steps are cancelled. */
	public void withdraw(String reference) {
		this.runtime.createMessageCorrelation(ComplaintProcess.MESSAGE_WITHDRAWN)
			.processInstanceBusinessKey(reference)
			.correlateAll();
	}

	private Execution waitingAt(String reference, String activityId) {
		return this.runtime.createExecutionQuery()
			.processDefinitionKey(ComplaintProcess.PROCESS)
			.processInstanceBusinessKey(reference)
			.activityId(activityId)
			.singleResult();
	}

}
