package org.mashhub.cse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.child.NhsNumber;
import org.mashhub.cse.process.CseScreeningWorkflow;
import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A concern of exploitation opens a screening of the child, or joins the one open: a
 * child has one open screening at most, never two in parallel. Concerns come from the
 * front door, a missing episode or the coordinator; each is one transaction with the
 * screening's process and events.
 */
@Service
public class ScreeningOpenings {

	private final ScreeningRecords records;

	private final Instruments instruments;

	private final ChildRecords children;

	private final CseScreeningWorkflow workflow;

	private final CseSettings settings;

	private final Notices notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScreeningOpenings(ScreeningRecords records, Instruments instruments, ChildRecords children,
			CseScreeningWorkflow workflow, CseSettings settings, Notices notices, ApplicationEventPublisher events,
			Clock clock) {
		this.records = records;
		this.instruments = instruments;
		this.children = children;
		this.workflow = workflow;
		this.settings = settings;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A concern about a child.
	 *
	 * @param sourceReference what raised it (a contact, an episode); a concern heard
	 * again is recorded once
	 */
	public record Concern(UUID childId, TriggerSource source, String sourceReference, Instant raisedAt, String raisedBy,
			String summary) {
	}

	/** Where a concern went: a new screening, or the child's open one. */
	public record Outcome(String reference, boolean opened) {
	}

	/**
	 * Opens or joins; empty when the concern was heard before or the child is already an
	 * adult (the coordinators are told).
	 */
	@Transactional
	public Optional<Outcome> raise(Concern concern) {
		return raise(concern, this.instruments.inUse());
	}

	/** As {@link #raise(Concern)}, a new screening scored with the instrument given. */
	@Transactional
	Optional<Outcome> raise(Concern concern, Instrument instrument) {
		if (this.records.triggerKnown(concern.source(), concern.sourceReference())) {
			return Optional.empty();
		}
		Child child = this.children.find(concern.childId()).orElseThrow();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
		if (child.dateOfBirth() != null && !child.dateOfBirth().plusYears(18).isAfter(today)) {
			this.notices.toGroups(List.of(Roles.CSE_COORDINATOR), concern.sourceReference(),
					"An exploitation concern was raised about a young person who is 18 or over: no screening was"
							+ " opened; consider a referral to adult services.",
					"/cse");
			return Optional.empty();
		}
		this.records.lockChild(child.id());
		Optional<Screening> open = this.records.openOf(child.id());
		if (open.isPresent()) {
			Screening screening = open.get();
			if (!this.records.addTrigger(screening.id(), concern.source(), concern.sourceReference(),
					concern.raisedAt(), concern.raisedBy(), concern.summary())) {
				// the same concern delivered twice at once: the other delivery recorded
				// it
				return Optional.empty();
			}
			this.records.addEvent(screening.id(), concern.raisedAt(), concern.raisedBy(),
					"A further concern joined the screening: " + concern.summary());
			this.notices.toGroups(List.of(Roles.CSE_COORDINATOR), screening.reference(),
					"A further exploitation concern joined an open screening (" + concern.source().label() + ").",
					link(screening.reference()));
			this.events.publishEvent(new ConcernJoinedScreening(screening.reference(), child.id(), concern.source(),
					concern.raisedAt(), concern.raisedBy()));
			return Optional.of(new Outcome(screening.reference(), false));
		}
		UUID id = UUID.randomUUID();
		// Opened when the concern was raised: the screening's timescale runs from then
		Instant openedAt = concern.raisedAt();
		String reference = this.records.nextReference(this.clock.instant());
		this.records.insert(id, reference,
				new Screening.ChildInScreening(child.id(), child.givenNames(), child.familyName(), child.dateOfBirth()),
				instrument, openedAt, concern.raisedBy());
		this.records.addTrigger(id, concern.source(), concern.sourceReference(), concern.raisedAt(), concern.raisedBy(),
				concern.summary());
		this.records.addEvent(id, openedAt, concern.raisedBy(), "Screening opened (" + concern.source().label() + "): "
				+ concern.summary() + "; instrument " + instrument.label());
		this.records.setProcessInstance(id,
				this.workflow.start(reference, openedAt, child.dateOfBirth(), this.settings.approvers()));
		this.events
			.publishEvent(new ScreeningOpened(reference, child.id(), concern.source(), openedAt, concern.raisedBy()));
		return Optional.of(new Outcome(reference, true));
	}

	/**
	 * The coordinator opens a screening directly: the child by the front door's matching
	 * rules (the NHS number, else name and date of birth), recorded when new.
	 */
	@Transactional
	public Outcome open(ScreeningForms.Opening opening, CurrentUser coordinator) {
		if (!coordinator.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("Screenings are opened by an exploitation coordinator.");
		}
		Instant now = this.clock.instant();
		Refusal.ifAny(openingErrors(opening, now));
		ScreeningForms.ChildDetails details = opening.child();
		List<ChildRecords.PossibleMatch> matches = this.children.possibleMatches(details.givenNames(),
				details.familyName(), details.dateOfBirth(), details.nhsNumber());
		Child child = !matches.isEmpty() ? matches.get(0).child()
				: this.children.register(new ChildRecords.NewChild(details.givenNames(), details.familyName(),
						details.dateOfBirth(), null, NhsNumber.normalise(details.nhsNumber()), null, null, false));
		Instant raisedAt = (opening.raisedAt() != null) ? opening.raisedAt() : now;
		return raise(new Concern(child.id(), TriggerSource.COORDINATOR, UUID.randomUUID().toString(), raisedAt,
				coordinator.username(), opening.concern().strip()))
			.orElseThrow();
	}

	private static Map<String, String> openingErrors(ScreeningForms.Opening opening, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		ScreeningForms.ChildDetails child = opening.child();
		LocalDate today = LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME);
		if (child == null) {
			errors.put("child", "Give the child's name and date of birth.");
			return errors;
		}
		if (ScreeningForms.blank(child.givenNames())) {
			errors.put("child.givenNames", "Enter the child's given names.");
		}
		if (ScreeningForms.blank(child.familyName())) {
			errors.put("child.familyName", "Enter the child's family name.");
		}
		if (child.dateOfBirth() == null) {
			errors.put("child.dateOfBirth", "Enter the child's date of birth.");
		}
		else if (child.dateOfBirth().isAfter(today)) {
			errors.put("child.dateOfBirth", "The date of birth cannot be in the future.");
		}
		else if (!child.dateOfBirth().plusYears(18).isAfter(today)) {
			errors.put("child.dateOfBirth",
					"The young person is 18 or over: exploitation screening is for children. Refer to adult services.");
		}
		if (!ScreeningForms.blank(child.nhsNumber()) && !NhsNumber.isValid(child.nhsNumber())) {
			errors.put("child.nhsNumber",
					"Enter a valid NHS number (10 digits with its check digit), or leave it empty.");
		}
		if (ScreeningForms.blank(opening.concern())) {
			errors.put("concern", "Enter what the concern is and who raised it.");
		}
		if (opening.raisedAt() != null && opening.raisedAt().isAfter(now)) {
			errors.put("raisedAt", "The concern cannot be raised in the future.");
		}
		else if (opening.raisedAt() != null && child.dateOfBirth() != null && opening.raisedAt()
			.isBefore(child.dateOfBirth().atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant())) {
			errors.put("raisedAt", "The concern cannot be raised before the child was born.");
		}
		return errors;
	}

	static String link(String reference) {
		return "/cse/screenings/" + reference;
	}

}
