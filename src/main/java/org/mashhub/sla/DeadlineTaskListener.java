package org.mashhub.sla;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * A timed user task's deadline, for BPMN task listeners. A model names only the opening,
 * on create: {@code ${deadline.open(task, 'POLICY', receivedAt)}} opens the ledger entry
 * and sets the task's due and follow-up dates from it. Parsing adds the rest to every
 * such task ({@code DeadlineParsing}): on complete {@code ${deadline.close(task)}} closes
 * it, refusing a late completion without a reason for delay; on delete
 * {@code ${deadline.cancel(task)}}.
 * <p>
 * The task's boundary timers use {@code ${sla.warn(...)}} and {@code ${sla.due(...)}}
 * with the same policy and anchor, so they agree with the task to the second.
 */
@Component(DeadlineTaskListener.NAME)
public class DeadlineTaskListener {

	static final String NAME = "deadline";

	/** How the create listener of a timed user task begins. */
	static final String OPEN = "${" + NAME + ".open(";

	static final String CLOSE = "${" + NAME + ".close(task)}";

	static final String CANCEL = "${" + NAME + ".cancel(task)}";

	private final Deadlines deadlines;

	private final RepositoryService repository;

	private final IdentityService identity;

	DeadlineTaskListener(Deadlines deadlines, RepositoryService repository, IdentityService identity) {
		this.deadlines = deadlines;
		this.repository = repository;
		this.identity = identity;
	}

	public void open(DelegateTask task, String policy, Object anchor) {
		open(task, policy, anchor, null);
	}

	/**
	 * Opens a step of a stage whose time may have been extended: {@code amount} is the
	 * stage's clock units now (the timers use {@code ${sla.due(policy, anchor,
	 * amount)}}).
	 */
	public void open(DelegateTask task, String policy, Object anchor, Integer amount) {
		String businessKey = task.getExecution().getProcessBusinessKey();
		Deadline deadline = this.deadlines.open(new Deadlines.Opening(policy,
				this.repository.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
				(businessKey != null) ? businessKey : task.getProcessInstanceId(), Sla.instant(anchor),
				task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(), task.getName(), amount));
		task.setDueDate(Date.from(deadline.dueAt()));
		task.setFollowUpDate(Date.from(deadline.warnAt()));
	}

	public void close(DelegateTask task) {
		Object reason = task.getVariable(Deadlines.REASON_FOR_DELAY);
		this.deadlines.completeTask(task.getId(), actor(task), (reason != null) ? reason.toString() : null);
	}

	public void cancel(DelegateTask task) {
		this.deadlines.cancelTask(task.getId(), actor(task));
	}

	private String actor(DelegateTask task) {
		Authentication current = this.identity.getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return (task.getAssignee() != null) ? task.getAssignee() : "system";
	}

}
