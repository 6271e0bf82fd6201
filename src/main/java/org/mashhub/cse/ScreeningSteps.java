package org.mashhub.cse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.cse.process.CseScreeningWorkflow;
import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening's steps: scoring (the first screening and every review) with the
 * coordinator's judgement, a manager's answer to a lowered level, each level's actions,
 * and the safety plan's revisions. Each is one transaction; a refused form writes
 * nothing.
 */
@Service
public class ScreeningSteps {

	private static final Map<String, String> ACTIONS = Map.of(CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN, "STEP_DOWN",
			CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING, "RISK_MANAGEMENT_MEETING",
			CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION, "STRATEGY_DISCUSSION",
			CseScreeningProcess.TASK_REFER_TO_MACE, "MACE_REFERRAL");

	private final ScreeningRecords records;

	private final Instruments instruments;

	private final RiskDecision decision;

	private final CseSettings settings;

	private final WorkQueue queue;

	private final Notices notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScreeningSteps(ScreeningRecords records, Instruments instruments, RiskDecision decision, CseSettings settings,
			WorkQueue queue, Notices notices, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.instruments = instruments;
		this.decision = decision;
		this.settings = settings;
		this.queue = queue;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The level the answers so far compute, and why: shown before the coordinator saves.
	 */
	public record Preview(Instrument instrument, List<ScreeningHistory.Answer> answers, RiskDecision.Inputs inputs,
			RiskDecision.Outcome outcome) {

		public List<ScreeningHistory.Answer> droppedOut() {
			return this.answers.stream().filter(ScreeningHistory.Answer::droppedOut).toList();
		}

	}

	/** The instrument a scoring of this screening uses: the latest version of its own. */
	public Instrument instrumentFor(Screening screening) {
		return this.instruments.latest(screening.instrumentId());
	}

	@Transactional(readOnly = true)
	public Preview preview(String taskId, ScreeningForms.Scoring form, CurrentUser user) {
		Screening screening = scoringStep(taskId, user).screening();
		Instrument instrument = instrumentFor(screening);
		Instant scoredAt = (form.scoredAt() != null) ? form.scoredAt() : this.clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		indicatorErrors(errors, instrument, screening, form.indicators(), scoredAt);
		Refusal.ifAny(errors);
		ScreeningScores.Scored scored = scored(instrument, screening, form, scoredAt);
		return new Preview(instrument, scored.answers(), scored.inputs(),
				this.decision.decide(instrument.decision(), scored.inputs()));
	}

	@Transactional
	public void score(String taskId, ScreeningForms.Scoring form, CurrentUser user) {
		Step step = scoringStep(taskId, user);
		Screening screening = step.screening();
		boolean review = CseScreeningProcess.TASK_REVIEW_SCREENING.equals(step.item().taskDefinitionKey());
		Instrument instrument = instrumentFor(screening);
		Instant now = this.clock.instant();
		Instant scoredAt = (form.scoredAt() != null) ? form.scoredAt() : now;
		Map<String, String> errors = new LinkedHashMap<>();
		indicatorErrors(errors, instrument, screening, form.indicators(), scoredAt);
		Instant notBefore = review ? screening.lastScoredAt() : screening.openedAt();
		if (scoredAt.isAfter(now)) {
			errors.put("scoredAt", "The screening cannot be done in the future.");
		}
		else if (notBefore != null && scoredAt.isBefore(notBefore)) {
			errors.put("scoredAt",
					(review ? "A review cannot come before the last scoring ("
							: "The screening cannot" + " come before the concern opened it (")
							+ Dates.describe(notBefore) + ").");
		}
		if (form.cinFactors().isEmpty()) {
			errors.put("cinFactors", "Choose the census factors the screening concerns: at least one.");
		}
		if (ScreeningForms.blank(form.summary())) {
			errors.put("summary", review ? "Say what the review found." : "Say what the screening found.");
		}
		if (form.closeAsRiskReduced() && !review) {
			errors.put("closeAsRiskReduced", "A screening is closed as risk reduced at a review.");
		}
		RiskDecision.Outcome outcome = null;
		ScreeningScores.Scored scored = null;
		if (errors.keySet().stream().noneMatch((field) -> field.startsWith("indicator"))) {
			scored = scored(instrument, screening, form, scoredAt);
			outcome = this.decision.decide(instrument.decision(), scored.inputs());
			if (form.level() != null && form.level() != outcome.level() && ScreeningForms.blank(form.rationale())) {
				errors.put("rationale",
						"Give the reason for " + (form.level().isBelow(outcome.level()) ? "lowering" : "raising")
								+ " the level from the computed " + outcome.level().label().toLowerCase(Locale.UK)
								+ ".");
			}
		}
		Refusal.ifAny(errors);
		RiskLevel computed = outcome.level();
		RiskLevel proposed = (form.level() != null) ? form.level() : computed;
		boolean lowered = proposed.isBelow(computed);
		RiskLevel standing = lowered ? computed : proposed;
		boolean actionsDue = !lowered && standing != screening.level();
		boolean closes = review && form.closeAsRiskReduced();
		ScreeningHistory.Scoring scoring = new ScreeningHistory.Scoring(java.util.UUID.randomUUID(),
				review ? "REVIEW" : "SCREENING", scoredAt, user.username(), instrument.version(),
				scored.inputs().score(), scored.inputs(), outcome.rules(), computed, proposed,
				ScreeningForms.strip(form.rationale()), lowered ? null : proposed, null, null, null, null,
				form.summary().strip(), closes, scored.answers());
		this.records.insertScoring(scoring, screening.id(), instrument.id(), now);
		this.records.setLevel(screening.id(), standing, computed, scored.inputs().score(), scoredAt, form.cinFactors(),
				lowered, instrument.id(), instrument.version());
		long dropped = scored.answers().stream().filter(ScreeningHistory.Answer::droppedOut).count();
		this.records.addEvent(screening.id(), scoredAt, user.username(), (review ? "Reviewed" : "Screened") + ": score "
				+ scored.inputs().score() + ", computed " + computed.label().toLowerCase(Locale.UK) + " ("
				+ outcome.rules().stream().map(RiskDecision.FiredRule::reason).collect(Collectors.joining("; ")) + ")"
				+ ((dropped > 0)
						? "; " + dropped + " indicator(s) dropped out, not seen within " + this.settings.dropOutAfter()
						: ""));
		if (proposed != computed) {
			this.records.addEvent(screening.id(), scoredAt, user.username(), lowered
					? "Level lowered to " + proposed.label().toLowerCase(Locale.UK)
							+ ", awaiting a manager's approval (computed " + computed.label().toLowerCase(Locale.UK)
							+ " stands until then): " + form.rationale().strip()
					: "Level raised to " + proposed.label().toLowerCase(Locale.UK) + ": " + form.rationale().strip());
		}
		if (lowered) {
			this.notices.toGroups(this.settings.approvers(), screening.reference(),
					"An exploitation level lowered below the computed one awaits your approval.", "/work");
		}
		if (closes && !lowered) {
			close(screening, "RISK_REDUCED", scoredAt, user.username());
		}
		this.events.publishEvent(new ExploitationLevelSet(screening.reference(), screening.child().id(), review,
				computed, proposed, standing, lowered, scoredAt, user.username()));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), CseScreeningWorkflow.scored(scoredAt,
				standing.name(), lowered, actionsDue, closes, this.settings.reviewPolicy(standing)));
	}

	/** A manager approves or refuses a level lowered below the computed one. */
	@Transactional
	public void decideLowering(String taskId, ScreeningForms.Approval form, CurrentUser user) {
		Step step = step(taskId, user, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL);
		Screening screening = step.screening();
		List<ScreeningHistory.Scoring> scorings = this.records.scorings(screening.id());
		ScreeningHistory.Scoring awaiting = scorings.stream()
			.filter((scoring) -> scoring.finalLevel() == null)
			.findFirst()
			.orElseThrow(() -> Refusal.conflict("No lowered level of " + screening.reference() + " awaits approval."));
		if (user.username().equals(awaiting.scoredBy())) {
			throw Refusal.notAllowed("approve", "You lowered this level yourself: another manager decides.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.approve() == null) {
			errors.put("approve", "Choose whether to approve the lower level or refuse it.");
		}
		else if (!form.approve() && ScreeningForms.blank(form.note())) {
			errors.put("note", "Say why the lower level is refused.");
		}
		Refusal.ifAny(errors);
		Instant now = this.clock.instant();
		boolean approved = form.approve();
		RiskLevel settled = approved ? awaiting.proposedLevel() : awaiting.computedLevel();
		RiskLevel before = scorings.stream()
			.filter((scoring) -> scoring != awaiting && scoring.finalLevel() != null)
			.map(ScreeningHistory.Scoring::finalLevel)
			.findFirst()
			.orElse(null);
		boolean closes = approved && awaiting.closes();
		this.records.settleApproval(awaiting.id(), approved, settled, user.username(), now,
				ScreeningForms.strip(form.note()));
		this.records.settleScreening(screening.id(), settled);
		this.records.addEvent(screening.id(), now, user.username(),
				(approved ? "Lower level approved: " : "Lower level refused; the computed level stands: ")
						+ settled.label().toLowerCase(Locale.UK)
						+ (ScreeningForms.blank(form.note()) ? "" : " (" + form.note().strip() + ")"));
		this.notices.toUser(awaiting.scoredBy(), screening.reference(),
				"Your lower exploitation level was " + (approved ? "approved." : "refused."),
				ScreeningOpenings.link(screening.reference()));
		if (closes) {
			close(screening, "RISK_REDUCED", now, user.username());
		}
		this.events.publishEvent(new LowerLevelDecided(screening.reference(), screening.child().id(), approved, settled,
				now, user.username()));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), CseScreeningWorkflow.settled(settled.name(),
				settled != before, closes, this.settings.reviewPolicy(settled), now));
	}

	/**
	 * One of a level's actions recorded: advice or a step-down, a risk management meeting
	 * with its safety plan, a strategy discussion, a referral to the MACE panel.
	 */
	@Transactional
	public void recordAction(String taskId, ScreeningForms.Action form, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		String kind = ACTIONS.get(item.taskDefinitionKey());
		if (kind == null || !CseScreeningProcess.PROCESS.equals(item.processDefinitionKey())) {
			throw new NoSuchElementException("No such step " + taskId);
		}
		Screening screening = screening(item);
		Instant now = this.clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.heldAt() == null) {
			errors.put("heldAt", "MACE_REFERRAL".equals(kind) ? "Enter when the referral was made."
					: "Enter when it was held or given.");
		}
		else if (form.heldAt().isAfter(now)) {
			errors.put("heldAt", "It cannot be in the future: record it once done.");
		}
		else if (form.heldAt().isBefore(screening.openedAt())) {
			errors.put("heldAt",
					"It cannot be before the screening opened (" + Dates.describe(screening.openedAt()) + ").");
		}
		boolean meeting = "RISK_MANAGEMENT_MEETING".equals(kind) || "STRATEGY_DISCUSSION".equals(kind);
		if (meeting && ScreeningForms.blank(form.attendees())) {
			errors.put("attendees", "Enter who took part, and for which agency.");
		}
		if (ScreeningForms.blank(form.outcome())) {
			errors.put("outcome", switch (kind) {
				case "STEP_DOWN" -> "Enter the advice given, or the early help service the child was stepped down to.";
				case "MACE_REFERRAL" -> "Enter what was referred and the panel date, if known.";
				default -> "Enter what was decided.";
			});
		}
		if ("RISK_MANAGEMENT_MEETING".equals(kind)) {
			safetyPlanErrors(errors, form.safetyPlan(),
					(form.heldAt() != null) ? LocalDate.ofInstant(form.heldAt(), MashHubApplication.LOCAL_TIME) : null);
		}
		Refusal.ifAny(errors);
		this.records.insertAction(screening.id(), kind, form, now, user.username());
		String summary = new ScreeningHistory.Action(kind, form.heldAt(), null, form.outcome(), null).kindLabel() + ": "
				+ form.outcome().strip();
		this.records.addEvent(screening.id(), form.heldAt(), user.username(), summary);
		if ("RISK_MANAGEMENT_MEETING".equals(kind)) {
			int version = this.records.insertSafetyPlan(screening.id(), form.safetyPlan(), now, user.username());
			this.records.addEvent(screening.id(), now, user.username(), "Safety plan version " + version + " agreed");
		}
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
	}

	/**
	 * A new version of the safety plan; the earlier ones are kept. Returns its version.
	 */
	@Transactional
	public int reviseSafetyPlan(String reference, ScreeningForms.SafetyPlan plan, CurrentUser user) {
		if (!user.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("A safety plan is revised by an exploitation coordinator.");
		}
		Screening screening = this.records.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No screening " + reference));
		if (!screening.isOpen()) {
			throw Refusal.conflict("Screening " + reference + " is closed: its safety plan can no longer change.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		safetyPlanErrors(errors, plan, LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME));
		Refusal.ifAny(errors);
		Instant now = this.clock.instant();
		int version = this.records.insertSafetyPlan(screening.id(), plan, now, user.username());
		this.records.addEvent(screening.id(), now, user.username(), "Safety plan revised: version " + version);
		return version;
	}

	private void close(Screening screening, String reason, Instant at, String by) {
		if (this.records.close(screening.id(), reason, at)) {
			this.records.addEvent(screening.id(), at, by, "Screening closed: risk reduced");
			this.events
				.publishEvent(new ScreeningClosed(screening.reference(), screening.child().id(), reason, at, by));
		}
	}

	private ScreeningScores.Scored scored(Instrument instrument, Screening screening, ScreeningForms.Scoring form,
			Instant scoredAt) {
		LocalDate scoredOn = LocalDate.ofInstant(scoredAt, MashHubApplication.LOCAL_TIME);
		java.util.OptionalInt age = screening.child().ageOn(scoredOn);
		return ScreeningScores.score(instrument, form.indicators(), scoredOn, age.isPresent() ? age.getAsInt() : null,
				this.settings.possiblePoints(), this.settings.dropOutAfter());
	}

	private void indicatorErrors(Map<String, String> errors, Instrument instrument, Screening screening,
			List<ScreeningForms.IndicatorEntry> entries, Instant scoredAt) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
		LocalDate scoredOn = LocalDate.ofInstant(scoredAt, MashHubApplication.LOCAL_TIME);
		for (ScreeningForms.IndicatorEntry entry : entries) {
			if (entry.code() == null || instrument.indicator(entry.code()).isEmpty()) {
				errors.put("indicators", "Indicator " + entry.code() + " is not one of " + instrument.label() + ".");
				continue;
			}
			if (entry.answer() == null || entry.answer() == IndicatorAnswer.ABSENT) {
				continue;
			}
			String field = "indicator." + entry.code() + ".";
			if (entry.observedOn() == null) {
				errors.put(field + "observedOn", "Enter when it was last seen.");
			}
			else if (entry.observedOn().isAfter(today)) {
				errors.put(field + "observedOn", "It cannot be seen in the future.");
			}
			else if (entry.observedOn().isAfter(scoredOn)) {
				errors.put(field + "observedOn", "It cannot be seen after the screening was done.");
			}
			else if (screening.child().dateOfBirth() != null
					&& entry.observedOn().isBefore(screening.child().dateOfBirth())) {
				errors.put(field + "observedOn", "It cannot be seen before the child was born.");
			}
			if (ScreeningForms.blank(entry.agency())) {
				errors.put(field + "agency", "Choose which agency saw it.");
			}
			else if (!this.settings.agencies().contains(entry.agency())) {
				errors.put(field + "agency", "Choose an agency from the list.");
			}
			if (entry.basis() == null) {
				errors.put(field + "basis", "Choose whether it is evidence or a concern.");
			}
		}
	}

	private static void safetyPlanErrors(Map<String, String> errors, ScreeningForms.SafetyPlan plan,
			LocalDate notBefore) {
		if (plan == null || ScreeningForms.blank(plan.summary())) {
			errors.put("safetyPlan.summary", "Enter what the safety plan is to achieve.");
		}
		List<ScreeningForms.PlanAction> actions = (plan != null) ? plan.actions() : List.of();
		if (actions.isEmpty()) {
			errors.put("safetyPlan.actions", "Give the plan at least one action, with its owner and due date.");
		}
		for (int i = 0; i < actions.size(); i++) {
			ScreeningForms.PlanAction action = actions.get(i);
			String field = "safetyPlan.actions[" + i + "].";
			if (ScreeningForms.blank(action.action())) {
				errors.put(field + "action", "Enter the action.");
			}
			if (ScreeningForms.blank(action.owner())) {
				errors.put(field + "owner", "Enter who owns the action.");
			}
			if (action.dueOn() == null) {
				errors.put(field + "dueOn", "Enter when the action is due.");
			}
			else if (notBefore != null && action.dueOn().isBefore(notBefore)) {
				errors.put(field + "dueOn", "The action cannot be due before the plan is agreed.");
			}
		}
	}

	private record Step(WorkItem item, Screening screening) {
	}

	private Step scoringStep(String taskId, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!CseScreeningProcess.PROCESS.equals(item.processDefinitionKey())
				|| !(CseScreeningProcess.TASK_SCREEN_CHILD.equals(item.taskDefinitionKey())
						|| CseScreeningProcess.TASK_REVIEW_SCREENING.equals(item.taskDefinitionKey()))) {
			throw new NoSuchElementException("No such step " + taskId);
		}
		return new Step(item, screening(item));
	}

	private Step step(String taskId, CurrentUser user, String taskDefinitionKey) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		if (!CseScreeningProcess.PROCESS.equals(item.processDefinitionKey())
				|| !taskDefinitionKey.equals(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No such step " + taskId);
		}
		return new Step(item, screening(item));
	}

	private Screening screening(WorkItem item) {
		return this.records.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No screening " + item.subjectReference()));
	}

}
