package org.mashhub.complaints;

import java.util.Optional;

import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineSubjects;

import org.springframework.stereotype.Component;

/**
 * A complaint's deadlines are read by those who may read the complaint. More time is the
 * procedure's own step (stage 2 needs the written notice; the stage's extension state,
 * later steps and the annual report follow it), and the regulations stop no clock.
 */
@Component
class ComplaintDeadlineSubjects implements DeadlineSubjects {

	private final Complaints complaints;

	ComplaintDeadlineSubjects(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public boolean owns(String subjectType) {
		return ComplaintProcess.PROCESS.equals(subjectType);
	}

	@Override
	public boolean mayRead(String subjectId, CurrentUser reader) {
		return this.complaints.mayRead(subjectId, reader);
	}

	@Override
	public Optional<String> refusesGenericChange(Deadline deadline, Change change) {
		return Optional.of((change == Change.EXTEND)
				? "A complaint's stage is extended through the complaints procedure: POST /api/complaints/"
						+ deadline.subjectId() + "/extension."
				: "The complaints procedure stops no clock: a complaint's timescales run until the stage is"
						+ " answered or extended (POST /api/complaints/" + deadline.subjectId() + "/extension).");
	}

}
