package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.complaints.process.ComplaintWorkflow;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.sla.Dates;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.Deadlines;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaints procedure (../shared/domain.md §4): a complaint is logged, acknowledged
 * and answered at stage 1; the complainant may ask for a stage 2 investigation and then a
 * stage 3 review panel; every step is timed by the SLA engine. Here: logging, and who
 * reads what. The stages' work is {@link ComplaintResponses}, what the complainant asks
 * for between them {@link ComplainantRequests}. Each command is one transaction: the
 * complaint's tables and the process move together or not at all.
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

	private final ComplaintRecords repository;

	private final ComplaintWorkflow workflow;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final StaffDirectory staff;

	private final AccessAudit audit;

	private final ComplaintsSettings settings;

	private final ComplaintDays days;

	private final ApplicationEventPublisher events;

	Complaints(ComplaintRecords repository, ComplaintWorkflow workflow, WorkQueue queue, Deadlines deadlines,
			StaffDirectory staff, AccessAudit audit, ComplaintsSettings settings, ComplaintDays days,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.workflow = workflow;
		this.queue = queue;
		this.deadlines = deadlines;
		this.staff = staff;
		this.audit = audit;
		this.settings = settings;
		this.days = days;
		this.events = events;
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
		Instant now = this.days.now();
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
				ComplaintRecords.blankToNull(form.childName()), form.childDateOfBirth(), user.username(), now));
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
		return this.deadlines.forSubject(ComplaintProcess.PROCESS, complaint.reference());
	}

	@Transactional
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!ComplaintProcess.PROCESS.equals(item.processDefinitionKey())) {
			throw new NoSuchElementException("No complaint task " + taskId);
		}
		if (!ComplaintReading.BY_STEP.containsKey(item.taskDefinitionKey())
				|| !mayRead(item.subjectReference(), reader)) {
			throw new NoSuchElementException("No complaint task " + taskId);
		}
		Complaint complaint = this.repository.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No complaint " + item.subjectReference()));
		this.audit.record("VIEW", "complaint", complaint.reference(), null);
		return new TaskContext(item, item.taskDefinitionKey(), complaint, this.settings.outOfTime(complaint),
				this.staff.membersOf(List.of(Roles.COMPLAINTS_INVESTIGATOR)));
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

	private ChildConsent validate(ComplaintForms.NewComplaint form, Instant receivedAt, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate received = ComplaintDays.day(receivedAt);
		if (receivedAt.isAfter(now)) {
			errors.put("receivedAt", "The complaint cannot be received in the future.");
		}
		if (form.receivedVia() == null || !RECEIVED_VIA.contains(form.receivedVia())) {
			errors.put("receivedVia", "Choose how the complaint was received.");
		}
		if (ComplaintForms.blank(form.complainantName())) {
			errors.put("complainantName", "Enter the complainant's name.");
		}
		if (ComplaintForms.blank(form.complainantContact())) {
			errors.put("complainantContact", "Enter how to reach the complainant (address, email or phone).");
		}
		if (form.complainantType() == null) {
			errors.put("complainantType", "Choose who is complaining.");
		}
		ChildConsent consent = null;
		if (!ComplaintForms.blank(form.childName())) {
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
			else if (form.childConsent() == ChildConsent.LACKS_UNDERSTANDING
					&& ComplaintForms.blank(form.childConsentNote())) {
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
		if (form.elements().isEmpty() || form.elements().stream().allMatch((e) -> ComplaintForms.blank(e.summary()))) {
			errors.put("elements", "Enter at least one thing the complainant is unhappy about.");
		}
		for (int i = 0; i < form.elements().size(); i++) {
			ComplaintForms.Element element = form.elements().get(i);
			if (ComplaintForms.blank(element.summary())) {
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
		Refusal.ifAny(errors);
		return consent;
	}

}
