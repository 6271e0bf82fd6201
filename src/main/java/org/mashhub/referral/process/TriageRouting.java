package org.mashhub.referral.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * What a running triage needs told when a person changes its routing facts after the
 * fact: a re-rating moves its RAG and target.
 */
@Component
public class TriageRouting {

	private final RuntimeService runtime;

	private final TaskService tasks;

	TriageRouting(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/** The ids of the triage's information requests still waiting for an answer. */
	public List<String> openAgencyCheckTasks(String processInstanceId) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK)
			.list()
			.stream()
			.map(Task::getId)
			.toList();
	}

	public void reRated(String processInstanceId, String rag, String ragPolicy, Instant at) {
		this.runtime.setVariables(processInstanceId, Map.of(ContactTriageProcess.RAG, rag,
				ContactTriageProcess.RAG_POLICY, ragPolicy, ContactTriageProcess.RAG_SET_AT, Date.from(at)));
	}

}
