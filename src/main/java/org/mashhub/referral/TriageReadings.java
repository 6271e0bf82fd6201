package org.mashhub.referral;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.mashhub.child.ChildReaders;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.DeadlineSubjects;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each reader may read of a child's contact, in one place: a triage task by the
 * step's need to know ({@link TriageReading}), a whole contact for MASH staff and for the
 * assessment team the children handed to it, a child's record through the front door
 * (asked by the child module) and a triage's deadlines (asked by the ledger: the front
 * door has no procedure of its own for more time, so an assessment's extension follows
 * its policy's rules there).
 */
@Service
public class TriageReadings implements ChildReaders, DeadlineSubjects {

	private final TriageRecords records;

	private final ChildIdentification identification;

	private final WorkQueue queue;

	TriageReadings(TriageRecords records, ChildIdentification identification, WorkQueue queue) {
		this.records = records;
		this.identification = identification;
		this.queue = queue;
	}

	/**
	 * A triage task with what its reader may see of the contact: at most one of the views
	 * is set, or none when the reader sees the label only.
	 */
	public record TaskContext(WorkItem item, String step, TriageReading reading, TriageView triage,
			AgencyCheckView check, SchoolNotice schoolNotice, ReferrerFeedback feedback,
			List<Candidate> possibleMatches) {

		/** What the reader read, as the access audit names it. */
		public String auditedAs() {
			return switch (this.reading) {
				case LABEL -> "task";
				case AGENCY_REQUEST -> "agency-check";
				case SCHOOL_NOTICE -> "school-notice";
				case REFERRER_FEEDBACK -> "referrer-feedback";
				default -> "contact-triage";
			};
		}

	}

	/**
	 * A triage task, with what its reader may see by {@link TriageReading}: a liaison its
	 * agency's request, a school its notice, feedback its referrer and outcome, a manager
	 * of the team only the task.
	 */
	@Transactional(readOnly = true)
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!ContactTriageProcess.PROCESS.equals(item.processDefinitionKey())) {
			throw new NoSuchElementException("No contact triage task " + taskId);
		}
		String step = item.taskDefinitionKey();
		TriageReading reading = TriageReading.of(item, reader);
		if (reading == TriageReading.LABEL) {
			return new TaskContext(item, step, reading, null, null, null, null, List.of());
		}
		TriageKey key = this.records.key(item.subjectReference());
		AgencyCheckView check = ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK.equals(step)
				? this.records.checkFor(key, item.candidateGroups())
					.orElseThrow(() -> new NoSuchElementException("No information request for task " + taskId))
				: null;
		if (reading == TriageReading.AGENCY_REQUEST) {
			return new TaskContext(item, step, reading, null, check, null, null, List.of());
		}
		TriageView triage = this.records.view(key);
		SchoolNotice notice = ContactTriageProcess.TASK_TELL_SCHOOL.equals(step) ? schoolNotice(triage) : null;
		ReferrerFeedback feedback = ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER.equals(step) ? feedback(triage)
				: null;
		return switch (reading) {
			case SCHOOL_NOTICE -> new TaskContext(item, step, reading, null, null, notice, null, List.of());
			case REFERRER_FEEDBACK -> new TaskContext(item, step, reading, null, null, null, feedback, List.of());
			case CONTACT_WITHOUT_AGENCY_ANSWERS ->
				new TaskContext(item, step, reading, triage.withoutAgencyAnswers(), null, notice, feedback, List.of());
			default -> new TaskContext(item, step, reading, triage, check, notice, feedback,
					ContactTriageProcess.TASK_SCREEN_CONTACT.equals(step)
							? this.identification.candidatesFor(key, triage) : List.of());
		};
	}

	/**
	 * Every child's triage of a contact, for MASH staff; for the assessment team, the
	 * children handed to it (an open case, s17, s47, passed to the allocated worker).
	 */
	@Transactional(readOnly = true)
	public List<TriageView> contact(String contactReference, CurrentUser reader) {
		if (!readsWholeContacts(reader)) {
			throw new AccessDeniedException("Only MASH staff and the assessment team see a whole contact.");
		}
		List<TriageView> triages = this.records.positionsOf(contactReference)
			.stream()
			.map((position) -> this.records.view(this.records.key(contactReference + "/" + position)))
			.filter((triage) -> isMashStaff(reader) || triage.handedToAssessment())
			.toList();
		if (triages.isEmpty()) {
			// No such contact, or none of its children handed to the assessment team: the
			// team reads those, not the front door's work
			throw new NoSuchElementException("No contact " + contactReference);
		}
		return triages;
	}

	/** A child's triage deadlines are the front door's. */
	@Override
	public boolean owns(String subjectType) {
		return ContactTriageProcess.PROCESS.equals(subjectType);
	}

	/**
	 * Whether the reader may read a child's triage, and so its deadlines, by the rules of
	 * {@link #contact}: MASH staff any, the assessment team those handed to it.
	 */
	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(String reference, CurrentUser reader) {
		if (!readsWholeContacts(reader)) {
			return false;
		}
		TriageKey key;
		try {
			key = this.records.key(reference);
		}
		catch (NoSuchElementException ex) {
			return false;
		}
		return isMashStaff(reader) || this.records.view(key).handedToAssessment();
	}

	/**
	 * Whether the reader may read a child's record through the front door: MASH staff
	 * screen any child; the assessment team reads the children whose contacts were handed
	 * to it.
	 */
	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(UUID childId, CurrentUser reader) {
		if (isMashStaff(reader)) {
			return true;
		}
		return reader.isIn(Roles.ASSESSMENT_SOCIAL_WORKER) && this.records.handedToAssessment(childId);
	}

	private static boolean isMashStaff(CurrentUser reader) {
		return reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER);
	}

	private static boolean readsWholeContacts(CurrentUser reader) {
		return isMashStaff(reader) || reader.isIn(Roles.ASSESSMENT_SOCIAL_WORKER);
	}

	private static SchoolNotice schoolNotice(TriageView triage) {
		return new SchoolNotice(triage.child().fullName(), triage.child().dateOfBirth(), triage.child().school(),
				triage.receivedAt());
	}

	private static ReferrerFeedback feedback(TriageView triage) {
		String refusal = VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY).orElse(null);
		TriageView.Feedback given = triage.feedback();
		return new ReferrerFeedback(triage.child().fullName(), triage.referrer(),
				NewContact.Agency.PUBLIC.name().equals(triage.referrer().agency()), triage.decision().outcome(),
				triage.decision().at(), refusal, (refusal == null) ? VictimSafety.familyLetterRoute(triage) : null,
				(given.at() != null) ? given : null);
	}

}
