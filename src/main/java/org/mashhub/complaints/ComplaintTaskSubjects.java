package org.mashhub.complaints;

import java.util.Optional;

import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.tasks.TaskSubjects;

import org.springframework.stereotype.Component;

/**
 * Tells the work queue what a complaint's task is about: its reference and who complains,
 * never the complainant's name (the queue is seen by the whole team).
 */
@Component
class ComplaintTaskSubjects implements TaskSubjects {

	private final ComplaintRecords repository;

	ComplaintTaskSubjects(ComplaintRecords repository) {
		this.repository = repository;
	}

	@Override
	public Optional<TaskSubject> describe(String processDefinitionKey, String businessKey) {
		if (!ComplaintProcess.PROCESS.equals(processDefinitionKey) || businessKey == null) {
			return Optional.empty();
		}
		return Optional.of(this.repository.complainantType(businessKey)
			.map((type) -> new TaskSubject("Complaint " + businessKey + " (" + type.label().toLowerCase() + ")", null))
			.orElse(new TaskSubject("Complaint " + businessKey, null)));
	}

}
