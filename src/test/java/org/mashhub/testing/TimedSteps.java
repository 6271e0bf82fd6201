package org.mashhub.testing;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The neutral timed-step process ({@code bpmn-test/SlaTimedStepProcess.bpmn}): one task
 * for mash-social-worker under a given SLA policy, with the escalation timers.
 */
public final class TimedSteps {

	public static final String PROCESS = "SlaTimedStepProcess";

	public static final String STEP = "Task_TimedStep";

	public static final String TIMER_NEARLY_DUE = "BoundaryEvent_StepWarning";

	public static final String TIMER_OVERDUE = "BoundaryEvent_StepOverdue";

	public static final String TASK_ESCALATE_OVERDUE = "Task_Escalate";

	private final RuntimeService runtime;

	private final TaskService tasks;

	public TimedSteps(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
		repository.createDeployment()
			.name("sla-tests")
			.addClasspathResource("bpmn-test/SlaTimedStepProcess.bpmn")
			.enableDuplicateFiltering(true)
			.deploy();
	}

	/**
	 * Starts a step received at {@code receivedAt} (the engine clock too), returns its
	 * task id.
	 */
	public String start(String policy, String receivedAt, String businessKey) {
		Date received = Date.from(Instant.parse(receivedAt));
		ClockUtil.setCurrentTime(received);
		try {
			String instance = this.runtime
				.startProcessInstanceByKey(PROCESS, businessKey, Map.of("policy", policy, "receivedAt", received))
				.getId();
			return this.tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey(STEP)
				.singleResult()
				.getId();
		}
		finally {
			ClockUtil.reset();
		}
	}

}
