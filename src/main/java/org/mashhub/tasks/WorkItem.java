package org.mashhub.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A user task as the work queue shows it.
 */
public record WorkItem(String taskId, String processInstanceId, String processDefinitionKey, String processType,
		String taskDefinitionKey, String taskName, String subjectLabel, String subjectReference, String rag,
		int priority, Instant dueAt, Instant warnAt, String slaClock, List<String> candidateGroups, String assignee,
		Instant createdAt, String state, int version, String formKey) {

	/**
	 * Where the task is done: its own form when the model names one (its form key, with
	 * {@code {taskId}} standing for the task), else the work queue's task page.
	 */
	public String formLink() {
		return (this.formKey != null) ? this.formKey.replace("{taskId}", this.taskId) : "/tasks/" + this.taskId;
	}

	public boolean hasForm() {
		return this.formKey != null;
	}

	public boolean isOverdue(Instant now) {
		return this.dueAt != null && now.isAfter(this.dueAt);
	}

}
