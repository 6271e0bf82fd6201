package org.mashhub.referral;

import java.util.Optional;

import org.mashhub.referral.process.ContactTriage;
import org.mashhub.tasks.TaskSubjects;

import org.springframework.stereotype.Component;

/**
 * Tells the work queue what a contact's tasks are about. Until contacts carry child
 * records, the label is the contact's reference.
 */
@Component
class ContactTaskSubjects implements TaskSubjects {

	@Override
	public Optional<TaskSubject> describe(String processDefinitionKey, String businessKey) {
		if (!ContactTriage.PROCESS.equals(processDefinitionKey)) {
			return Optional.empty();
		}
		return Optional.of(new TaskSubject("Contact " + businessKey, null));
	}

}
