package org.mashhub.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.complaints.process.ComplaintProcedure;
import org.mashhub.complaints.process.ComplaintWorkflow;
import org.mashhub.notification.Notices;
import org.mashhub.security.AccessAudit;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaints procedure (../shared/domain.md §4): a complaint is logged, acknowledged
 * and answered at stage 1; the complainant may ask for a stage 2 investigation and then a
 * stage 3 review panel; every step is timed by the SLA engine. Each command is one
 * transaction: the complaint's tables and the process move together or not at all.
 */
@Service
public class Complaints {

	/** How a complaint may reach the council. */
	public static final List<String> RECEIVED_VIA = List.of("Letter", "Email", "Phone", "In person", "Online form");

	static final String STAGE_1_POLICY = "COMPLAINT_STAGE_1_RESPONSE";

	static final String STAGE_2_POLICY = "COMPLAINT_STAGE_2_RESPONSE";

	static final String STAGE_2_WINDOW_POLICY = "COMPLAINT_STAGE_2_REQUEST_WINDOW";

	static final String STAGE_3_WINDOW_POLICY = "COMPLAINT_STAGE_3_REQUEST_WINDOW";

	/** The deadlines a stage must meet to count as answered in time. */
	static final Map<Integer, Set<String>> STAGE_POLICIES = Map.of(1, Set.of(STAGE_1_POLICY), 2, Set.of(STAGE_2_POLICY),
			3, Set.of("COMPLAINT_PANEL", "COMPLAINT_PANEL_REPORT", "COMPLAINT_COUNCIL_RESPONSE"));

	private final ComplaintRepository repository;

	private final ComplaintWorkflow workflow;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final SlaCalculator sla;

	private final StaffDirectory staff;

	private final Notices notices;

	private final AccessAudit audit;

	private final ComplaintsSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Complaints(ComplaintRepository repository, ComplaintWorkflow workflow, WorkQueue queue, Deadlines deadlines,
			SlaCalculator sla, StaffDirectory staff, Notices notices, AccessAudit audit, ComplaintsSettings settings,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.workflow = workflow;
		this.queue = queue;
		this.deadlines = deadlines;
		this.sla = sla;
		this.staff = staff;
		this.notices = notices;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** A step's form: the task, which step it is, and the complaint it belongs to. */
	public record TaskContext(WorkItem item, String step, Complaint complaint, boolean outOfTime,
			List<StaffDirectory.StaffMember> investigators) {
	}

	/** Logs a complaint as received and starts its procedure. Returns its reference. */
	@Transactional
	public String log(ComplaintForms.NewComplaint form, CurrentUser user) {
		if (!user.isIn(Roles.BUSINESS_SUPPORT) && !user.isIn(Roles.COMPLAINTS_MANAGER)) {
			throw new AccessDeniedException("Only business support and the complaints team log complaints.");
		}
		Instant now = now();
		Instant receivedAt = (form.receivedAt() != null) ? form.receivedAt() : now;
		ChildConsent consent = validate(form, receivedAt, now);
		UUID id = UUID.randomUUID();
		String reference = this.repository
			.nextReference(LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME).getYear());
		this.repository.insert(id, reference, form, receivedAt, now, user.username(), consent);
		this.repository.insertStage(id, 1, receivedAt, null, null, null, receivedAt);
		this.repository.addEvent(id, now, user.username(), "Complaint logged (received " + Dates.describe(receivedAt)
				+ " by " + form.receivedVia().toLowerCase(Locale.UK) + ")");
		String processInstanceId = this.workflow.start(reference, receivedAt);
		this.repository.update(id, "process_instance_id = :pid", Map.of("pid", processInstanceId));
		this.events.publishEvent(new ComplaintReceived(reference, receivedAt,
				ComplaintRepository.blankToNull(form.childName()), form.childDateOfBirth(), user.username(), now));
		return reference;
	}

	/** A complaint its reader may see; every view is audited. */
	@Transactional
	public Complaint find(String reference, CurrentUser reader) {
		Complaint complaint = visible(reference, reader);
		this.audit.record("VIEW", "complaint", reference, null);
		return complaint;
	}

	/** Whether the reader may read the complaint, by the rules of {@link #find}. */
	@Transactional(readOnly = true)
	public boolean mayRead(String reference, CurrentUser reader) {
		try {
			visible(reference, reader);
			return true;
		}
		catch (AccessDeniedException | NoSuchElementException ex) {
			return false;
		}
	}

	/** What happened to a complaint its reader has found. */
	@Transactional(readOnly = true)
	public List<Complaint.Event> events(Complaint complaint) {
		return this.repository.events(complaint.id());
	}

	/**
	 * The deadlines of a complaint its reader has found, every step's, met, missed or
	 * running.
	 */
	@Transactional(readOnly = true)
	public List<Deadline> deadlines(Complaint complaint) {
		return this.deadlines.forSubject(ComplaintProcedure.PROCESS, complaint.reference());
	}

	@Transactional
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!ComplaintProcedure.PROCESS.equals(item.processDefinitionKey())) {
			throw new NoSuchElementException("No complaint task " + taskId);
		}
		if (!ComplaintReading.BY_STEP.containsKey(item.taskDefinitionKey())
				|| !mayRead(item.subjectReference(), reader)) {
			throw new NoSuchElementException("No complaint task " + taskId);
		}
		Complaint complaint = this.repository.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No complaint " + item.subjectReference()));
		this.audit.record("VIEW", "complaint", complaint.reference(), null);
		return new TaskContext(item, item.taskDefinitionKey(), complaint, outOfTime(complaint),
				this.staff.membersOf(List.of(Roles.COMPLAINTS_INVESTIGATOR)));
	}

	/**
	 * The acknowledgement is sent; the complaint is accepted (eligible, in time or
	 * accepted late) and given to a stage 1 responder, or it closes.
	 */
	@Transactional
	public void acknowledge(String taskId, ComplaintForms.Acknowledgement form, CurrentUser user) {
		Step step = step(taskId, user, ComplaintProcedure.TASK_ACKNOWLEDGE);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		boolean late = outOfTime(complaint);
		if (form.eligible() == null) {
			errors.put("eligible", "Say whether the complaint is eligible under section 26(3).");
		}
		else if ((!form.eligible() || !complaint.complainantType().eligibleByRight())
				&& blank(form.eligibilityNote())) {
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
			else if (blank(form.lateReason())) {
				errors.put("lateReason", "Give the reason for accepting or refusing a complaint made late.");
			}
		}
		boolean accepted = eligible && (!late || Boolean.TRUE.equals(form.acceptLate()));
		if (accepted && !isInvestigator(form.responder())) {
			errors.put("responder", "Choose the complaints investigator who will respond at stage 1.");
		}
		refuseIf(errors);
		Instant now = now();
		Map<String, Object> values = new HashMap<>();
		values.put("at", now);
		values.put("by", user.username());
		values.put("eligible", eligible);
		values.put("note", ComplaintRepository.blankToNull(form.eligibilityNote()));
		values.put("lateReason", late ? ComplaintRepository.blankToNull(form.lateReason()) : null);
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
		routing.put(ComplaintProcedure.ACCEPTED, accepted);
		if (accepted) {
			routing.put(ComplaintProcedure.STAGE_1_RESPONDER, form.responder());
		}
		complete(step, user, form.reasonForDelay(), routing);
		if (accepted) {
			this.notices.toUser(form.responder(), "Complaint " + complaint.reference(),
					"Allocated to you: stage 1 response due "
							+ Dates.describe(this.sla.dueAt(STAGE_1_POLICY, complaint.receivedAt())),
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
		Instant now = now();
		switch (step.item().taskDefinitionKey()) {
			case ComplaintProcedure.TASK_RESPOND_STAGE_1 ->
				answer(step, form, user, 1, ComplaintProcedure.STAGE_1_RESPONDED_AT, STAGE_2_WINDOW_POLICY, now);
			case ComplaintProcedure.TASK_ADJUDICATE_STAGE_2 ->
				answer(step, form, user, 2, ComplaintProcedure.STAGE_2_RESPONDED_AT, STAGE_3_WINDOW_POLICY, now);
			case ComplaintProcedure.TASK_RESPOND_TO_PANEL -> answer(step, form, user, 3, null, null, now);
			case ComplaintProcedure.TASK_INVESTIGATE_STAGE_2 ->
				report(step, form, user, 2, "Stage 2 investigation report submitted", Map.of(), now);
			case ComplaintProcedure.TASK_RECORD_PANEL_REPORT -> report(step, form, user, 3,
					"Review panel report recorded", Map.of(ComplaintProcedure.PANEL_REPORT_AT, Date.from(now)), now);
			default -> throw new ComplaintRefused("step", "'" + step.item().taskName() + "' takes no findings.");
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
		Step step = step(taskId, user, ComplaintProcedure.TASK_AGREE_WRITTEN_RECORD);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate requested = day(complaint.stage(2).requestedAt());
		if (form.agreedOn() == null) {
			errors.put("agreedOn", "Enter the date the complainant agreed the written record of the complaint.");
		}
		else if (form.agreedOn().isAfter(today()) || form.agreedOn().isBefore(requested)) {
			errors.put("agreedOn", "The written record is agreed between the stage 2 request ("
					+ Dates.describeDay(requested) + ") and today.");
		}
		if (!isInvestigator(form.investigatingOfficer())) {
			errors.put("investigatingOfficer", "Choose the investigating officer.");
		}
		if (blank(form.independentPerson())) {
			errors.put("independentPerson", "Name the independent person who oversees the investigation.");
		}
		refuseIf(errors);
		Instant now = now();
		Instant agreedAt = startOf(form.agreedOn());
		this.repository.update(complaint.id(), "investigating_officer = :officer, independent_person = :person",
				Map.of("officer", form.investigatingOfficer(), "person", form.independentPerson().strip()));
		this.repository.updateStage(complaint.id(), 2, "started_at = :at", Map.of("at", agreedAt));
		this.repository.addEvent(complaint.id(), now, user.username(),
				"Written record agreed " + Dates.describeDay(form.agreedOn()) + "; investigating officer "
						+ form.investigatingOfficer() + ", independent person " + form.independentPerson().strip());
		complete(step, user, form.reasonForDelay(),
				Map.of(ComplaintProcedure.WRITTEN_RECORD_AGREED_AT, Date.from(agreedAt),
						ComplaintProcedure.INVESTIGATING_OFFICER, form.investigatingOfficer(),
						ComplaintProcedure.STAGE_2_WORKING_DAYS, stage2WorkingDays(complaint)));
		this.notices.toUser(form.investigatingOfficer(), "Complaint " + complaint.reference(),
				"You are the stage 2 investigating officer", "/complaints/" + complaint.reference());
	}

	/**
	 * The review panel met: three independent people, none of them the stage 2
	 * independent person.
	 */
	@Transactional
	public void convenePanel(String taskId, ComplaintForms.PanelMeeting form, CurrentUser user) {
		Step step = step(taskId, user, ComplaintProcedure.TASK_CONVENE_PANEL);
		Complaint complaint = step.complaint();
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> members = form.members().stream().filter((m) -> !blank(m)).map(String::strip).toList();
		Set<String> distinct = new HashSet<>();
		members.forEach((member) -> distinct.add(person(member)));
		if (members.size() != 3 || distinct.size() != 3) {
			errors.put("members", "A review panel is three different independent people: name all three.");
		}
		else if (complaint.independentPerson() != null && distinct.contains(person(complaint.independentPerson()))) {
			errors.put("members", complaint.independentPerson()
					+ " was the stage 2 independent person and cannot sit on the review panel.");
		}
		LocalDate requested = day(complaint.stage(3).requestedAt());
		if (form.metOn() == null) {
			errors.put("metOn", "Enter the date the panel met.");
		}
		else if (form.metOn().isAfter(today()) || form.metOn().isBefore(requested)) {
			errors.put("metOn", "The panel meets between the request (" + Dates.describeDay(requested)
					+ ") and today; record the meeting once it has happened.");
		}
		refuseIf(errors);
		Instant now = now();
		Instant metAt = startOf(form.metOn());
		this.repository.update(complaint.id(), "panel_members = :members", Map.of("members", members));
		this.repository.addEvent(complaint.id(), now, user.username(),
				"Review panel met " + Dates.describeDay(form.metOn()) + ": " + String.join(", ", members));
		complete(step, user, form.reasonForDelay(), Map.of(ComplaintProcedure.PANEL_MET_AT, Date.from(metAt)));
	}

	/**
	 * The complainant asked for stage 2 or 3. Asked after the window closed, the request
	 * is taken only with the complaints manager's reason; the complaint reopens if it had
	 * closed.
	 */
	@Transactional
	public void requestStage(String reference, int stage, ComplaintForms.StageRequest form, CurrentUser user) {
		requireManager(user, "record a request for the next stage");
		Complaint complaint = visible(reference, user);
		Complaint.Status waiting = (stage == 2) ? Complaint.Status.AWAITING_STAGE_2_REQUEST
				: Complaint.Status.AWAITING_STAGE_3_REQUEST;
		Closure closedBefore = (stage == 2) ? Closure.RESOLVED_AT_STAGE_1 : Closure.RESOLVED_AT_STAGE_2;
		if (stage < 2 || stage > 3 || complaint.stage() != stage - 1
				|| (complaint.status() != waiting && complaint.closure() != closedBefore)) {
			throw new ComplaintRefused("stage", "Stage " + stage + " can be asked for only once stage " + (stage - 1)
					+ " has been answered" + ((complaint.stage() >= stage) ? "; it already was." : "."));
		}
		Complaint.Stage answered = complaint.stage(stage - 1);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate windowClosed = day(complaint.windowClosesAt());
		boolean late = form.requestedOn() != null && form.requestedOn().isAfter(windowClosed);
		if (form.requestedOn() == null) {
			errors.put("requestedOn", "Enter the date the complainant asked for stage " + stage + ".");
		}
		else if (form.requestedOn().isAfter(today()) || form.requestedOn().isBefore(day(answered.respondedAt()))) {
			errors.put("requestedOn", "The request comes between the stage " + (stage - 1) + " response ("
					+ Dates.describeDay(day(answered.respondedAt())) + ") and today.");
		}
		else if (late && blank(form.lateReason())) {
			errors.put("lateReason", "The request came after the window closed on " + Dates.describeDay(windowClosed)
					+ ". Give the reason for accepting it late.");
		}
		refuseIf(errors);
		Instant now = now();
		Instant requestedAt = startOf(form.requestedOn());
		this.repository.insertStage(complaint.id(), stage, requestedAt, complaint.windowClosesAt(),
				late ? form.lateReason().strip() : null, late ? user.username() : null,
				(stage == 3) ? requestedAt : null);
		String processInstanceId = this.workflow.requestStage(reference, stage, requestedAt,
				Map.of(ComplaintProcedure.RECEIVED_AT, Date.from(complaint.receivedAt())));
		this.repository.update(complaint.id(),
				"status = 'OPEN', stage = :stage, window_closes_at = null, closed_at = null, closure = null, process_instance_id = :pid",
				Map.of("stage", stage, "pid", processInstanceId));
		this.repository.addEvent(complaint.id(), now, user.username(),
				"Stage " + stage + " asked for on " + Dates.describeDay(form.requestedOn())
						+ (late ? "; accepted late: " + form.lateReason().strip() : ""));
		this.events.publishEvent(new ComplaintStageRequested(reference, stage, requestedAt, user.username()));
	}

	/**
	 * More time for the stage being worked: stage 1 to at most 20 working days, approved
	 * by a service manager; stage 2 to at most 65, once the complainant has been told in
	 * writing. Stage 3 timescales are fixed.
	 */
	@Transactional
	public void extend(String reference, ComplaintForms.Extension form, CurrentUser user) {
		Complaint complaint = visible(reference, user);
		int stage = complaint.stage();
		if (complaint.status() != Complaint.Status.OPEN || stage == 3) {
			throw new ComplaintRefused("workingDays", (stage == 3 && complaint.isOpen())
					? "Review panel timescales cannot be extended." : "There is no stage being worked to extend.");
		}
		String policy = (stage == 1) ? STAGE_1_POLICY : STAGE_2_POLICY;
		Deadline running = this.deadlines.forSubject(ComplaintProcedure.PROCESS, reference)
			.stream()
			.filter((d) -> d.isOpen() && d.policy().equals(policy))
			.findFirst()
			.orElseThrow(() -> new ComplaintRefused("workingDays",
					(stage == 2) ? "The stage 2 clock starts when the written record is agreed: extend it after that."
							: "The stage 1 response is not being worked."));
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.workingDays() == null) {
			errors.put("workingDays",
					"Enter the working days the stage may take in all (at most " + this.sla.maximumOf(policy) + ").");
		}
		if (blank(form.reason())) {
			errors.put("reason", "Give the reason for the extension (for example, complexity or an advocate needed).");
		}
		if (stage == 2 && form.noticeOn() == null) {
			errors.put("noticeOn", "Tell the complainant in writing first, and enter the date of that notice.");
		}
		else if (stage == 2 && form.noticeOn().isAfter(today())) {
			errors.put("noticeOn", "The notice date cannot be in the future.");
		}
		refuseIf(errors);
		try {
			this.deadlines.extend(running.id(), form.workingDays(), form.reason().strip(), user.username(),
					user.groups());
		}
		catch (DeadlineRefused refused) {
			throw new ComplaintRefused("workingDays", refused.getMessage());
		}
		Instant now = now();
		Map<String, Object> values = new HashMap<>();
		values.put("days", form.workingDays());
		values.put("reason", form.reason().strip());
		values.put("by", user.username());
		values.put("notice", form.noticeOn());
		this.repository.updateStage(complaint.id(), stage,
				"extended_to = :days, extension_reason = :reason, extended_by = :by, extension_notice_on = :notice",
				values);
		if (stage == 2) {
			this.workflow.setStage2WorkingDays(running.processInstanceId(), form.workingDays());
		}
		this.repository.addEvent(complaint.id(), now, user.username(), "Stage " + stage + " extended to "
				+ form.workingDays() + " working days: " + form.reason().strip()
				+ ((stage == 2) ? " (complainant told in writing " + Dates.describeDay(form.noticeOn()) + ")" : ""));
	}

	/**
	 * The complainant withdrew: the complaint closes and its open steps are cancelled.
	 */
	@Transactional
	public void withdraw(String reference, ComplaintForms.Withdrawal form, CurrentUser user) {
		requireManager(user, "record a withdrawal");
		Complaint complaint = visible(reference, user);
		if (!complaint.isOpen()) {
			throw new ComplaintRefused("withdrawalReason", "This complaint is already closed.");
		}
		if (blank(form.reason())) {
			throw new ComplaintRefused("withdrawalReason", "Say how and why the complainant withdrew.");
		}
		Instant now = now();
		this.repository.update(complaint.id(),
				"status = 'CLOSED', closure = 'WITHDRAWN', closed_at = :at, withdrawal_reason = :reason, window_closes_at = null",
				Map.of("at", now, "reason", form.reason().strip()));
		this.repository.addEvent(complaint.id(), now, user.username(), "Withdrawn: " + form.reason().strip());
		this.events.publishEvent(new ComplaintClosed(reference, Closure.WITHDRAWN, now, user.username()));
		this.workflow.withdraw(reference);
	}

	/**
	 * The complainant took the complaint to the Local Government and Social Care
	 * Ombudsman.
	 */
	@Transactional
	public void referToOmbudsman(String reference, ComplaintForms.OmbudsmanReferral form, CurrentUser user) {
		requireManager(user, "record an Ombudsman referral");
		Complaint complaint = visible(reference, user);
		if (form.referredOn() == null || form.referredOn().isAfter(today())
				|| form.referredOn().isBefore(day(complaint.receivedAt()))) {
			throw new ComplaintRefused("referredOn",
					"Enter the date of the Ombudsman referral, between receipt of the complaint and today.");
		}
		Map<String, Object> values = new HashMap<>();
		values.put("on", form.referredOn());
		values.put("reference", ComplaintRepository.blankToNull(form.reference()));
		this.repository.update(complaint.id(), "ombudsman_referred_on = :on, ombudsman_reference = :reference", values);
		this.repository.addEvent(complaint.id(), now(), user.username(),
				"Referred to the Local Government and Social Care Ombudsman on " + Dates.describeDay(form.referredOn())
						+ ((form.reference() != null && !form.reference().isBlank())
								? " (" + form.reference().strip() + ")" : ""));
	}

	/** The complaints manager records why a step of the complaint is late. */
	@Transactional
	public void explainDelay(String reference, UUID deadlineId, String reason, CurrentUser user) {
		requireManager(user, "record a reason for delay");
		Complaint complaint = visible(reference, user);
		Deadline deadline = this.deadlines.find(deadlineId)
			.filter((d) -> d.subjectType().equals(ComplaintProcedure.PROCESS) && d.subjectId().equals(reference))
			.orElseThrow(() -> new NoSuchElementException("No such deadline for complaint " + reference));
		try {
			this.deadlines.explainDelay(deadline.id(), reason, user.username());
		}
		catch (DeadlineRefused refused) {
			throw new ComplaintRefused("reasonForDelay", refused.getMessage());
		}
		this.repository.addEvent(complaint.id(), now(), user.username(),
				"Reason for delay of '" + deadline.stepName() + "': " + reason.strip());
	}

	/**
	 * No request for the next stage came within its window: the complaint closes at the
	 * stage it reached.
	 */
	@Transactional
	public void closeWhenNoRequest(String reference, int answeredStage) {
		Complaint complaint = this.repository.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No complaint " + reference));
		Closure closure = (answeredStage == 1) ? Closure.RESOLVED_AT_STAGE_1 : Closure.RESOLVED_AT_STAGE_2;
		Instant now = now();
		this.repository.update(complaint.id(), "status = 'CLOSED', closure = :closure, closed_at = :at",
				Map.of("closure", closure, "at", now));
		this.repository.addEvent(complaint.id(), now, "system", "No request for stage " + (answeredStage + 1) + " by "
				+ Dates.describe(complaint.windowClosesAt()) + ": closed at stage " + answeredStage);
		this.events.publishEvent(new ComplaintClosed(reference, closure, now, "system"));
	}

	/** Whether the matter is older than the time limit at receipt. */
	boolean outOfTime(Complaint complaint) {
		return complaint.matterAroseOn()
			.plusMonths(this.settings.timeLimitMonths())
			.isBefore(day(complaint.receivedAt()));
	}

	/**
	 * Who may see the complaint: the complaints team and service managers, or the
	 * investigator it is allocated to.
	 */
	Complaint visible(String reference, CurrentUser reader) {
		boolean seesAll = reader.isIn(Roles.COMPLAINTS_MANAGER) || reader.isIn(Roles.SERVICE_MANAGER);
		if (!seesAll && !reader.isIn(Roles.COMPLAINTS_INVESTIGATOR)) {
			throw new AccessDeniedException("Complaints are for the complaints team.");
		}
		return this.repository.find(reference)
			.filter((c) -> seesAll || reader.username().equals(c.stage1Responder())
					|| reader.username().equals(c.investigatingOfficer()))
			.orElseThrow(() -> new NoSuchElementException("No complaint " + reference));
	}

	/**
	 * A stage answered: its figures, and the window for the next stage opens (none after
	 * stage 3).
	 */
	private void answered(Complaint complaint, int stage, String summary, Instant now, String windowPolicy,
			CurrentUser user) {
		Complaint.Stage current = complaint.stage(stage);
		List<Deadline> ledger = this.deadlines.forSubject(ComplaintProcedure.PROCESS, complaint.reference())
			.stream()
			.filter((d) -> STAGE_POLICIES.get(stage).contains(d.policy()) && d.status() != Deadline.Status.CANCELLED
					&& !d.openedAt().isBefore(current.requestedAt()))
			.toList();
		boolean inTime = !ledger.isEmpty() && ledger.stream().allMatch((d) -> d.status() == Deadline.Status.MET);
		Instant due = ledger.isEmpty() ? null : ledger.get(ledger.size() - 1).dueAt();
		Map<String, Object> values = new HashMap<>();
		values.put("at", now);
		values.put("due", due);
		values.put("inTime", inTime);
		values.put("days", this.sla.workingDaysBetween(day(current.startedAt()), day(now)));
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
		if (!ComplaintProcedure.PROCESS.equals(item.processDefinitionKey())
				|| (expected != null && !expected.equals(item.taskDefinitionKey()))) {
			throw new ComplaintRefused("step", "This task is '" + item.taskName() + "', not that step.");
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
			throw new ComplaintRefused(refused.field(), refused.getMessage());
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
		if (blank(form.summary())) {
			errors.put("summary", "Summarise the response.");
		}
		refuseIf(errors);
	}

	private ChildConsent validate(ComplaintForms.NewComplaint form, Instant receivedAt, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate received = day(receivedAt);
		if (receivedAt.isAfter(now)) {
			errors.put("receivedAt", "The complaint cannot be received in the future.");
		}
		if (form.receivedVia() == null || !RECEIVED_VIA.contains(form.receivedVia())) {
			errors.put("receivedVia", "Choose how the complaint was received.");
		}
		if (blank(form.complainantName())) {
			errors.put("complainantName", "Enter the complainant's name.");
		}
		if (blank(form.complainantContact())) {
			errors.put("complainantContact", "Enter how to reach the complainant (address, email or phone).");
		}
		if (form.complainantType() == null) {
			errors.put("complainantType", "Choose who is complaining.");
		}
		ChildConsent consent = null;
		if (!blank(form.childName())) {
			if (form.complainantType() == ComplainantType.CHILD) {
				errors.put("childName", "A child complaining for themselves is the complainant; leave this empty.");
			}
			else if (form.childDateOfBirth() == null || form.childDateOfBirth().isAfter(received)) {
				errors.put("childDateOfBirth", "Enter the child's date of birth: a child of "
						+ this.settings.consentAge() + " or over must agree to the complaint.");
			}
			else if (Period.between(form.childDateOfBirth(), received).getYears() < this.settings.consentAge()) {
				consent = ChildConsent.UNDER_CONSENT_AGE;
			}
			else if (form.childConsent() == null || form.childConsent() == ChildConsent.UNDER_CONSENT_AGE) {
				errors.put("childConsent", "The child is " + this.settings.consentAge()
						+ " or over: record their written agreement, or that they cannot understand enough to give it.");
			}
			else if (form.childConsent() == ChildConsent.LACKS_UNDERSTANDING && blank(form.childConsentNote())) {
				errors.put("childConsentNote", "Say why the child cannot understand enough to agree.");
			}
			else {
				consent = form.childConsent();
			}
		}
		if (form.matterAroseOn() == null || form.matterAroseOn().isAfter(received)) {
			errors.put("matterAroseOn",
					"Enter when the matter happened or came to the complainant's notice, on or before "
							+ Dates.describeDay(received) + ".");
		}
		if (form.elements().isEmpty() || form.elements().stream().allMatch((e) -> blank(e.summary()))) {
			errors.put("elements", "Enter at least one thing the complainant is unhappy about.");
		}
		for (int i = 0; i < form.elements().size(); i++) {
			ComplaintForms.Element element = form.elements().get(i);
			if (blank(element.summary())) {
				if (element.theme() != null && !element.theme().isBlank() && !errors.containsKey("elements")) {
					errors.put("element_" + (i + 1), "Describe element " + (i + 1) + " or remove its theme.");
				}
			}
			else if (element.theme() == null || !this.settings.themes().contains(element.theme())) {
				errors.put("theme_" + (i + 1), "Choose what element " + (i + 1) + " is about.");
			}
		}
		if (form.complainantType() == ComplainantType.CHILD && !Boolean.TRUE.equals(form.advocacyOffered())) {
			errors.put("advocacyOffered", "A child who complains must be offered an advocate.");
		}
		else if (Boolean.TRUE.equals(form.advocacyOffered()) && form.advocacyAccepted() == null) {
			errors.put("advocacyAccepted", "Say whether the offer of an advocate was accepted.");
		}
		refuseIf(errors);
		return consent;
	}

	private Integer stage2WorkingDays(Complaint complaint) {
		Complaint.Stage stage2 = complaint.stage(2);
		return (stage2 != null && stage2.extendedTo() != null) ? stage2.extendedTo()
				: this.sla.amountOf(STAGE_2_POLICY);
	}

	private boolean isInvestigator(String username) {
		return username != null && this.staff.membersOf(List.of(Roles.COMPLAINTS_INVESTIGATOR))
			.stream()
			.anyMatch((member) -> member.username().equals(username));
	}

	private static void requireManager(CurrentUser user, String what) {
		if (!user.isIn(Roles.COMPLAINTS_MANAGER)) {
			throw new AccessDeniedException("Only the complaints manager may " + what + ".");
		}
	}

	/**
	 * A day entered on a form: now when it is today, else the opening of that working
	 * day.
	 */
	private Instant startOf(LocalDate day) {
		return day.equals(today()) ? now() : this.sla.openingOf(day);
	}

	private static String person(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK);
	}

	private static void refuseIf(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new ComplaintRefused(errors);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return day(now());
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, MashHubApplication.LOCAL_TIME);
	}

}
