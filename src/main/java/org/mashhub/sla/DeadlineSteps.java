package org.mashhub.sla;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.ReadOnlyProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * Keeps the engine in step with the ledger: when a deadline moves, its task's due and
 * follow-up dates and its warning and deadline timers move with it; while its clock is
 * stopped, its timers wait.
 */
@Component
class DeadlineSteps {

	private final TaskService tasks;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	DeadlineSteps(TaskService tasks, ManagementService management, RuntimeService runtime,
			RepositoryService repository) {
		this.tasks = tasks;
		this.management = management;
		this.runtime = runtime;
		this.repository = repository;
	}

	void move(Deadline deadline) {
		if (deadline.taskId() != null) {
			// Not raisePriority's native query: a task read that way saves without its
			// due date
			Task task = this.tasks.createTaskQuery().taskId(deadline.taskId()).singleResult();
			if (task != null) {
				task.setDueDate(Date.from(deadline.dueAt()));
				task.setFollowUpDate(Date.from(deadline.warnAt()));
				this.tasks.saveTask(task);
			}
		}
		for (Job timer : timers(deadline, DeadlineTimer.WARNING)) {
			this.management.setJobDuedate(timer.getId(), Date.from(deadline.warnAt()));
		}
		for (Job timer : timers(deadline, DeadlineTimer.DUE)) {
			this.management.setJobDuedate(timer.getId(), Date.from(deadline.dueAt()));
		}
	}

	void stopTimers(Deadline deadline) {
		allTimers(deadline).forEach((timer) -> this.management.suspendJobById(timer.getId()));
	}

	void restartTimers(Deadline deadline) {
		allTimers(deadline).forEach((timer) -> this.management.activateJobById(timer.getId()));
		move(deadline);
	}

	/**
	 * Raises, never lowers: a warning timer that fires after the breach leaves the
	 * breach's priority.
	 */
	void raisePriority(Deadline deadline, int priority) {
		if (deadline.taskId() == null) {
			return;
		}
		Task task = task(deadline.taskId());
		if (task != null && task.getPriority() < priority) {
			this.tasks.setPriority(deadline.taskId(), priority);
		}
	}

	/**
	 * A task by id through a native query: building a TaskQuery's dynamic SQL cost more
	 * CPU than all the rest of a firing timer's escalation (benchmark profile).
	 */
	private Task task(String id) {
		return this.tasks.createNativeTaskQuery()
			.sql("select * from " + this.management.getTableName(Task.class) + " where ID_ = #{taskId}")
			.parameter("taskId", id)
			.singleResult();
	}

	/**
	 * When each deadline's deadline timer is due in the engine, for a page of deadlines:
	 * one job query and one job-definition query per process definition, not a query per
	 * row.
	 */
	java.util.Map<java.util.UUID, java.time.Instant> deadlineTimers(List<Deadline> page) {
		java.util.Set<String> instances = new java.util.HashSet<>();
		page.stream().map(Deadline::processInstanceId).filter(java.util.Objects::nonNull).forEach(instances::add);
		java.util.Map<java.util.UUID, java.time.Instant> due = new java.util.HashMap<>();
		if (instances.isEmpty()) {
			return due;
		}
		List<Job> jobs = this.management.createJobQuery().processInstanceIds(instances).timers().list();
		java.util.Map<String, String> activityOfDefinition = new java.util.HashMap<>();
		java.util.Map<String, ReadOnlyProcessDefinition> definitions = new java.util.HashMap<>();
		for (String definitionId : jobs.stream().map(Job::getProcessDefinitionId).distinct().toList()) {
			this.management.createJobDefinitionQuery()
				.processDefinitionId(definitionId)
				.list()
				.forEach((definition) -> activityOfDefinition.put(definition.getId(), definition.getActivityId()));
			definitions.put(definitionId, deployed(definitionId));
		}
		for (Deadline deadline : page) {
			for (Job job : jobs) {
				if (job.getProcessInstanceId().equals(deadline.processInstanceId()) && deadline.activityId() != null
						&& timersOfStep(definitions.get(job.getProcessDefinitionId()), deadline.activityId(),
								DeadlineTimer.DUE)
							.contains(activityOfDefinition.get(job.getJobDefinitionId()))) {
					due.put(deadline.id(), job.getDuedate().toInstant());
				}
			}
		}
		return due;
	}

	private List<Job> allTimers(Deadline deadline) {
		List<Job> all = new java.util.ArrayList<>(timers(deadline, DeadlineTimer.WARNING));
		all.addAll(timers(deadline, DeadlineTimer.DUE));
		return all;
	}

	/** The timers of the given kind on the deadline's step. */
	private List<Job> timers(Deadline deadline, DeadlineTimer kind) {
		if (deadline.processInstanceId() == null || deadline.activityId() == null) {
			return List.of();
		}
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(deadline.processInstanceId())
			.singleResult();
		if (instance == null) {
			return List.of();
		}
		List<Job> found = new java.util.ArrayList<>();
		for (String timer : timersOfStep(deployed(instance.getProcessDefinitionId()), deadline.activityId(), kind)) {
			found.addAll(this.management.createJobQuery()
				.processInstanceId(deadline.processInstanceId())
				.activityId(timer)
				.timers()
				.list());
		}
		return found;
	}

	/**
	 * The definition as the engine parsed it, with its steps' timers noted
	 * ({@link DeadlineTimer}); parsed now if the deployment cache does not hold it.
	 */
	private ReadOnlyProcessDefinition deployed(String definitionId) {
		return (ReadOnlyProcessDefinition) this.repository.getProcessDefinition(definitionId);
	}

	private static List<String> timersOfStep(ReadOnlyProcessDefinition definition, String stepId, DeadlineTimer kind) {
		PvmActivity step = definition.findActivity(stepId);
		return (step != null) ? kind.on(step) : List.of();
	}

}
