package org.mashhub.referral;

import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.referral.process.ContactTriage;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

/** What every triage form checks before it records anything. */
final class StepRules {

	static final int MAX_TEXT = 20000;

	private StepRules() {
	}

	/** The task, claimed by the user, when it is this step of a contact's triage. */
	static WorkItem claimedStep(WorkQueue queue, String taskId, CurrentUser user, String step) {
		WorkItem item = queue.assignedTo(taskId, user);
		if (!ContactTriage.PROCESS.equals(item.processDefinitionKey()) || !step.equals(item.taskDefinitionKey())) {
			throw Refusal.invalid("task", "This task is '" + item.taskName() + "', not this step.");
		}
		return item;
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
