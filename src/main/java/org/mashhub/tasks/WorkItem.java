package org.mashhub.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A user task as the work queue shows it.
 */
public record WorkItem(String taskId, String processInstanceId, String processDefinitionKey, String processType,
		String taskDefinitionKey, String taskName, String subjectLabel, String subjectReference, String rag,
		int priority, Instant dueAt, Instant warnAt, String slaClock, List<String> candidateGroups, String assignee,
		Instant createdAt, String state, int version) {

	public boolean isOverdue(Instant now) {
		return this.dueAt != null && now.isAfter(this.dueAt);
	}

}
