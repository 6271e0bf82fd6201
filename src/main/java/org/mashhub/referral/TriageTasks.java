package org.mashhub.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

import org.mashhub.Refusal;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every triage step does around its own record: finds the task the person claimed
 * and checks it is this step, completes it with the routing the form decided, tells the
 * other modules what happened, at the application's now.
 */
@Component
class TriageTasks {

	static final int MAX_TEXT = 20000;

	private final WorkQueue queue;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TriageTasks(WorkQueue queue, ApplicationEventPublisher events, Clock clock) {
		this.queue = queue;
		this.events = events;
		this.clock = clock;
	}

	/** The task, claimed by the user, when it is this step of a contact's triage. */
	WorkItem claimed(String taskId, CurrentUser user, String step) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!ContactTriageProcess.PROCESS.equals(item.processDefinitionKey())
				|| !step.equals(item.taskDefinitionKey())) {
			throw Refusal.invalid("task", "This task is '" + item.taskName() + "', not this step.");
		}
		return item;
	}

	/** The task, claimed by the user, when it is a hand-off done with a note. */
	WorkItem claimedHandOff(String taskId, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!ContactTriageProcess.PROCESS.equals(item.processDefinitionKey())
				|| !ContactTriageProcess.STEPS_DONE_WITH_A_NOTE.contains(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No such step " + taskId);
		}
		return item;
	}

	/** Completes the step in the caller's transaction, with its record. */
	void complete(String taskId, CurrentUser user, String reasonForDelay, Map<String, Object> routing) {
		this.queue.completeFromForm(taskId, user, reasonForDelay, routing);
	}

	/** The work queue shows the triage's tasks under their new RAG. */
	void changeRag(String processInstanceId, Rag rag) {
		this.queue.changeRag(processInstanceId, rag.name());
	}

	/** An event for the other modules, delivered once this transaction commits. */
	void tell(Object event) {
		this.events.publishEvent(event);
	}

	Instant now() {
		return this.clock.instant();
	}

	static void requireText(Map<String, String> errors, String field, String value, String whenMissing) {
		if (value == null || value.isBlank()) {
			errors.put(field, whenMissing);
		}
		else if (value.length() > MAX_TEXT) {
			errors.put(field, "Must be 20,000 characters or fewer");
		}
	}

}
