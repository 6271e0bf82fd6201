package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.mashhub.Refusal;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.complaints.process.ComplaintWorkflow;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineRefused;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.SlaCalculator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the complaints manager records between the stages: the complainant's request for
 * the next stage (late only with a reason), more time for the stage being worked, a
 * withdrawal, an Ombudsman referral, a reason for delay; and the close when no request
 * came in time.
 */
@Service
public class ComplainantRequests {

	private final Complaints complaints;

	private final ComplaintRecords repository;

	private final ComplaintWorkflow workflow;

	private final Deadlines deadlines;

	private final SlaCalculator sla;

	private final ComplaintDays days;

	private final ApplicationEventPublisher events;

	ComplainantRequests(Complaints complaints, ComplaintRecords repository, ComplaintWorkflow workflow,
			Deadlines deadlines, SlaCalculator sla, ComplaintDays days, ApplicationEventPublisher events) {
		this.complaints = complaints;
		this.repository = repository;
		this.workflow = workflow;
		this.deadlines = deadlines;
		this.sla = sla;
		this.days = days;
		this.events = events;
	}

	/**
	 * The complainant asked for stage 2 or 3. Asked after the window closed, the request
	 * is taken only with the complaints manager's reason; the complaint reopens if it had
	 * closed.
	 */
	@Transactional
	public void requestStage(String reference, int stage, ComplaintForms.StageRequest form, CurrentUser user) {
		requireManager(user, "record a request for the next stage");
		Complaint complaint = this.complaints.visible(reference, user);
		Complaint.Status waiting = (stage == 2) ? Complaint.Status.AWAITING_STAGE_2_REQUEST
				: Complaint.Status.AWAITING_STAGE_3_REQUEST;
		Closure closedBefore = (stage == 2) ? Closure.RESOLVED_AT_STAGE_1 : Closure.RESOLVED_AT_STAGE_2;
		if (stage < 2 || stage > 3 || complaint.stage() != stage - 1
				|| (complaint.status() != waiting && complaint.closure() != closedBefore)) {
			throw Refusal.invalid("stage", "Stage " + stage + " can be asked for only once stage " + (stage - 1)
					+ " has been answered" + ((complaint.stage() >= stage) ? "; it already was." : "."));
		}
		Complaint.Stage answered = complaint.stage(stage - 1);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate windowClosed = ComplaintDays.day(complaint.windowClosesAt());
		boolean late = form.requestedOn() != null && form.requestedOn().isAfter(windowClosed);
		if (form.requestedOn() == null) {
			errors.put("requestedOn", "Enter the date the complainant asked for stage " + stage + ".");
		}
		else if (form.requestedOn().isAfter(this.days.today())
				|| form.requestedOn().isBefore(ComplaintDays.day(answered.respondedAt()))) {
			errors.put("requestedOn", "The request comes between the stage " + (stage - 1) + " response ("
					+ Dates.describeDay(ComplaintDays.day(answered.respondedAt())) + ") and today.");
		}
		else if (late && ComplaintForms.blank(form.lateReason())) {
			errors.put("lateReason", "The request came after the window closed on " + Dates.describeDay(windowClosed)
					+ ". Give the reason for accepting it late.");
		}
		Refusal.ifAny(errors);
		Instant now = this.days.now();
		Instant requestedAt = this.days.startOf(form.requestedOn());
		this.repository.insertStage(complaint.id(), stage, requestedAt, complaint.windowClosesAt(),
				late ? form.lateReason().strip() : null, late ? user.username() : null,
				(stage == 3) ? requestedAt : null);
		String processInstanceId = this.workflow.requestStage(reference, stage, requestedAt,
				Map.of(ComplaintProcess.RECEIVED_AT, Date.from(complaint.receivedAt())));
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
		Complaint complaint = this.complaints.visible(reference, user);
		int stage = complaint.stage();
		if (complaint.status() != Complaint.Status.OPEN || stage == 3) {
			throw Refusal.invalid("workingDays", (stage == 3 && complaint.isOpen())
					? "Review panel timescales cannot be extended." : "There is no stage being worked to extend.");
		}
		String policy = (stage == 1) ? Complaints.STAGE_1_POLICY : Complaints.STAGE_2_POLICY;
		Deadline running = this.deadlines.forSubject(ComplaintProcess.PROCESS, reference)
			.stream()
			.filter((d) -> d.isOpen() && d.policy().equals(policy))
			.findFirst()
			.orElseThrow(() -> Refusal.invalid("workingDays",
					(stage == 2) ? "The stage 2 clock starts when the written record is agreed: extend it after that."
							: "The stage 1 response is not being worked."));
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.workingDays() == null) {
			errors.put("workingDays",
					"Enter the working days the stage may take in all (at most " + this.sla.maximumOf(policy) + ").");
		}
		if (ComplaintForms.blank(form.reason())) {
			errors.put("reason", "Give the reason for the extension (for example, complexity or an advocate needed).");
		}
		if (stage == 2 && form.noticeOn() == null) {
			errors.put("noticeOn", "Tell the complainant in writing first, and enter the date of that notice.");
		}
		else if (stage == 2 && form.noticeOn().isAfter(this.days.today())) {
			errors.put("noticeOn", "The notice date cannot be in the future.");
		}
		Refusal.ifAny(errors);
		try {
			this.deadlines.extend(running.id(), form.workingDays(), form.reason().strip(), user.username(),
					user.groups());
		}
		catch (DeadlineRefused refused) {
			throw Refusal.invalid("workingDays", refused.getMessage());
		}
		Instant now = this.days.now();
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
		Complaint complaint = this.complaints.visible(reference, user);
		if (!complaint.isOpen()) {
			throw Refusal.invalid("withdrawalReason", "This complaint is already closed.");
		}
		if (ComplaintForms.blank(form.reason())) {
			throw Refusal.invalid("withdrawalReason", "Say how and why the complainant withdrew.");
		}
		Instant now = this.days.now();
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
		Complaint complaint = this.complaints.visible(reference, user);
		if (form.referredOn() == null || form.referredOn().isAfter(this.days.today())
				|| form.referredOn().isBefore(ComplaintDays.day(complaint.receivedAt()))) {
			throw Refusal.invalid("referredOn",
					"Enter the date of the Ombudsman referral, between receipt of the complaint and today.");
		}
		Map<String, Object> values = new HashMap<>();
		values.put("on", form.referredOn());
		values.put("reference", ComplaintRecords.blankToNull(form.reference()));
		this.repository.update(complaint.id(), "ombudsman_referred_on = :on, ombudsman_reference = :reference", values);
		this.repository.addEvent(complaint.id(), this.days.now(), user.username(),
				"Referred to the Local Government and Social Care Ombudsman on " + Dates.describeDay(form.referredOn())
						+ ((form.reference() != null && !form.reference().isBlank())
								? " (" + form.reference().strip() + ")" : ""));
	}

	/** The complaints manager records why a step of the complaint is late. */
	@Transactional
	public void explainDelay(String reference, UUID deadlineId, String reason, CurrentUser user) {
		requireManager(user, "record a reason for delay");
		Complaint complaint = this.complaints.visible(reference, user);
		Deadline deadline = this.deadlines.find(deadlineId)
			.filter((d) -> d.subjectType().equals(ComplaintProcess.PROCESS) && d.subjectId().equals(reference))
			.orElseThrow(() -> new NoSuchElementException("No such deadline for complaint " + reference));
		try {
			this.deadlines.explainDelay(deadline.id(), reason, user.username());
		}
		catch (DeadlineRefused refused) {
			throw Refusal.invalid("reasonForDelay", refused.getMessage());
		}
		this.repository.addEvent(complaint.id(), this.days.now(), user.username(),
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
		Instant now = this.days.now();
		this.repository.update(complaint.id(), "status = 'CLOSED', closure = :closure, closed_at = :at",
				Map.of("closure", closure, "at", now));
		this.repository.addEvent(complaint.id(), now, "system", "No request for stage " + (answeredStage + 1) + " by "
				+ Dates.describe(complaint.windowClosesAt()) + ": closed at stage " + answeredStage);
		this.events.publishEvent(new ComplaintClosed(reference, closure, now, "system"));
	}

	private static void requireManager(CurrentUser user, String what) {
		if (!user.isIn(Roles.COMPLAINTS_MANAGER)) {
			throw new AccessDeniedException("Only the complaints manager may " + what + ".");
		}
	}

}
