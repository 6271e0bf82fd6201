package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.mashhub.Refusal;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.sla.Dates;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineRefused;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.SlaCalculator;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of each stage on its task: the acknowledgement (accepted or not), the stage 1
 * response, the stage 2 written record, investigation and adjudication, the review
 * panel's meeting and report and the council's response. A stage answered opens the
 * window for the next.
 */
@Service
public class ComplaintResponses {

	private final ComplaintRecords repository;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final SlaCalculator sla;

	private final StaffDirectory staff;

	private final Notices notices;

	private final ComplaintsSettings settings;

	private final ComplaintDays days;

	private final ApplicationEventPublisher events;

	ComplaintResponses(ComplaintRecords repository, WorkQueue queue, Deadlines deadlines, SlaCalculator sla,
			StaffDirectory staff, Notices notices, ComplaintsSettings settings, ComplaintDays days,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.queue = queue;
		this.deadlines = deadlines;
		this.sla = sla;
		this.staff = staff;
		this.notices = notices;
		this.settings = settings;
		this.days = days;
		this.events = events;
	}

	/**
	 * The acknowledgement is sent; the complaint is accepted (eligible, in time or
	 * accepted late) and given to a stage 1 responder, or it closes.
	 */
	@Transactional
	public void acknowledge(String taskId, ComplaintForms.Acknowledgement form, CurrentUser user) {
		Step step = step(taskId, user, ComplaintProcess.TASK_ACKNOWLEDGE);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		boolean late = this.settings.outOfTime(complaint);
		if (form.eligible() == null) {
			errors.put("eligible", "Say whether the complaint is eligible under section 26(3).");
		}
		else if ((!form.eligible() || !complaint.complainantType().eligibleByRight())
				&& ComplaintForms.blank(form.eligibilityNote())) {
			errors.put("eligibilityNote",
					form.eligible() ? "Say why the complainant has sufficient interest in the child."
							: "Say why the complaint is not eligible and where the complainant was directed.");
		}
		boolean eligible = Boolean.TRUE.equals(form.eligible());
		if (eligible && late) {
			if (form.acceptLate() == null) {
				errors.put("acceptLate", "The matter is more than " + this.settings.timeLimitMonths()
						+ " months old: say whether the complaint is accepted all the same.");
			}
			else if (ComplaintForms.blank(form.lateReason())) {
				errors.put("lateReason", "Give the reason for accepting or refusing a complaint made late.");
			}
		}
		boolean accepted = eligible && (!late || Boolean.TRUE.equals(form.acceptLate()));
		if (accepted && !isInvestigator(form.responder())) {
			errors.put("responder", "Choose the complaints investigator who will respond at stage 1.");
		}
		Refusal.ifAny(errors);
		Instant now = this.days.now();
		Map<String, Object> values = new HashMap<>();
		values.put("at", now);
		values.put("by", user.username());
		values.put("eligible", eligible);
		values.put("note", ComplaintRecords.blankToNull(form.eligibilityNote()));
		values.put("lateReason", late ? ComplaintRecords.blankToNull(form.lateReason()) : null);
		values.put("acceptedBy", accepted ? user.username() : null);
		values.put("responder", accepted ? form.responder() : null);
		String assignments = "acknowledged_at = :at, acknowledged_by = :by, eligible = :eligible, eligibility_note = :note,"
				+ " late_acceptance_reason = :lateReason, accepted_by = :acceptedBy, stage_1_responder = :responder";
		if (!accepted) {
			values.put("closure", eligible ? Closure.OUT_OF_TIME : Closure.NOT_ELIGIBLE);
			assignments += ", status = 'CLOSED', closed_at = :at, closure = :closure";
		}
		this.repository.update(complaint.id(), assignments, values);
		this.repository.addEvent(complaint.id(), now, user.username(), accepted
				? "Acknowledged and accepted; stage 1 response allocated to " + form.responder()
				: "Acknowledged; not accepted: " + (eligible ? Closure.OUT_OF_TIME : Closure.NOT_ELIGIBLE).label());
		if (!accepted) {
			this.events.publishEvent(new ComplaintClosed(complaint.reference(),
					eligible ? Closure.OUT_OF_TIME : Closure.NOT_ELIGIBLE, now, user.username()));
		}
		Map<String, Object> routing = new HashMap<>();
		routing.put(ComplaintProcess.ACCEPTED, accepted);
		if (accepted) {
			routing.put(ComplaintProcess.STAGE_1_RESPONDER, form.responder());
		}
		complete(step, user, form.reasonForDelay(), routing);
		if (accepted) {
			this.notices.toUser(form.responder(), "Complaint " + complaint.reference(),
					"Allocated to you: stage 1 response due "
							+ Dates.describe(this.sla.dueAt(Complaints.STAGE_1_POLICY, complaint.receivedAt())),
					"/complaints/" + complaint.reference());
		}
	}

	/**
	 * A stage's answer on its task, a finding on every element: the stage 1 response, the
	 * investigating officer's report (proposed findings), the service manager's
	 * adjudication (the stage 2 response), the panel's report (its recommendations) and
	 * the council's response to the panel.
	 */
	@Transactional
	public void respond(String taskId, ComplaintForms.Response form, CurrentUser user) {
		Step step = step(taskId, user, null);
		validate(step.complaint(), form);
		Instant now = this.days.now();
		switch (step.item().taskDefinitionKey()) {
			case ComplaintProcess.TASK_RESPOND_STAGE_1 -> answer(step, form, user, 1,
					ComplaintProcess.STAGE_1_RESPONDED_AT, Complaints.STAGE_2_WINDOW_POLICY, now);
			case ComplaintProcess.TASK_ADJUDICATE_STAGE_2 -> answer(step, form, user, 2,
					ComplaintProcess.STAGE_2_RESPONDED_AT, Complaints.STAGE_3_WINDOW_POLICY, now);
			case ComplaintProcess.TASK_RESPOND_TO_PANEL -> answer(step, form, user, 3, null, null, now);
			case ComplaintProcess.TASK_INVESTIGATE_STAGE_2 ->
				report(step, form, user, 2, "Stage 2 investigation report submitted", Map.of(), now);
			case ComplaintProcess.TASK_RECORD_PANEL_REPORT -> report(step, form, user, 3,
					"Review panel report recorded", Map.of(ComplaintProcess.PANEL_REPORT_AT, Date.from(now)), now);
			default -> throw Refusal.invalid("step", "'" + step.item().taskName() + "' takes no findings.");
		}
	}

	/** A stage's findings and its response; the next stage's window opens. */
	private void answer(Step step, ComplaintForms.Response form, CurrentUser user, int stage, String respondedAt,
			String windowPolicy, Instant now) {
		this.repository.recordFindings(step.complaint().id(), stage, form.findings(), false, user.username(), now);
		complete(step, user, form.reasonForDelay(),
				(respondedAt != null) ? Map.of(respondedAt, Date.from(now)) : Map.of());
		answered(step.complaint(), stage, form.summary(), now, windowPolicy, user);
	}

	/** A report that proposes findings for someone else to decide. */
	private void report(Step step, ComplaintForms.Response form, CurrentUser user, int stage, String event,
			Map<String, Object> routing, Instant now) {
		this.repository.recordFindings(step.complaint().id(), stage, form.findings(), true, user.username(), now);
		this.repository.updateStage(step.complaint().id(), stage, "report_summary = :summary",
				Map.of("summary", form.summary().strip()));
		this.repository.addEvent(step.complaint().id(), now, user.username(), event);
		complete(step, user, form.reasonForDelay(), routing);
	}

	/**
	 * Stage 2 set up: the agreed written record (its day starts the 25 working days), the
	 * investigating officer and the independent person.
	 */
	@Transactional
	public void agreeWrittenRecord(String taskId, ComplaintForms.WrittenRecord form, CurrentUser user) {
		Step step = step(taskId, user, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate requested = ComplaintDays.day(complaint.stage(2).requestedAt());
		if (form.agreedOn() == null) {
			errors.put("agreedOn", "Enter the date the complainant agreed the written record of the complaint.");
		}
		else if (form.agreedOn().isAfter(this.days.today()) || form.agreedOn().isBefore(requested)) {
			errors.put("agreedOn", "The written record is agreed between the stage 2 request ("
					+ Dates.describeDay(requested) + ") and today.");
		}
		if (!isInvestigator(form.investigatingOfficer())) {
			errors.put("investigatingOfficer", "Choose the investigating officer.");
		}
		if (ComplaintForms.blank(form.independentPerson())) {
			errors.put("independentPerson", "Name the independent person who oversees the investigation.");
		}
		Refusal.ifAny(errors);
		Instant now = this.days.now();
		Instant agreedAt = this.days.startOf(form.agreedOn());
		this.repository.update(complaint.id(), "investigating_officer = :officer, independent_person = :person",
				Map.of("officer", form.investigatingOfficer(), "person", form.independentPerson().strip()));
		this.repository.updateStage(complaint.id(), 2, "started_at = :at", Map.of("at", agreedAt));
		this.repository.addEvent(complaint.id(), now, user.username(),
				"Written record agreed " + Dates.describeDay(form.agreedOn()) + "; investigating officer "
						+ form.investigatingOfficer() + ", independent person " + form.independentPerson().strip());
		complete(step, user, form.reasonForDelay(),
				Map.of(ComplaintProcess.WRITTEN_RECORD_AGREED_AT, Date.from(agreedAt),
						ComplaintProcess.INVESTIGATING_OFFICER, form.investigatingOfficer(),
						ComplaintProcess.STAGE_2_WORKING_DAYS, stage2WorkingDays(complaint)));
		this.notices.toUser(form.investigatingOfficer(), "Complaint " + complaint.reference(),
				"You are the stage 2 investigating officer", "/complaints/" + complaint.reference());
	}

	/**
	 * The review panel met: three independent people, none of them the stage 2
	 * independent person.
	 */
	@Transactional
	public void convenePanel(String taskId, ComplaintForms.PanelMeeting form, CurrentUser user) {
		Step step = step(taskId, user, ComplaintProcess.TASK_CONVENE_PANEL);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> members = form.members()
			.stream()
			.filter((m) -> !ComplaintForms.blank(m))
			.map(String::strip)
			.toList();
		Set<String> distinct = new HashSet<>();
		members.forEach((member) -> distinct.add(person(member)));
		if (members.size() != 3 || distinct.size() != 3) {
			errors.put("members", "A review panel is three different independent people: name all three.");
		}
		else if (complaint.independentPerson() != null && distinct.contains(person(complaint.independentPerson()))) {
			errors.put("members", complaint.independentPerson()
					+ " was the stage 2 independent person and cannot sit on the review panel.");
		}
		LocalDate requested = ComplaintDays.day(complaint.stage(3).requestedAt());
		if (form.metOn() == null) {
			errors.put("metOn", "Enter the date the panel met.");
		}
		else if (form.metOn().isAfter(this.days.today()) || form.metOn().isBefore(requested)) {
			errors.put("metOn", "The panel meets between the request (" + Dates.describeDay(requested)
					+ ") and today; record the meeting once it has happened.");
		}
		Refusal.ifAny(errors);
		Instant now = this.days.now();
		Instant metAt = this.days.startOf(form.metOn());
		this.repository.update(complaint.id(), "panel_members = :members", Map.of("members", members));
		this.repository.addEvent(complaint.id(), now, user.username(),
				"Review panel met " + Dates.describeDay(form.metOn()) + ": " + String.join(", ", members));
		complete(step, user, form.reasonForDelay(), Map.of(ComplaintProcess.PANEL_MET_AT, Date.from(metAt)));
	}

	/**
	 * A stage answered: its figures, and the window for the next stage opens (none after
	 * stage 3).
	 */
	private void answered(Complaint complaint, int stage, String summary, Instant now, String windowPolicy,
			CurrentUser user) {
		Complaint.Stage current = complaint.stage(stage);
		List<Deadline> ledger = this.deadlines.forSubject(ComplaintProcess.PROCESS, complaint.reference())
			.stream()
			.filter((d) -> Complaints.STAGE_POLICIES.get(stage).contains(d.policy())
					&& d.status() != Deadline.Status.CANCELLED && !d.openedAt().isBefore(current.requestedAt()))
			.toList();
		boolean inTime = !ledger.isEmpty() && ledger.stream().allMatch((d) -> d.status() == Deadline.Status.MET);
		Instant due = ledger.isEmpty() ? null : ledger.get(ledger.size() - 1).dueAt();
		Map<String, Object> values = new HashMap<>();
		values.put("at", now);
		values.put("due", due);
		values.put("inTime", inTime);
		values.put("days", this.sla.workingDaysBetween(ComplaintDays.day(current.startedAt()), ComplaintDays.day(now)));
		values.put("summary", summary.strip());
		this.repository.updateStage(complaint.id(), stage,
				"responded_at = :at, response_due_at = :due, in_time = :inTime, working_days = :days, response_summary = :summary",
				values);
		if (windowPolicy != null) {
			Instant closes = this.sla.dueAt(windowPolicy, now);
			this.repository.update(complaint.id(), "status = :status, window_closes_at = :closes",
					Map.of("status", (stage == 1) ? Complaint.Status.AWAITING_STAGE_2_REQUEST
							: Complaint.Status.AWAITING_STAGE_3_REQUEST, "closes", closes));
			this.repository.addEvent(complaint.id(), now, user.username(),
					"Stage " + stage + " response sent" + (inTime ? " in time" : " late") + "; stage " + (stage + 1)
							+ " may be asked for until " + Dates.describe(closes));
		}
		else {
			this.repository.update(complaint.id(), "status = 'CLOSED', closure = 'REVIEW_COMPLETED', closed_at = :at",
					Map.of("at", now));
			this.repository.addEvent(complaint.id(), now, user.username(),
					"Council's response to the review panel sent" + (inTime ? " in time" : " late")
							+ "; the complainant may go to the Local Government and Social Care Ombudsman");
			this.events.publishEvent(
					new ComplaintClosed(complaint.reference(), Closure.REVIEW_COMPLETED, now, user.username()));
		}
	}

	private record Step(WorkItem item, Complaint complaint) {
	}

	/** The user's claimed task of a complaint, at the expected step (null: any). */
	private Step step(String taskId, CurrentUser user, String expected) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!ComplaintProcess.PROCESS.equals(item.processDefinitionKey())
				|| (expected != null && !expected.equals(item.taskDefinitionKey()))) {
			throw Refusal.invalid("step", "This task is '" + item.taskName() + "', not that step.");
		}
		Complaint complaint = this.repository.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No complaint " + item.subjectReference()));
		return new Step(item, complaint);
	}

	private void complete(Step step, CurrentUser user, String reasonForDelay, Map<String, Object> routing) {
		try {
			this.queue.completeFromForm(step.item().taskId(), user, reasonForDelay, routing);
		}
		catch (DeadlineRefused refused) {
			throw Refusal.invalid(refused.field(), refused.getMessage());
		}
	}

	private void validate(Complaint complaint, ComplaintForms.Response form) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Complaint.Element element : complaint.elements()) {
			ComplaintForms.ElementFinding finding = form.findings().get(element.position());
			if (finding == null || finding.finding() == null) {
				errors.put("finding_" + element.position(),
						"Give a finding on element " + element.position() + ": " + element.summary());
			}
		}
		if (form.findings().keySet().stream().anyMatch((p) -> p < 1 || p > complaint.elements().size())) {
			errors.put("findings", "The complaint has " + complaint.elements().size() + " elements.");
		}
		if (ComplaintForms.blank(form.summary())) {
			errors.put("summary", "Summarise the response.");
		}
		Refusal.ifAny(errors);
	}

	private Integer stage2WorkingDays(Complaint complaint) {
		Complaint.Stage stage2 = complaint.stage(2);
		return (stage2 != null && stage2.extendedTo() != null) ? stage2.extendedTo()
				: this.sla.amountOf(Complaints.STAGE_2_POLICY);
	}

	private boolean isInvestigator(String username) {
		return username != null && this.staff.membersOf(List.of(Roles.COMPLAINTS_INVESTIGATOR))
			.stream()
			.anyMatch((member) -> member.username().equals(username));
	}

	private static String person(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK);
	}

}
