package org.mashhub.tasks;

import java.time.Instant;

/**
 * A manager moved a task to someone else: for the subject's chronology and for reports.
 */
public record TaskReassigned(String taskId, String processInstanceId, String processDefinitionKey,
		String subjectReference, String taskName, String from, String to, String by, String reason, Instant at) {

}
