package org.mashhub.referral;

import java.util.Optional;

import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineSubjects;

import org.springframework.stereotype.Component;

/**
 * A child's triage deadlines are read by those who may read the triage. The front door
 * has no procedure of its own for more time: an assessment's extension follows its
 * policy's rules in the ledger.
 */
@Component
class ContactDeadlineSubjects implements DeadlineSubjects {

	private final TriageReadings readings;

	ContactDeadlineSubjects(TriageReadings readings) {
		this.readings = readings;
	}

	@Override
	public boolean owns(String subjectType) {
		return ContactTriageProcess.PROCESS.equals(subjectType);
	}

	@Override
	public boolean mayRead(String subjectId, CurrentUser reader) {
		return this.readings.mayRead(subjectId, reader);
	}

	@Override
	public Optional<String> refusesGenericChange(Deadline deadline, Change change) {
		return Optional.empty();
	}

}
