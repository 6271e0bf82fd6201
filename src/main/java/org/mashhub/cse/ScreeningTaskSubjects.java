package org.mashhub.cse;

import java.util.Locale;
import java.util.Optional;

import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.tasks.TaskSubjects;

import org.springframework.stereotype.Component;

/**
 * Tells the work queue what a screening's task is about: the child's name and the level
 * that stands.
 */
@Component
class ScreeningTaskSubjects implements TaskSubjects {

	private final ScreeningRecords records;

	ScreeningTaskSubjects(ScreeningRecords records) {
		this.records = records;
	}

	@Override
	public Optional<TaskSubject> describe(String processDefinitionKey, String businessKey) {
		if (!CseScreeningProcess.PROCESS.equals(processDefinitionKey) || businessKey == null) {
			return Optional.empty();
		}
		return this.records.find(businessKey)
			.map((screening) -> new TaskSubject(screening.child().fullName() + " (exploitation: "
					+ ((screening.level() != null) ? screening.level().label().toLowerCase(Locale.UK)
							: "not yet scored")
					+ (screening.awaitingApproval() ? ", a lower level awaits approval" : "") + ")", null));
	}

}
