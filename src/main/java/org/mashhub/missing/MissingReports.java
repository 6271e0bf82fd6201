package org.mashhub.missing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.child.NhsNumber;
import org.mashhub.missing.process.MissingEpisodeWorkflow;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;
import org.mashhub.sla.Sla;
import org.mashhub.web.RequestHash;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child reported missing, and their return: from the form (a carer's call taken by the
 * coordinator or a practitioner) or a partner system (the police), on the engine's clock.
 * Each is one transaction: the episode, its process and its events together or not at
 * all. A report sent again with its Idempotency-Key answers as the first time; a return
 * reported again changes nothing and answers as the first did.
 */
@Service
public class MissingReports {

	/** How far ahead of our clock a partner's clock may run. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	static final String INTERVIEW_POLICY = "RETURN_HOME_INTERVIEW";

	private final EpisodeRecords records;

	private final ChildRecords children;

	private final MissingEpisodeWorkflow workflow;

	private final MissingSettings settings;

	private final Sla sla;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	MissingReports(EpisodeRecords records, ChildRecords children, MissingEpisodeWorkflow workflow,
			MissingSettings settings, Sla sla, ApplicationEventPublisher events, java.time.Clock clock) {
		this.records = records;
		this.children = children;
		this.workflow = workflow;
		this.settings = settings;
		this.sla = sla;
		this.events = events;
		this.clock = clock;
	}

	/** What the reporter is told: the episode's reference and how it stands. */
	public record Receipt(String reference, UUID childId, Instant startedAt, boolean repeatMissing) {
	}

	/** What a return's reporter is told, the first time and every time after. */
	public record ReturnReceipt(String reference, Instant returnedAt, String foundBy, String foundWhere,
			Instant interviewDueAt) {
	}

	@Transactional
	public Receipt report(EpisodeForms.NewReport report, String idempotencyKey, CurrentUser caller) {
		mayReport(caller);
		Instant now = this.clock.instant();
		Refusal.ifAny(ruleErrors(report, now));
		String hash = RequestHash.of(report);
		Optional<Receipt> earlier = earlier(caller.username(), idempotencyKey, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant startedAt = (report.leftAt() != null && report.leftAt().isAfter(report.lastSeenAt())) ? report.leftAt()
				: report.lastSeenAt();
		Instant reportedAt = (report.reportedAt() != null) ? report.reportedAt() : now;
		Child child = child(report.child());
		this.records.lockChild(child.id());
		refuseOverlap(child, startedAt);
		UUID id = UUID.randomUUID();
		String reference = this.records.nextReference(reportedAt);
		boolean partner = caller.isIn(Roles.PARTNER_SYSTEM);
		if (this.records.insert(id, reference, child.id(), report, startedAt, reportedAt,
				partner ? agency(caller) : null, now, caller.username(), partner ? "PARTNER_API" : "STAFF",
				idempotencyKey, hash) == 0) {
			// The same key at the same moment, and the other request got there first
			return earlier(caller.username(), idempotencyKey, hash).orElseThrow();
		}
		MissingSettings.RiskGrade grade = this.settings.recorded(report.riskGrade());
		this.records.addEvent(id, reportedAt, caller.username(),
				"Reported " + report.type().label().toLowerCase(Locale.UK) + " by " + report.reportedByName().strip()
						+ " (" + report.reportedByRole().strip() + "), last seen " + Dates.describe(report.lastSeenAt())
						+ "; risk " + grade.label().toLowerCase(Locale.UK));
		int withinDays = this.settings.repeatWithinDays();
		int episodes = this.records.startedSince(child.id(), startedAt.minus(Duration.ofDays(withinDays)));
		boolean repeat = episodes >= this.settings.repeatEpisodes();
		if (repeat) {
			this.records.update(id, "repeat_missing = true", Map.of());
			this.records.addEvent(id, now, "MASH Hub",
					"Repeat missing: episode " + episodes + " in " + withinDays + " days");
		}
		String processInstanceId = this.workflow.start(reference, startedAt, reportedAt, grade.reviewEveryHours(),
				grade.high(), repeat);
		this.records.update(id, "process_instance_id = :pid", Map.of("pid", processInstanceId));
		this.events.publishEvent(new MissingEpisodeReported(reference, child.id(), report.type(), grade.code(),
				startedAt, reportedAt, caller.username()));
		if (repeat) {
			this.events.publishEvent(new RepeatMissingFlagged(reference, child.id(), episodes, withinDays, now));
		}
		if (!report.exploitationIndicators().isEmpty() && this.records.raiseExploitationConcern(id, now)) {
			this.events.publishEvent(new ExploitationConcernRaised(reference, child.id(), "REPORT",
					report.exploitationIndicators(), now, caller.username()));
		}
		return new Receipt(reference, child.id(), startedAt, repeat);
	}

	/**
	 * The child was found or came back. A return for a child not recorded as missing is a
	 * conflict, never a new episode.
	 */
	@Transactional
	public ReturnReceipt recordReturn(String reference, EpisodeForms.ReturnReport report, CurrentUser caller) {
		if (!caller.isIn(Roles.PARTNER_SYSTEM)) {
			mayReport(caller);
		}
		MissingEpisode episode = this.records.findByEitherReference(reference)
			.filter((found) -> mayReturn(found, caller))
			.orElseThrow(() -> Refusal.conflict("No child is recorded as missing under " + reference
					+ ": report the child missing first (POST /api/missing-episodes), then their return."));
		if (!episode.isOpen()) {
			return receipt(episode);
		}
		Instant now = this.clock.instant();
		Refusal.ifAny(returnErrors(episode, report, now));
		Instant dueAt = this.sla.due(INTERVIEW_POLICY, report.returnedAt()).toInstant();
		if (this.records.recordReturn(episode.id(), report, now, caller.username(), dueAt) == 0) {
			// Another report of the same return committed first: it stands
			return receipt(this.records.find(episode.reference()).orElseThrow());
		}
		this.records.addEvent(episode.id(), report.returnedAt(), caller.username(), "Returned"
				+ ((report.foundBy() != null && !report.foundBy().isBlank()) ? " (found by " + report.foundBy().strip()
						+ ((report.foundWhere() != null && !report.foundWhere().isBlank())
								? ", " + report.foundWhere().strip() : "")
						+ ")" : "")
				+ "; return home interview due " + Dates.describe(dueAt));
		if (report.preventionInterviewAt() != null) {
			this.records.addEvent(episode.id(), report.preventionInterviewAt(), caller.username(),
					"Police prevention interview by " + report.preventionInterviewBy().strip()
							+ " (a police record; not the return home interview)");
		}
		this.workflow.returned(episode.reference(), report.returnedAt());
		this.events.publishEvent(new ChildReturned(episode.reference(), episode.child().id(), report.returnedAt(),
				dueAt, caller.username()));
		return new ReturnReceipt(episode.reference(), report.returnedAt(), EpisodeForms.strip(report.foundBy()),
				EpisodeForms.strip(report.foundWhere()), dueAt);
	}

	Map<String, String> ruleErrors(EpisodeForms.NewReport report, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		EpisodeForms.ChildDetails child = report.child();
		LocalDate born = null;
		if (child == null) {
			errors.put("child", "Give the child's name and date of birth.");
		}
		else {
			required(errors, "child.givenNames", child.givenNames(), "Enter the child's given names.");
			required(errors, "child.familyName", child.familyName(), "Enter the child's family name.");
			LocalDate today = LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME);
			if (child.dateOfBirth() == null) {
				errors.put("child.dateOfBirth", "Enter the child's date of birth.");
			}
			else if (child.dateOfBirth().isAfter(today)) {
				errors.put("child.dateOfBirth", "The date of birth cannot be in the future.");
			}
			else {
				born = child.dateOfBirth();
			}
			if (!EpisodeForms.blank(child.nhsNumber()) && !NhsNumber.isValid(child.nhsNumber())) {
				errors.put("child.nhsNumber",
						"Enter a valid NHS number (10 digits with its check digit), or leave it" + " empty.");
			}
		}
		if (report.type() == null) {
			errors.put("type", "Choose missing (whereabouts unknown) or away (known, but away without permission).");
		}
		if (report.riskGrade() == null || this.settings.grade(report.riskGrade()).isEmpty()) {
			errors.put("riskGrade",
					"Choose the police risk grade: " + String.join(", ", this.settings.gradeCodes()) + ".");
		}
		checkInstant(errors, "lastSeenAt", report.lastSeenAt(), born, now, "The child's last sighting");
		if (report.lastSeenAt() == null) {
			errors.put("lastSeenAt", "Enter when the child was last seen by a responsible adult.");
		}
		checkInstant(errors, "leftAt", report.leftAt(), born, now, "The child's leaving");
		checkInstant(errors, "reportedAt", report.reportedAt(), born, now, "The report");
		if (report.lastSeenAt() != null && report.reportedAt() != null && !errors.containsKey("reportedAt")
				&& report.reportedAt().isBefore(report.lastSeenAt())) {
			errors.put("reportedAt", "The report cannot come before the child was last seen.");
		}
		required(errors, "reportedByName", report.reportedByName(), "Enter who reported the child missing.");
		required(errors, "reportedByRole", report.reportedByRole(),
				"Enter who they are to the child (carer, parent, police officer…).");
		if (!EpisodeForms.blank(report.placingAuthority()) && EpisodeForms.blank(report.placingAuthorityContact())) {
			errors.put("placingAuthorityContact",
					"Give how to reach the placing authority (an e-mail address): they must be told.");
		}
		if (!this.settings.exploitationIndicators().containsAll(report.exploitationIndicators())) {
			errors.put("exploitationIndicators",
					"Choose signs of exploitation from the list: " + String.join(", ",
							report.exploitationIndicators()
								.stream()
								.filter((sign) -> !this.settings.exploitationIndicators().contains(sign))
								.toList())
							+ " is not one of them.");
		}
		return errors;
	}

	private static Map<String, String> returnErrors(MissingEpisode episode, EpisodeForms.ReturnReport report,
			Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (report.returnedAt() == null) {
			errors.put("returnedAt", "Enter when the child was found or came back.");
		}
		else if (report.returnedAt().isAfter(now.plus(CLOCK_SKEW))) {
			errors.put("returnedAt", "The return cannot be in the future.");
		}
		else if (report.returnedAt().isBefore(episode.report().startedAt())) {
			errors.put("returnedAt", "The return cannot be before the episode began ("
					+ Dates.describe(episode.report().startedAt()) + ").");
		}
		if (report.preventionInterviewAt() != null) {
			if (report.returnedAt() != null && report.preventionInterviewAt().isBefore(report.returnedAt())) {
				errors.put("preventionInterviewAt", "The prevention interview cannot be before the return.");
			}
			else if (report.preventionInterviewAt().isAfter(now.plus(CLOCK_SKEW))) {
				errors.put("preventionInterviewAt", "The prevention interview cannot be in the future.");
			}
			required(errors, "preventionInterviewBy", report.preventionInterviewBy(),
					"Enter the officer who held the prevention interview.");
		}
		return errors;
	}

	private static void checkInstant(Map<String, String> errors, String field, Instant instant, LocalDate born,
			Instant now, String what) {
		if (instant != null && instant.isAfter(now.plus(CLOCK_SKEW))) {
			errors.put(field, what + " cannot be in the future.");
		}
		else if (instant != null && born != null
				&& instant.isBefore(born.atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant())) {
			errors.put(field, what + " cannot be before the child was born.");
		}
	}

	private static void required(Map<String, String> errors, String field, String value, String message) {
		if (EpisodeForms.blank(value)) {
			errors.put(field, message);
		}
	}

	/**
	 * The child's record by the front door's rules: the NHS number, else the one record
	 * with the same name and date of birth; a new record when there is none. Where
	 * several fit by name, the oldest is taken and the timeline says so.
	 */
	private Child child(EpisodeForms.ChildDetails details) {
		List<ChildRecords.PossibleMatch> matches = this.children.possibleMatches(details.givenNames(),
				details.familyName(), details.dateOfBirth(), details.nhsNumber());
		if (!matches.isEmpty()) {
			return matches.get(0).child();
		}
		return this.children
			.register(new ChildRecords.NewChild(details.givenNames(), details.familyName(), details.dateOfBirth(),
					EpisodeForms.strip(details.gender()), NhsNumber.normalise(details.nhsNumber()), null, null, false));
	}

	/** Episodes of one child never overlap, and a child has one open episode at most. */
	private void refuseOverlap(Child child, Instant startedAt) {
		for (EpisodeRecords.Span span : this.records.spansOf(child.id())) {
			if (span.returnedAt() == null) {
				throw Refusal.invalid("child", child.fullName() + " is already recorded as missing (" + span.reference()
						+ ", since " + Dates.describe(span.startedAt()) + "): record their return first.");
			}
			if (startedAt.isBefore(span.returnedAt())) {
				throw Refusal.invalid("lastSeenAt",
						"This overlaps episode " + span.reference() + " (" + Dates.describe(span.startedAt()) + " to "
								+ Dates.describe(span.returnedAt()) + "): the child was missing or back by then.");
			}
		}
	}

	private Optional<Receipt> earlier(String recordedBy, String key, String hash) {
		if (key == null) {
			return Optional.empty();
		}
		return this.records.byIdempotencyKey(recordedBy, key).map((found) -> {
			if (!hash.equals(found.getValue())) {
				throw Refusal.conflict("Idempotency-Key '" + key
						+ "' was already used for a different report; use a new key for a new report.");
			}
			MissingEpisode episode = this.records.find(found.getKey()).orElseThrow();
			return new Receipt(episode.reference(), episode.child().id(), episode.report().startedAt(),
					episode.repeatMissing());
		});
	}

	private static ReturnReceipt receipt(MissingEpisode episode) {
		MissingEpisode.Return returned = episode.returned();
		return new ReturnReceipt(episode.reference(), returned.returnedAt(), returned.foundBy(), returned.foundWhere(),
				episode.interviewDueAt());
	}

	/**
	 * Partner systems and the staff who take carers' calls: the coordinators and social
	 * workers.
	 */
	static void mayReport(CurrentUser caller) {
		if (!caller.isIn(Roles.PARTNER_SYSTEM) && !takesCalls(caller)) {
			throw new AccessDeniedException(
					"Missing children are reported by the coordinator, a social worker or a partner system.");
		}
	}

	/**
	 * Whether the person takes carers' calls: reports a child missing, and their return,
	 * on the forms.
	 */
	public static boolean takesCalls(CurrentUser user) {
		return user.isIn(Roles.MISSING_COORDINATOR) || user.isIn(Roles.MASH_SOCIAL_WORKER)
				|| user.isIn(Roles.ASSESSMENT_SOCIAL_WORKER);
	}

	/**
	 * A partner system returns the episodes it reported; staff who may report, any.
	 */
	private static boolean mayReturn(MissingEpisode episode, CurrentUser caller) {
		return !caller.isIn(Roles.PARTNER_SYSTEM) || caller.username().equals(episode.report().recordedBy());
	}

	/** The agency a partner system acts for, from its agency-… role. */
	private static String agency(CurrentUser caller) {
		return caller.groups()
			.stream()
			.filter((role) -> role.startsWith(Roles.AGENCY_PREFIX))
			.map((role) -> role.substring(Roles.AGENCY_PREFIX.length()).toUpperCase(Locale.ROOT))
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("This system acts for no agency."));
	}

}
