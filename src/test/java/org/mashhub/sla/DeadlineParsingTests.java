package org.mashhub.sla;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.ReadOnlyProcessDefinition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mashhub.testing.ProcessTestEngine;
import org.mashhub.testing.TimedSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine adds to a model with a timed step as it parses it: the step's close and
 * cancel listeners, and which of its timers warns and which is its deadline.
 */
@Deployment(resources = "bpmn-test/SlaTimedStepProcess.bpmn")
class DeadlineParsingTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	@Test
	void aStepThatOpensADeadlineClosesItWhenCompletedAndCancelsItWhenDeleted() {
		ActivityImpl step = timedStep();

		assertThat(listeners(step, TaskListener.EVENTNAME_CREATE))
			.containsExactly("${deadline.open(task, policy, receivedAt)}");
		assertThat(listeners(step, TaskListener.EVENTNAME_COMPLETE)).containsExactly("${deadline.close(task)}");
		assertThat(listeners(step, TaskListener.EVENTNAME_DELETE)).containsExactly("${deadline.cancel(task)}");
	}

	@Test
	void aStepsTimersAtTheSlasWarningAndDeadlineAreNotedAsSuch() {
		ActivityImpl step = timedStep();

		assertThat(DeadlineTimer.WARNING.on(step)).containsExactly(TimedSteps.TIMER_NEARLY_DUE);
		assertThat(DeadlineTimer.DUE.on(step)).containsExactly(TimedSteps.TIMER_OVERDUE);
	}

	@Test
	void aTimerIsTheDeadlinesOnlyWhenItsTimeIsTheSlas() {
		assertThat(DeadlineTimer.of("${ sla.due(policy, receivedAt) }")).contains(DeadlineTimer.DUE);
		assertThat(DeadlineTimer.of("${sla.warn('POLICY', receivedAt, 25)}")).contains(DeadlineTimer.WARNING);
		assertThat(DeadlineTimer.of("${dueAt}")).isEmpty();
		assertThat(DeadlineTimer.of("2026-12-01T10:00:00Z")).isEmpty();
	}

	private static ActivityImpl timedStep() {
		String definition = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(TimedSteps.PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		return (ActivityImpl) ((ReadOnlyProcessDefinition) engine.getRepositoryService()
			.getProcessDefinition(definition)).findActivity(TimedSteps.STEP);
	}

	private static List<String> listeners(ActivityImpl step, String event) {
		return ((UserTaskActivityBehavior) step.getActivityBehavior()).getTaskDefinition()
			.getTaskListenersForEvent(event)
			.stream()
			.map((listener) -> ((ExpressionTaskListener) listener).getExpressionText())
			.toList();
	}

}
