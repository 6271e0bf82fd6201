package org.mashhub.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.SlaCalculator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the work queue in step with the engine's tasks, in the engine's own transaction:
 * every task event (create, assignment, update, complete, delete) is noted, and the
 * task's final state of the transaction is written just before it commits, after every
 * task listener has run.
 */
@Component
class WorkItemSync {

	private static final Object PENDING = new Object();

	private final WorkItemRepository items;

	private final RepositoryService repository;

	private final List<TaskSubjects> subjects;

	private final Deadlines deadlines;

	private final SlaCalculator sla;

	private final Clock clock;

	WorkItemSync(WorkItemRepository items, RepositoryService repository, List<TaskSubjects> subjects,
			Deadlines deadlines, SlaCalculator sla, Clock clock) {
		this.clock = clock;
		this.items = items;
		this.repository = repository;
		this.subjects = subjects;
		this.deadlines = deadlines;
		this.sla = sla;
	}

	@EventListener
	void taskChanged(DelegateTask task) {
		Map<String, Pending> pending = pendingInThisTransaction();
		Pending before = pending.get(task.getId());
		String event = task.getEventName();
		// What needs the engine (identity links, execution) is read now, inside its
		// command
		Created created = (before != null) ? before.created() : null;
		if (TaskListener.EVENTNAME_CREATE.equals(event)) {
			created = describe(task);
		}
		boolean ended = TaskListener.EVENTNAME_COMPLETE.equals(event) || TaskListener.EVENTNAME_DELETE.equals(event);
		pending.put(task.getId(), new Pending(task, created, ended ? event : null));
	}

	/**
	 * A task touched in this transaction: new (with what it is about), changed, or ended.
	 */
	private record Pending(DelegateTask task, Created created, String endEvent) {
	}

	private record Created(String processDefinitionKey, String processType, String businessKey,
			TaskSubjects.TaskSubject subject, List<String> candidateGroups, String formKey) {
	}

	@SuppressWarnings("unchecked")
	private Map<String, Pending> pendingInThisTransaction() {
		Map<String, Pending> pending = (Map<String, Pending>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			Map<String, Pending> touched = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(PENDING, touched);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					touched.values().forEach(WorkItemSync.this::write);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				}
			});
			pending = touched;
		}
		return pending;
	}

	private Created describe(DelegateTask task) {
		ProcessDefinition definition = this.repository.getProcessDefinition(task.getProcessDefinitionId());
		String businessKey = task.getExecution().getProcessBusinessKey();
		TaskSubjects.TaskSubject subject = this.subjects.stream()
			.map((described) -> described.describe(definition.getKey(), businessKey))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElse(new TaskSubjects.TaskSubject(businessKey, null));
		List<String> groups = task.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
		String formKey = null;
		if (task instanceof TaskEntity entity) {
			entity.initializeFormKey();
			formKey = entity.getFormKey();
		}
		return new Created(definition.getKey(),
				(definition.getName() != null) ? definition.getName() : definition.getKey(), businessKey, subject,
				groups, formKey);
	}

	/**
	 * Writes the task as it stands when its transaction commits: every listener has had
	 * its say.
	 */
	private void write(Pending pending) {
		DelegateTask task = pending.task();
		if (pending.endEvent() != null) {
			this.items.end(task.getId(),
					TaskListener.EVENTNAME_COMPLETE.equals(pending.endEvent()) ? "COMPLETED" : "CANCELLED",
					this.clock.instant());
			return;
		}
		String slaClock = this.deadlines.findOpenForTask(task.getId())
			.map((deadline) -> this.sla.clockOf(deadline.policy()).name())
			.orElse(null);
		Created created = pending.created();
		if (created != null) {
			this.items.insert(new WorkItem(task.getId(), task.getProcessInstanceId(), created.processDefinitionKey(),
					created.processType(), task.getTaskDefinitionKey(), task.getName(), created.subject().label(),
					created.businessKey(), created.subject().rag(), task.getPriority(), instant(task.getDueDate()),
					instant(task.getFollowUpDate()), slaClock, created.candidateGroups(), task.getAssignee(),
					instant(task.getCreateTime()), "OPEN", 0, created.formKey()));
		}
		else {
			this.items.update(task.getId(), task.getName(), task.getPriority(), instant(task.getDueDate()),
					instant(task.getFollowUpDate()), slaClock, task.getAssignee());
		}
	}

	private static Instant instant(java.util.Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
