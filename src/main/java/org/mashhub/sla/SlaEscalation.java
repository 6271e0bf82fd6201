package org.mashhub.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.mashhub.notification.Notices;

import org.springframework.stereotype.Component;

/**
 * The escalation pattern every process reuses. A timed step carries non-interrupting
 * boundary timers, {@code BoundaryEvent_<Step>NearlyDue} at {@code ${sla.warn(...)}} and
 * {@code BoundaryEvent_<Step>Overdue} at {@code ${sla.due(...)}}. Each leads to a service
 * task calling {@code ${slaEscalation.warn(execution)}} ("Warn that the step is nearly
 * due") or {@code ${slaEscalation.breach(execution)}} ("Escalate overdue step"), and on
 * to an end event. Each call records it in the ledger, raises the task's priority and
 * tells the policy's groups.
 */
@Component("slaEscalation")
public class SlaEscalation {

	private final Deadlines deadlines;

	private final Notices notices;

	SlaEscalation(Deadlines deadlines, Notices notices) {
		this.deadlines = deadlines;
		this.notices = notices;
	}

	public void warn(DelegateExecution execution) {
		this.deadlines.recordWarning(execution.getProcessInstanceId(), timedStep(execution))
			.ifPresent((deadline) -> tell(deadline, false,
					"Due " + Dates.describe(deadline.dueAt()) + ": " + deadline.stepName()));
	}

	public void breach(DelegateExecution execution) {
		this.deadlines.recordBreach(execution.getProcessInstanceId(), timedStep(execution))
			.ifPresent((deadline) -> tell(deadline, true,
					"Overdue since " + Dates.describe(deadline.dueAt()) + ": " + deadline.stepName()));
	}

	private void tell(Deadline deadline, boolean breach, String message) {
		this.notices.toGroups(this.deadlines.groupsToTell(deadline, breach),
				deadline.subjectType() + " " + deadline.subjectId(), message, "/tasks/" + deadline.taskId());
	}

	/**
	 * The step whose timer led here: the boundary event just before, or the boundary
	 * event itself in the versions deployed before escalations were drawn as service
	 * tasks (which their running instances still follow).
	 */
	private static String timedStep(DelegateExecution execution) {
		ModelElementInstance element = execution.getBpmnModelElementInstance();
		if (element instanceof BoundaryEvent boundary) {
			return boundary.getAttachedTo().getId();
		}
		if (element instanceof FlowNode node) {
			for (SequenceFlow incoming : node.getIncoming()) {
				if (incoming.getSource() instanceof BoundaryEvent boundary) {
					return boundary.getAttachedTo().getId();
				}
			}
		}
		throw new IllegalStateException(
				"slaEscalation must follow a boundary timer; " + execution.getCurrentActivityId() + " does not");
	}

}
