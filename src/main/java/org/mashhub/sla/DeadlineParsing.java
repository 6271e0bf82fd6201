package org.mashhub.sla;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.stereotype.Component;

/**
 * The escalation pattern's wiring, added as the engine parses each model so that a model
 * names only what differs from step to step. A user task whose create listener is
 * {@code ${deadline.open(...)}} also closes its deadline when it completes and cancels it
 * when it is deleted ({@link DeadlineTaskListener}); a boundary timer at
 * {@code ${sla.warn(...)}} or {@code ${sla.due(...)}} is noted as its step's warning or
 * deadline timer ({@link DeadlineTimer}), which the ledger moves and stops with the
 * deadline.
 * <p>
 * Its parse listener runs before the engine's own, so close and cancel come straight
 * after the model's own listeners, where the models used to name them, and before the
 * listeners that Spring's event publishing adds.
 */
@Component
class DeadlineParsing extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		listeners.add(new Listener());
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	private static final class Listener extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
				TaskDefinition task = userTask.getTaskDefinition();
				if (names(task, TaskListener.EVENTNAME_CREATE, DeadlineTaskListener.OPEN)) {
					add(userTask, TaskListener.EVENTNAME_COMPLETE, DeadlineTaskListener.CLOSE);
					add(userTask, TaskListener.EVENTNAME_DELETE, DeadlineTaskListener.CANCEL);
				}
			}
		}

		@Override
		public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
				ActivityImpl timerActivity) {
			Element timeDate = timerEventDefinition.element("timeDate");
			if (timeDate != null) {
				DeadlineTimer.of(timeDate.getText()).ifPresent((kind) -> kind.note(timerActivity));
			}
		}

		/**
		 * Versions deployed before parsing added them still name close and cancel
		 * themselves: those are not added twice.
		 */
		private static void add(UserTaskActivityBehavior userTask, String event, String expression) {
			TaskDefinition task = userTask.getTaskDefinition();
			if (!names(task, event, expression)) {
				task.addTaskListener(event,
						new ExpressionTaskListener(userTask.getExpressionManager().createExpression(expression)));
			}
		}

		/** Whether the task has a listener for the event whose expression begins so. */
		private static boolean names(TaskDefinition task, String event, String expressionStart) {
			List<TaskListener> listeners = task.getTaskListenersForEvent(event);
			return listeners != null && listeners.stream()
				.filter(ExpressionTaskListener.class::isInstance)
				.map((listener) -> ((ExpressionTaskListener) listener).getExpressionText().replaceAll("\\s", ""))
				.anyMatch((text) -> text.startsWith(expressionStart));
		}

	}

}
