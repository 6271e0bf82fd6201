package org.mashhub.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.notification.Notices;
import org.mashhub.referral.process.ContactTriage;
import org.mashhub.referral.process.TriageRouting;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.Sla;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's contact from receipt to hand-off: the identity and history check, screening
 * and RAG, agency checks, the threshold decision, feedback and the steps that follow.
 * Each form is one transaction: its record, the child's chronology and the task's
 * completion commit together or not at all.
 */
@Service
public class Triage {

	private static final int MAX_TEXT = 20000;

	private final JdbcClient jdbc;

	private final ChildRecords children;

	private final WorkQueue queue;

	private final Notices notices;

	private final Sla sla;

	private final ReferralSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Deadlines deadlines;

	private final TriageRouting routing;

	Triage(JdbcClient jdbc, ChildRecords children, WorkQueue queue, Notices notices, Sla sla, ReferralSettings settings,
			ApplicationEventPublisher events, Clock clock, Deadlines deadlines, TriageRouting routing) {
		this.deadlines = deadlines;
		this.routing = routing;
		this.jdbc = jdbc;
		this.children = children;
		this.queue = queue;
		this.notices = notices;
		this.sla = sla;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the automatic check found: whether the child's case is open and with whom, and
	 * whether the school must be told (Operation Encompass: a police domestic-abuse
	 * notification). An open case skips screening, so its MARAC referral is decided here,
	 * on the thresholds.
	 */
	public record IdentityCheck(boolean openCase, String allocatedWorker, boolean operationEncompass,
			boolean maracReferral) {
	}

	/**
	 * A triage task with what its reader may see of the contact ({@link TriageReading}):
	 * at most one of the views is set, or none when the reader sees the label only.
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

	/** The history flags of a child, as at a contact's receipt. */
	public record HistoryFlags(boolean openCase, boolean reReferral, boolean recentCpPlan) {
	}

	/**
	 * A record that may be the child, with its history, for the screener to confirm or
	 * not.
	 */
	public record Candidate(Child child, ChildRecords.MatchReason reason, HistoryFlags history) {
	}

	/** A triage reference is the contact reference and the child's position. */
	private record Key(UUID contactId, int position, String reference, String contactReference, Instant receivedAt) {
	}

	// The engine's steps

	/**
	 * Links the child to their record when the NHS number makes it certain, and works out
	 * the flags. A match on name and date of birth alone waits for the screener to
	 * confirm.
	 */
	@Transactional
	public IdentityCheck checkIdentityAndHistory(String reference) {
		Key key = key(reference);
		TriageView triage = view(key);
		boolean operationEncompass = NewContact.Agency.POLICE.name().equals(triage.referrer().agency())
				&& triage.categories().contains(NewContact.Category.DOMESTIC_ABUSE.name());
		TriageView.ChildAsGiven given = triage.child();
		List<Child> certain = this.children
			.possibleMatches(given.givenNames(), given.familyName(), given.dateOfBirth(), given.nhsNumber())
			.stream()
			.filter((match) -> match.reason() == ChildRecords.MatchReason.NHS_NUMBER)
			.map(ChildRecords.PossibleMatch::child)
			.toList();
		if (certain.size() != 1) {
			return new IdentityCheck(false, null, operationEncompass, false);
		}
		Child child = certain.get(0);
		List<String> maracReasons = child.hasOpenCase() ? maracThresholdsMet(triage.domesticAbuse()) : List.of();
		String maracReason = maracReasons.isEmpty() ? null : String.join("; ", maracReasons);
		if (maracReason != null) {
			this.jdbc.sql("""
					update contact_child set marac_referral = true, marac_reason = :reason
					where contact_id = :contactId and position = :position""")
				.param("reason", maracReason)
				.param("contactId", key.contactId())
				.param("position", key.position())
				.update();
		}
		link(key, child, "system (NHS number)", maracReason);
		return new IdentityCheck(child.hasOpenCase(), child.allocatedWorker(), operationEncompass,
				!maracReasons.isEmpty());
	}

	/** The ids of the information requests the screener asked, one check each. */
	@Transactional(readOnly = true)
	public List<String> agencyChecksOf(String reference) {
		Key key = key(reference);
		return this.jdbc.sql("""
				select id from agency_check where contact_id = :contactId and position = :position
				order by asked_at, agency""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query(UUID.class)
			.list()
			.stream()
			.map(UUID::toString)
			.toList();
	}

	@Transactional(readOnly = true)
	public String liaisonGroupOf(String checkId) {
		return this.jdbc.sql("select liaison_group from agency_check where id = :id")
			.param("id", UUID.fromString(checkId))
			.query(String.class)
			.single();
	}

	/**
	 * The RAG target passed with the request unanswered: it closes as "no response in
	 * time", the managers are told, and the case moves on with what is known.
	 */
	@Transactional
	public void closeUnanswered(String checkId) {
		Instant now = this.clock.instant();
		Map<String, Object> check = this.jdbc.sql("""
				update agency_check set state = 'NO_RESPONSE_IN_TIME', closed_at = :now
				where id = :id and state = 'OPEN'
				returning contact_id, position, agency""")
			.param("id", UUID.fromString(checkId))
			.param("now", Timestamp.from(now))
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (check == null) {
			return;
		}
		Key key = key((UUID) check.get("contact_id"), (Integer) check.get("position"));
		NewContact.Agency agency = NewContact.Agency.valueOf((String) check.get("agency"));
		this.events.publishEvent(new AgencyCheckClosed(key.reference(), childOf(key), agency, null, now));
		this.notices.toGroups(List.of(Roles.MASH_MANAGER), key.reference(),
				agencyName(agency.name())
						+ " did not answer an information request in time; the case moves on without it.",
				"/contacts/" + key.contactReference());
	}

	/** A red contact: the managers hear at once, and the strategy discussion route. */
	@Transactional
	public void alertRed(String reference) {
		Key key = key(reference);
		this.notices.toGroups(List.of(Roles.MASH_MANAGER), reference,
				"Red contact: risk of significant harm. The strategy discussion route is recommended.",
				"/contacts/" + key.contactReference());
	}

	// The forms

	@Transactional
	public void screen(String taskId, TriageForms.Screening form, CurrentUser user) {
		if (!user.isIn(Roles.MASH_SOCIAL_WORKER)) {
			throw new AccessDeniedException("Only a qualified MASH social worker may screen a contact.");
		}
		WorkItem item = step(taskId, user, ContactTriage.TASK_SCREEN_CONTACT);
		Key key = key(item.subjectReference());
		TriageView triage = view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.rag() == null) {
			errors.put("rag", "Select a RAG rating");
		}
		text(errors, "summary", form.summary(), "Write a screening summary");
		if (form.consentReview() != null && form.consentReview().length() > MAX_TEXT) {
			errors.put("consentReview", "Consent review must be 20,000 characters or fewer");
		}
		Child confirmed = null;
		if (triage.childId() == null) {
			if (form.sameChildAs() != null) {
				confirmed = this.children.find(form.sameChildAs()).orElse(null);
				if (confirmed == null) {
					errors.put("sameChildAs", "That child record does not exist");
				}
			}
			else if (!Boolean.TRUE.equals(form.newChildRecord())) {
				errors.put("sameChildAs", "Confirm which record is this child, or that none is");
			}
			else if (triage.child().nhsNumber() != null
					&& this.children.possibleMatches(null, null, null, triage.child().nhsNumber())
						.stream()
						.anyMatch((match) -> match.reason() == ChildRecords.MatchReason.NHS_NUMBER)) {
				errors.put("sameChildAs", "A record with this NHS number exists now: confirm it instead");
			}
		}
		List<TriageForms.CheckRequest> checks = (form.agencyChecks() != null) ? form.agencyChecks() : List.of();
		Set<NewContact.Agency> asked = new HashSet<>();
		for (int i = 0; i < checks.size(); i++) {
			TriageForms.CheckRequest check = checks.get(i);
			if (check == null || check.agency() == null || !this.settings.liaisonGroups().containsKey(check.agency())) {
				errors.put("agencyChecks[" + i + "].agency", "Select an agency with a MASH liaison");
				continue;
			}
			if (!asked.add(check.agency())) {
				errors.put("agencyChecks[" + i + "].agency", "Ask each agency once");
			}
			text(errors, "agencyChecks[" + i + "].question", check.question(),
					"Write what to ask " + agencyName(check.agency().name()));
		}
		if (form.rag() == Rag.BLUE && !checks.isEmpty()) {
			errors.put("agencyChecks", "A blue contact needs no further MASH work: ask no agencies");
		}
		if (Boolean.TRUE.equals(form.maracByJudgement())) {
			text(errors, "maracReason", form.maracReason(), "Say why a MARAC referral is needed");
		}
		if (form.safeToContactVictim() != null && !triage.involvesDomesticAbuse()) {
			errors.put("safeToContactVictim", "This contact is not about domestic abuse: there is no victim to record");
		}
		else if (Boolean.TRUE.equals(form.safeToContactVictim())) {
			text(errors, "safeContactRoute", form.safeContactRoute(), "Say how the victim can be contacted safely");
		}
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Instant now = this.clock.instant();
		if (triage.childId() == null) {
			Child child = (confirmed != null) ? confirmed : this.children.register(newChild(triage.child()));
			link(key, child, user.username(), null);
		}
		TriageView.DomesticAbuse abuse = triage.domesticAbuse();
		boolean marac = Boolean.TRUE.equals(form.maracByJudgement()) || !maracThresholdsMet(abuse).isEmpty();
		String maracReason = marac ? maracReason(form, abuse) : null;
		ThresholdOutcome recommendation = (form.recommendation() == null && form.rag() == Rag.RED)
				? ThresholdOutcome.STRATEGY_DISCUSSION_S47 : form.recommendation();
		this.jdbc.sql("""
				update contact_child set rag = :rag, rag_set_at = :now, screening_summary = :summary,
				  consent_review = :consentReview, recommendation = :recommendation, marac_referral = :marac,
				  marac_reason = :maracReason, screened_by = :by, screened_at = :now
				where contact_id = :contactId and position = :position""")
			.param("rag", form.rag().name())
			.param("now", Timestamp.from(now))
			.param("summary", form.summary())
			.param("consentReview", blankToNull(form.consentReview()))
			.param("recommendation", (recommendation != null) ? recommendation.name() : null)
			.param("marac", marac)
			.param("maracReason", maracReason)
			.param("by", user.username())
			.param("contactId", key.contactId())
			.param("position", key.position())
			.update();
		this.jdbc.sql("""
				insert into triage_rag (contact_id, position, rag, set_at, set_by, reason)
				values (:contactId, :position, :rag, :now, :by, 'Screening')""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.param("rag", form.rag().name())
			.param("now", Timestamp.from(now))
			.param("by", user.username())
			.update();
		if (form.safeToContactVictim() != null) {
			this.jdbc.sql("""
					update contact set safe_to_contact_victim = :safe, safe_contact_route = :route,
					 safe_contact_recorded_by = :by where id = :contactId""")
				.param("safe", form.safeToContactVictim())
				.param("route",
						Boolean.TRUE.equals(form.safeToContactVictim()) ? form.safeContactRoute().strip() : null)
				.param("by", user.username())
				.param("contactId", key.contactId())
				.update();
		}
		for (TriageForms.CheckRequest check : checks) {
			this.jdbc.sql("""
					insert into agency_check (id, contact_id, position, agency, liaison_group, question, share_concerns,
					  asked_by, asked_at, state)
					values (:id, :contactId, :position, :agency, :group, :question, :share, :by, :now, 'OPEN')""")
				.param("id", UUID.randomUUID())
				.param("contactId", key.contactId())
				.param("position", key.position())
				.param("agency", check.agency().name())
				.param("group", this.settings.liaisonGroups().get(check.agency()))
				.param("question", check.question())
				.param("share", Boolean.TRUE.equals(check.shareConcerns()))
				.param("by", user.username())
				.param("now", Timestamp.from(now))
				.update();
		}
		this.events.publishEvent(new ContactScreened(key.reference(), childOf(key), form.rag(), recommendation,
				checks.stream().map(TriageForms.CheckRequest::agency).toList(), maracReason, user.username(), now));
		Map<String, Object> routing = new HashMap<>();
		routing.put(ContactTriage.RAG, form.rag().name());
		routing.put(ContactTriage.RAG_POLICY, this.settings.ragPolicy(form.rag()));
		routing.put(ContactTriage.RAG_SET_AT, Date.from(now));
		routing.put(ContactTriage.SCREENED_AT, Date.from(now));
		routing.put(ContactTriage.AGENCY_CHECKS_ASKED, !checks.isEmpty());
		routing.put(ContactTriage.MARAC_REFERRAL, marac);
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), routing);
	}

	@Transactional
	public void answer(String taskId, TriageForms.AgencyAnswer form, CurrentUser user) {
		WorkItem item = step(taskId, user, ContactTriage.TASK_ANSWER_AGENCY_CHECK);
		Key key = key(item.subjectReference());
		AgencyCheckView check = openCheckOf(key, item);
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "answer", form.answer(), "Write what your agency knows, or that it knows nothing");
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update agency_check set state = 'ANSWERED', answer = :answer, answered_by = :by, closed_at = :now
				where id = :id and state = 'OPEN'""")
			.param("answer", form.answer())
			.param("by", user.username())
			.param("now", Timestamp.from(now))
			.param("id", check.id())
			.update();
		this.events.publishEvent(new AgencyCheckClosed(key.reference(), childOf(key),
				NewContact.Agency.valueOf(check.agency()), user.username(), now));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
	}

	@Transactional
	public void decide(String taskId, TriageForms.Decision form, CurrentUser user) {
		if (!user.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException("Only a MASH manager may make the threshold decision.");
		}
		WorkItem item = step(taskId, user, ContactTriage.TASK_THRESHOLD_DECISION);
		Key key = key(item.subjectReference());
		TriageView triage = view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.levelOfNeed() == null || form.levelOfNeed() < 1 || form.levelOfNeed() > 4) {
			errors.put("levelOfNeed", "Select the level of need, 1 to 4");
		}
		if (form.outcome() == null) {
			errors.put("outcome", "Select the outcome");
		}
		text(errors, "rationale", form.rationale(), "Write the rationale for the decision");
		Child child = (triage.childId() != null) ? this.children.find(triage.childId()).orElse(null) : null;
		if (form.outcome() == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER && (child == null || !child.hasOpenCase())) {
			errors.put("outcome", "This child has no allocated worker to pass the contact to");
		}
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Instant now = this.clock.instant();
		boolean cse = (form.cseConcern() != null) ? form.cseConcern()
				: triage.categories().contains(NewContact.Category.EXPLOITATION.name());
		this.jdbc.sql("""
				update contact_child set level_of_need = :level, outcome = :outcome, rationale = :rationale,
				  cse_concern = :cse, decided_by = :by, decided_at = :now
				where contact_id = :contactId and position = :position""")
			.param("level", form.levelOfNeed())
			.param("outcome", form.outcome().name())
			.param("rationale", form.rationale())
			.param("cse", cse)
			.param("by", user.username())
			.param("now", Timestamp.from(now))
			.param("contactId", key.contactId())
			.param("position", key.position())
			.update();
		Instant decisionDue = this.sla.due(this.settings.decisionPolicy(), Date.from(key.receivedAt())).toInstant();
		this.events.publishEvent(new ContactDecided(key.reference(), triage.childId(), triage.referrer().agency(),
				key.receivedAt(), triage.rag(), form.levelOfNeed(), form.outcome(), form.rationale().strip(), cse,
				Boolean.TRUE.equals(triage.reReferral()), user.username(), now, decisionDue));
		if (cse) {
			this.events.publishEvent(new CseConcernRaised(key.reference(), triage.childId(), user.username(), now));
		}
		Map<String, Object> routing = new HashMap<>();
		routing.put(ContactTriage.OUTCOME, form.outcome().name());
		routing.put(ContactTriage.DECIDED_AT, Date.from(now));
		if (form.outcome() == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER) {
			routing.put(ContactTriage.ALLOCATED_WORKER, child.allocatedWorker());
		}
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), routing);
	}

	@Transactional
	public void giveFeedback(String taskId, TriageForms.Feedback form, CurrentUser user) {
		WorkItem item = step(taskId, user, ContactTriage.TASK_FEEDBACK_TO_REFERRER);
		Key key = key(item.subjectReference());
		TriageView triage = view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.route() == null) {
			errors.put("route", "Select how the referrer was told, or that they were not");
		}
		text(errors, "summary", form.summary(), (form.route() == NewContact.FeedbackRoute.NONE)
				? "Say why the referrer was not told" : "Write what the referrer was told");
		boolean publicReferrer = NewContact.Agency.PUBLIC.name().equals(triage.referrer().agency());
		if (publicReferrer && form.route() != null && form.route() != NewContact.FeedbackRoute.NONE) {
			VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY)
				.ifPresent((refusal) -> errors.put("route", refusal));
		}
		if (Boolean.TRUE.equals(form.letterToFamily())) {
			VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY)
				.ifPresent((refusal) -> errors.put("letterToFamily", refusal));
		}
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Instant now = this.clock.instant();
		String familyRoute = Boolean.TRUE.equals(form.letterToFamily()) ? familyLetterRoute(triage) : null;
		this.jdbc.sql("""
				update contact_child set feedback_route = :route, feedback_summary = :summary,
				  family_letter_route = :familyRoute, feedback_by = :by, feedback_at = :now
				where contact_id = :contactId and position = :position""")
			.param("route", form.route().name())
			.param("summary", form.summary())
			.param("familyRoute", familyRoute)
			.param("by", user.username())
			.param("now", Timestamp.from(now))
			.param("contactId", key.contactId())
			.param("position", key.position())
			.update();
		this.events.publishEvent(new ReferrerFeedbackGiven(key.reference(), childOf(key), form.route(),
				form.summary().strip(), familyRoute, user.username(), now));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
	}

	/**
	 * A hand-off or follow-up step done (MARAC referral, strategy discussion, assessment,
	 * step-down, information considered), with a note for the chronology.
	 */
	@Transactional
	public void markDone(String taskId, TriageForms.StepDone form, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!ContactTriage.PROCESS.equals(item.processDefinitionKey())
				|| !ContactTriage.STEPS_DONE_WITH_A_NOTE.contains(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No such step " + taskId);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "note", form.note(), "Write what was done");
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Key key = key(item.subjectReference());
		Instant now = this.clock.instant();
		this.events.publishEvent(new HandOffDone(key.reference(), childOf(key), item.taskDefinitionKey(),
				item.taskName(), form.note().strip(), user.username(), now));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
	}

	/**
	 * A screener or manager changes a screened contact's RAG before the decision: the
	 * open information requests' target is counted again under the new band from now,
	 * with their tasks and timers; the change is kept with who and why.
	 */
	@Transactional
	public void reRate(String reference, Rag rag, String reason, CurrentUser user) {
		if (!user.isIn(Roles.MASH_SOCIAL_WORKER) && !user.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException("Only MASH social workers and managers may change a RAG rating.");
		}
		Key key = key(reference);
		TriageView triage = view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (rag == null) {
			errors.put("rag", "Select the new RAG rating");
		}
		else if (triage.rag() == null) {
			errors.put("rag", "Screen the contact first");
		}
		else if (triage.outcome() != null) {
			errors.put("rag", "The threshold decision is made: the RAG rating no longer changes");
		}
		else if (rag == triage.rag()) {
			errors.put("rag", "The contact is already " + rag.name().toLowerCase(Locale.ROOT));
		}
		else if (rag == Rag.BLUE && triage.checks().stream().anyMatch(AgencyCheckView::isOpen)) {
			errors.put("rag", "Agencies are still being asked: a blue contact needs no further MASH work");
		}
		text(errors, "reason", reason, "Say why the RAG rating changes");
		if (!errors.isEmpty()) {
			throw new TriageRefused(errors);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update contact_child set rag = :rag, rag_set_at = :now
				where contact_id = :contactId and position = :position""")
			.param("rag", rag.name())
			.param("now", Timestamp.from(now))
			.param("contactId", key.contactId())
			.param("position", key.position())
			.update();
		this.jdbc.sql("""
				insert into triage_rag (contact_id, position, rag, set_at, set_by, reason)
				values (:contactId, :position, :rag, :now, :by, :reason)""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.param("rag", rag.name())
			.param("now", Timestamp.from(now))
			.param("by", user.username())
			.param("reason", reason.strip())
			.update();
		this.events.publishEvent(new ContactReRated(key.reference(), childOf(key), triage.rag(), rag, reason.strip(),
				user.username(), now));
		String processInstanceId = processInstanceOf(key);
		String policy = this.settings.ragPolicy(rag);
		if (policy != null) {
			boolean moreUrgent = rag.ordinal() < triage.rag().ordinal();
			Instant target = this.sla.due(policy, Date.from(now)).toInstant();
			for (String taskId : this.routing.openAgencyCheckTasks(processInstanceId)) {
				// A more urgent band never gives an agency longer than it already had
				boolean later = this.deadlines.findOpenForTask(taskId)
					.map((deadline) -> target.isAfter(deadline.dueAt()))
					.orElse(false);
				if (!(moreUrgent && later)) {
					this.deadlines.retarget(taskId, policy, now, user.username(), "RAG changed: " + reason.strip());
				}
			}
			this.routing.reRated(processInstanceId, rag.name(), policy, now);
		}
		this.queue.changeRag(processInstanceId, rag.name());
		if (rag == Rag.RED) {
			alertRed(reference);
		}
	}

	// What people read

	/**
	 * A triage task, with what its reader may see by {@link TriageReading}: a liaison its
	 * agency's request, a school its notice, feedback its referrer and outcome, a manager
	 * of the team only the task.
	 */
	@Transactional(readOnly = true)
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!ContactTriage.PROCESS.equals(item.processDefinitionKey())) {
			throw new NoSuchElementException("No contact triage task " + taskId);
		}
		String step = item.taskDefinitionKey();
		TriageReading reading = TriageReading.of(item, reader);
		if (reading == TriageReading.LABEL) {
			return new TaskContext(item, step, reading, null, null, null, null, List.of());
		}
		Key key = key(item.subjectReference());
		AgencyCheckView check = ContactTriage.TASK_ANSWER_AGENCY_CHECK.equals(step) ? checkOfTask(key, item) : null;
		if (reading == TriageReading.AGENCY_REQUEST) {
			return new TaskContext(item, step, reading, null, check, null, null, List.of());
		}
		TriageView triage = view(key);
		SchoolNotice notice = ContactTriage.TASK_TELL_SCHOOL.equals(step) ? schoolNotice(triage) : null;
		ReferrerFeedback feedback = ContactTriage.TASK_FEEDBACK_TO_REFERRER.equals(step) ? feedback(triage) : null;
		return switch (reading) {
			case SCHOOL_NOTICE -> new TaskContext(item, step, reading, null, null, notice, null, List.of());
			case REFERRER_FEEDBACK -> new TaskContext(item, step, reading, null, null, null, feedback, List.of());
			case CONTACT_WITHOUT_AGENCY_ANSWERS ->
				new TaskContext(item, step, reading, withoutAgencyAnswers(triage), null, notice, feedback, List.of());
			default -> new TaskContext(item, step, reading, triage, check, notice, feedback,
					possibleMatchesFor(key, triage, step));
		};
	}

	private List<Candidate> possibleMatchesFor(Key key, TriageView triage, String step) {
		if (!ContactTriage.TASK_SCREEN_CONTACT.equals(step) || triage.childId() != null) {
			return List.of();
		}
		TriageView.ChildAsGiven child = triage.child();
		return this.children
			.possibleMatches(child.givenNames(), child.familyName(), child.dateOfBirth(), child.nhsNumber())
			.stream()
			.map((match) -> new Candidate(match.child(), match.reason(), historyOf(key, match.child())))
			.toList();
	}

	private static SchoolNotice schoolNotice(TriageView triage) {
		return new SchoolNotice(triage.child().fullName(), triage.child().dateOfBirth(), triage.child().school(),
				triage.receivedAt());
	}

	private static ReferrerFeedback feedback(TriageView triage) {
		String refusal = VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY).orElse(null);
		return new ReferrerFeedback(triage.child().fullName(), triage.referrer(),
				NewContact.Agency.PUBLIC.name().equals(triage.referrer().agency()), triage.outcome(),
				triage.decidedAt(), refusal, (refusal == null) ? familyLetterRoute(triage) : null,
				(triage.feedbackAt() != null) ? new ReferrerFeedback.Given(triage.feedbackRoute(),
						triage.feedbackSummary(), triage.familyLetterRoute(), triage.feedbackBy(), triage.feedbackAt())
						: null);
	}

	/** How a letter to the family goes: the safe route when there is domestic abuse. */
	private static String familyLetterRoute(TriageView triage) {
		return triage.involvesDomesticAbuse() ? triage.domesticAbuse().safeContactRoute()
				: "Post to the child's address";
	}

	/**
	 * Every child's triage of a contact, for MASH staff; for the assessment team, the
	 * children handed to it (an open case, s17, s47, passed to the allocated worker).
	 */
	@Transactional(readOnly = true)
	public List<TriageView> contact(String contactReference, CurrentUser reader) {
		mayReadWholeTriage(reader);
		List<Integer> positions = this.jdbc.sql("""
				select cc.position from contact_child cc join contact c on c.id = cc.contact_id
				where c.reference = :reference order by cc.position""")
			.param("reference", contactReference)
			.query(Integer.class)
			.list();
		if (positions.isEmpty()) {
			throw new NoSuchElementException("No contact " + contactReference);
		}
		List<TriageView> triages = positions.stream()
			.map((position) -> view(key(contactReference + "/" + position)))
			.filter((triage) -> reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)
					|| handedToAssessment(triage))
			.toList();
		if (triages.isEmpty()) {
			// The assessment team reads the children handed to it, not the front door's
			// work
			throw new NoSuchElementException("No contact " + contactReference);
		}
		return triages;
	}

	/**
	 * Whether the reader may read a child's triage, by the rules of {@link #contact}:
	 * MASH staff any, the assessment team those handed to it.
	 */
	@Transactional(readOnly = true)
	public boolean mayRead(String reference, CurrentUser reader) {
		if (!mayReadAgencyAnswers(reader)) {
			return false;
		}
		Key key;
		try {
			key = key(reference);
		}
		catch (NoSuchElementException ex) {
			return false;
		}
		return reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)
				|| handedToAssessment(view(key));
	}

	/**
	 * Whether the reader may read a child's record through the front door: MASH staff
	 * screen any child; the assessment team reads the children whose contacts were handed
	 * to it.
	 */
	@Transactional(readOnly = true)
	public boolean mayReadChild(UUID childId, CurrentUser reader) {
		if (reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)) {
			return true;
		}
		return reader.isIn(Roles.ASSESSMENT_SOCIAL_WORKER) && this.jdbc.sql("""
				select exists (select 1 from contact_child
				  where child_id = :childId and (open_case or outcome in (:handedOn)))""")
			.param("childId", childId)
			.param("handedOn", Arrays.stream(ThresholdOutcome.values())
				.filter((outcome) -> outcome.isReferral() || outcome == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER)
				.map(Enum::name)
				.toList())
			.query(Boolean.class)
			.single();
	}

	/**
	 * One information request: its own agency's liaisons and MASH staff may read it; any
	 * other agency is refused.
	 */
	@Transactional(readOnly = true)
	public AgencyCheckView check(UUID id, CurrentUser reader) {
		AgencyCheckView check = checks("where ac.id = :id", Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No information request " + id));
		if (!reader.isIn(check.liaisonGroup()) && !reader.isIn(Roles.MASH_SOCIAL_WORKER)
				&& !reader.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException("This information request is for " + agencyName(check.agency())
					+ " only; another agency's request or answer is never shown.");
		}
		return check;
	}

	// Inside

	private static boolean handedToAssessment(TriageView triage) {
		return Boolean.TRUE.equals(triage.openCase()) || (triage.outcome() != null
				&& (triage.outcome().isReferral() || triage.outcome() == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER));
	}

	private static boolean mayReadAgencyAnswers(CurrentUser reader) {
		return reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)
				|| reader.isIn(Roles.ASSESSMENT_SOCIAL_WORKER);
	}

	private static void mayReadWholeTriage(CurrentUser reader) {
		if (!mayReadAgencyAnswers(reader)) {
			throw new AccessDeniedException("Only MASH staff and the assessment team see a whole contact.");
		}
	}

	private WorkItem step(String taskId, CurrentUser user, String step) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!ContactTriage.PROCESS.equals(item.processDefinitionKey()) || !step.equals(item.taskDefinitionKey())) {
			throw new TriageRefused("task", "This task is '" + item.taskName() + "', not this step.");
		}
		return item;
	}

	/**
	 * What a child's history says as at this contact's receipt: a referral decided in the
	 * 12 months before (another triage), a child protection plan in the last 2 years, an
	 * open case.
	 */
	private HistoryFlags historyOf(Key key, Child child) {
		boolean reReferral = this.jdbc.sql("""
				select count(*) from contact_child
				where child_id = :childId and outcome in (:referrals) and decided_at <= :receivedAt
				  and decided_at > :yearBefore and not (contact_id = :contactId and position = :position)""")
			.param("childId", child.id())
			.param("referrals",
					Arrays.stream(ThresholdOutcome.values())
						.filter(ThresholdOutcome::isReferral)
						.map(Enum::name)
						.toList())
			.param("receivedAt", Timestamp.from(key.receivedAt()))
			.param("yearBefore",
					Timestamp.from(ZonedDateTime.ofInstant(key.receivedAt(), MashHubApplication.LOCAL_TIME)
						.minusMonths(12)
						.toInstant()))
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query(Integer.class)
			.single() > 0;
		ChildRecords.Flags flags = this.children.flags(child.id(),
				LocalDate.ofInstant(key.receivedAt(), MashHubApplication.LOCAL_TIME));
		return new HistoryFlags(flags.openCase(), reReferral, flags.childProtectionPlanInLastTwoYears());
	}

	private void link(Key key, Child child, String by, String maracReason) {
		HistoryFlags history = historyOf(key, child);
		this.jdbc.sql("""
				update contact_child set child_id = :childId, identity_confirmed_by = :by, open_case = :openCase,
				  re_referral = :reReferral, recent_cp_plan = :recentPlan
				where contact_id = :contactId and position = :position""")
			.param("childId", child.id())
			.param("by", by)
			.param("openCase", history.openCase())
			.param("reReferral", history.reReferral())
			.param("recentPlan", history.recentCpPlan())
			.param("contactId", key.contactId())
			.param("position", key.position())
			.update();
		TriageView triage = view(key);
		this.events.publishEvent(new ContactAboutChild(key.reference(), child.id(), key.receivedAt(),
				NewContact.Agency.valueOf(triage.referrer().agency()),
				triage.categories().stream().map(NewContact.Category::valueOf).toList(), history.reReferral(),
				history.recentCpPlan(), history.openCase() ? child.allocatedWorker() : null, triage.recordedBy(),
				this.clock.instant(), maracReason));
	}

	private String processInstanceOf(Key key) {
		return this.jdbc.sql("""
				select process_instance_id from contact_child where contact_id = :contactId and position = :position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query(String.class)
			.single();
	}

	/** The child's record the triage is linked to, or null while it is not known. */
	private UUID childOf(Key key) {
		return this.jdbc.sql("""
				select child_id from contact_child where contact_id = :contactId and position = :position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	private Key key(String reference) {
		int slash = (reference != null) ? reference.lastIndexOf('/') : -1;
		if (slash < 0) {
			throw new NoSuchElementException("No contact triage " + reference);
		}
		String contactReference = reference.substring(0, slash);
		int position;
		try {
			position = Integer.parseInt(reference.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new NoSuchElementException("No contact triage " + reference);
		}
		return this.jdbc.sql("""
				select c.id, c.received_at from contact c join contact_child cc on cc.contact_id = c.id
				where c.reference = :reference and cc.position = :position""")
			.param("reference", contactReference)
			.param("position", position)
			.query((rs, row) -> new Key(rs.getObject("id", UUID.class), position, reference, contactReference,
					rs.getTimestamp("received_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No contact triage " + reference));
	}

	private Key key(UUID contactId, int position) {
		String contactReference = this.jdbc.sql("select reference from contact where id = :id")
			.param("id", contactId)
			.query(String.class)
			.single();
		return key(contactReference + "/" + position);
	}

	private TriageView view(Key key) {
		List<TriageView.RagChange> history = this.jdbc
			.sql("""
					select rag, set_at, set_by, reason from triage_rag where contact_id = :contactId and position = :position
					order by set_at, id""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query((rs, row) -> new TriageView.RagChange(Rag.valueOf(rs.getString("rag")),
					rs.getTimestamp("set_at").toInstant(), rs.getString("set_by"), rs.getString("reason")))
			.list();
		List<AgencyCheckView> checks = checks("where ac.contact_id = :contactId and ac.position = :position",
				Map.of("contactId", key.contactId(), "position", key.position()));
		List<TriageView.Sibling> siblings = this.jdbc.sql("""
				select position, given_names || ' ' || family_name as name from contact_child
				where contact_id = :contactId and position <> :position order by position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query((rs, row) -> new TriageView.Sibling(key.contactReference() + "/" + rs.getInt("position"),
					rs.getString("name")))
			.list();
		return this.jdbc.sql("""
				select c.*, cc.given_names, cc.family_name, cc.date_of_birth, cc.gender, cc.nhs_number, cc.address,
				  cc.school, cc.child_id, cc.identity_confirmed_by, cc.open_case, cc.re_referral, cc.recent_cp_plan,
				  cc.rag, cc.rag_set_at, cc.screening_summary, cc.consent_review, cc.recommendation, cc.marac_referral,
				  cc.marac_reason, cc.screened_by, cc.screened_at, cc.level_of_need, cc.outcome, cc.rationale,
				  cc.cse_concern, cc.decided_by, cc.decided_at, cc.feedback_route as given_feedback_route,
				  cc.feedback_summary, cc.family_letter_route, cc.feedback_by, cc.feedback_at
				from contact c join contact_child cc on cc.contact_id = c.id
				where c.id = :contactId and cc.position = :position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query((rs, row) -> {
				boolean abuse = rs.getObject("dash_ticks") != null || rs.getObject("incidents_last_12_months") != null
						|| rs.getObject("safe_to_contact_victim") != null;
				return new TriageView(key.reference(), key.contactReference(), key.receivedAt(),
						rs.getString("recorded_by"),
						new TriageView.Referrer(rs.getString("referrer_name"), rs.getString("referrer_agency"),
								rs.getString("referrer_role"), rs.getString("referrer_phone"),
								rs.getString("referrer_email"), rs.getString("feedback_route")),
						rs.getString("concerns"), List.of((String[]) rs.getArray("categories").getArray()),
						new TriageView.Consent(rs.getString("consent_status"), rs.getString("consent_given_by"),
								rs.getString("consent_not_sought_reason"), rs.getString("consent_lawful_basis"),
								rs.getString("consent_override_reason"), rs.getString("consent_authorised_by")),
						abuse ? new TriageView.DomesticAbuse((Integer) rs.getObject("dash_ticks"),
								(Integer) rs.getObject("incidents_last_12_months"),
								(Boolean) rs.getObject("safe_to_contact_victim"), rs.getString("safe_contact_route"),
								rs.getString("safe_contact_recorded_by")) : null,
						new TriageView.ChildAsGiven(rs.getString("given_names"), rs.getString("family_name"),
								(rs.getDate("date_of_birth") != null) ? rs.getDate("date_of_birth").toLocalDate()
										: null,
								rs.getString("gender"), rs.getString("nhs_number"), rs.getString("address"),
								rs.getString("school")),
						rs.getObject("child_id", UUID.class), rs.getString("identity_confirmed_by"),
						(Boolean) rs.getObject("open_case"), (Boolean) rs.getObject("re_referral"),
						(Boolean) rs.getObject("recent_cp_plan"),
						(rs.getString("rag") != null) ? Rag.valueOf(rs.getString("rag")) : null,
						instant(rs.getTimestamp("rag_set_at")), rs.getString("screening_summary"),
						rs.getString("consent_review"),
						(rs.getString("recommendation") != null)
								? ThresholdOutcome.valueOf(rs.getString("recommendation")) : null,
						(Boolean) rs.getObject("marac_referral"), rs.getString("marac_reason"),
						rs.getString("screened_by"), instant(rs.getTimestamp("screened_at")), history, checks,
						(Integer) rs.getObject("level_of_need"),
						(rs.getString("outcome") != null) ? ThresholdOutcome.valueOf(rs.getString("outcome")) : null,
						rs.getString("rationale"), (Boolean) rs.getObject("cse_concern"), rs.getString("decided_by"),
						instant(rs.getTimestamp("decided_at")), rs.getString("given_feedback_route"),
						rs.getString("feedback_summary"), rs.getString("family_letter_route"),
						rs.getString("feedback_by"), instant(rs.getTimestamp("feedback_at")), siblings);
			})
			.single();
	}

	/**
	 * Information requests with the minimum about the child; the referrer's concerns only
	 * where the screener shared them.
	 */
	private List<AgencyCheckView> checks(String where, Map<String, Object> params) {
		return this.jdbc.sql("""
				select ac.*, cc.given_names || ' ' || cc.family_name as child_name, cc.date_of_birth, cc.address,
				  cc.rag, cc.rag_set_at, c.concerns, c.reference
				from agency_check ac
				join contact_child cc on cc.contact_id = ac.contact_id and cc.position = ac.position
				join contact c on c.id = ac.contact_id
				""" + where + " order by ac.asked_at, ac.agency").params(params).query((rs, row) -> {
			String policy = (rs.getString("rag") != null) ? this.settings.ragPolicy(Rag.valueOf(rs.getString("rag")))
					: null;
			Instant due = (policy != null && rs.getTimestamp("rag_set_at") != null)
					? this.sla.due(policy, rs.getTimestamp("rag_set_at")).toInstant() : null;
			return new AgencyCheckView(rs.getObject("id", UUID.class),
					rs.getString("reference") + "/" + rs.getInt("position"), rs.getString("agency"),
					rs.getString("liaison_group"), rs.getString("child_name"),
					(rs.getDate("date_of_birth") != null) ? rs.getDate("date_of_birth").toLocalDate() : null,
					rs.getString("address"), rs.getString("question"),
					rs.getBoolean("share_concerns") ? rs.getString("concerns") : null, rs.getString("state"),
					rs.getTimestamp("asked_at").toInstant(), due, rs.getString("answer"), rs.getString("answered_by"),
					instant(rs.getTimestamp("closed_at")));
		}).list();
	}

	/** The request a liaison task answers: the one for the task's agency group. */
	private AgencyCheckView checkOfTask(Key key, WorkItem item) {
		return checks("where ac.contact_id = :contactId and ac.position = :position and ac.liaison_group in (:groups)",
				Map.of("contactId", key.contactId(), "position", key.position(), "groups", item.candidateGroups()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No information request for task " + item.taskId()));
	}

	private AgencyCheckView openCheckOf(Key key, WorkItem item) {
		AgencyCheckView check = checkOfTask(key, item);
		if (!check.isOpen()) {
			throw new TriageRefused("answer", "This information request is already closed.");
		}
		return check;
	}

	private static TriageView withoutAgencyAnswers(TriageView triage) {
		return new TriageView(triage.reference(), triage.contactReference(), triage.receivedAt(), triage.recordedBy(),
				triage.referrer(), triage.concerns(), triage.categories(), triage.consent(), triage.domesticAbuse(),
				triage.child(), triage.childId(), triage.identityConfirmedBy(), triage.openCase(), triage.reReferral(),
				triage.recentCpPlan(), triage.rag(), triage.ragSetAt(), triage.screeningSummary(),
				triage.consentReview(), triage.recommendation(), triage.maracReferral(), triage.maracReason(),
				triage.screenedBy(), triage.screenedAt(), triage.ragHistory(), List.of(), triage.levelOfNeed(),
				triage.outcome(), triage.rationale(), triage.cseConcern(), triage.decidedBy(), triage.decidedAt(),
				triage.feedbackRoute(), triage.feedbackSummary(), triage.familyLetterRoute(), triage.feedbackBy(),
				triage.feedbackAt(), triage.siblings());
	}

	private static ChildRecords.NewChild newChild(TriageView.ChildAsGiven child) {
		return new ChildRecords.NewChild(child.givenNames(), child.familyName(), child.dateOfBirth(), child.gender(),
				child.nhsNumber(), child.address(), child.school(), false);
	}

	/**
	 * Why domestic abuse calls for MARAC on the local thresholds alone (empty: it does
	 * not).
	 */
	private List<String> maracThresholdsMet(TriageView.DomesticAbuse abuse) {
		List<String> reasons = new ArrayList<>();
		if (abuse != null && abuse.dashTicks() != null && abuse.dashTicks() >= this.settings.maracDashThreshold()) {
			reasons.add("DASH " + abuse.dashTicks() + " of 24");
		}
		if (abuse != null && abuse.incidentsLast12Months() != null
				&& abuse.incidentsLast12Months() >= this.settings.maracIncidentsThreshold()) {
			reasons.add(abuse.incidentsLast12Months() + " incidents in 12 months");
		}
		return reasons;
	}

	private String maracReason(TriageForms.Screening form, TriageView.DomesticAbuse abuse) {
		List<String> reasons = new ArrayList<>(maracThresholdsMet(abuse));
		if (Boolean.TRUE.equals(form.maracByJudgement())) {
			reasons.add("professional judgement: " + form.maracReason().strip());
		}
		return String.join("; ", reasons);
	}

	private static void text(Map<String, String> errors, String field, String value, String whenMissing) {
		if (value == null || value.isBlank()) {
			errors.put(field, whenMissing);
		}
		else if (value.length() > MAX_TEXT) {
			errors.put(field, "Must be 20,000 characters or fewer");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	static String agencyName(String agency) {
		return NewContact.Agency.valueOf(agency).label();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
