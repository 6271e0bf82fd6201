package org.mashhub.cse.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.Refusal;
import org.mashhub.cse.CinFactor;
import org.mashhub.cse.CseScreenings;
import org.mashhub.cse.CseSettings;
import org.mashhub.cse.EvidenceBasis;
import org.mashhub.cse.IndicatorAnswer;
import org.mashhub.cse.Instrument;
import org.mashhub.cse.PlaceKind;
import org.mashhub.cse.Places;
import org.mashhub.cse.RiskLevel;
import org.mashhub.cse.ScreeningForms;
import org.mashhub.cse.ScreeningHistory;
import org.mashhub.cse.ScreeningOpenings;
import org.mashhub.cse.ScreeningSteps;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.web.FormValues;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exploitation screening screens: opening a screening, a screening's page (its level
 * and why, concerns, actions, safety plan, places and groups, timeline), and each step's
 * form. A scoring form shows the computed level before it is saved. A refused form comes
 * back with a message beside each field and nothing written.
 */
@Controller
class ScreeningPages {

	/** Blank rows a safety plan form offers for its actions. */
	static final int PLAN_ROWS = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d");

	private final ScreeningOpenings openings;

	private final CseScreenings screenings;

	private final ScreeningSteps steps;

	private final Places places;

	private final CseSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ScreeningPages(ScreeningOpenings openings, CseScreenings screenings, ScreeningSteps steps, Places places,
			CseSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.openings = openings;
		this.screenings = screenings;
		this.steps = steps;
		this.places = places;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@GetMapping("/cse/new")
	String newScreening(Authentication authentication, Model model) {
		mayOpen(CurrentUser.of(authentication));
		model.addAttribute("errors", Map.of());
		model.addAttribute("values", Map.of());
		return "cse/new";
	}

	@PostMapping("/cse/new")
	String open(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		mayOpen(user);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		ScreeningForms.Opening opening = new ScreeningForms.Opening(
				new ScreeningForms.ChildDetails(values.get("child.givenNames"), values.get("child.familyName"),
						FormValues.date(values, "child.dateOfBirth", errors), values.get("child.nhsNumber")),
				FormValues.instant(values, "raisedAt", errors), values.get("concern"));
		try {
			Refusal.ifAny(errors);
			ScreeningOpenings.Outcome outcome = this.openings.open(opening, user);
			redirect.addFlashAttribute("success",
					outcome.opened() ? "Screening " + outcome.reference() + " opened: it is in the coordinators' work."
							: "The child already has an open screening (" + outcome.reference()
									+ "): the concern was added to it.");
			return "redirect:/cse/screenings/" + outcome.reference();
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			model.addAttribute("errors", all);
			model.addAttribute("values", values);
			return "cse/new";
		}
	}

	@GetMapping("/cse/screenings/{reference}")
	String screening(@PathVariable String reference, Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.transaction.execute((status) -> {
			CseScreenings.ScreeningView view = this.screenings.find(reference, user);
			model.addAttribute("view", view);
			model.addAttribute("mayLink", user.isIn(Roles.CSE_COORDINATOR) && view.screening().isOpen());
			model.addAttribute("mayPlan",
					user.isIn(Roles.CSE_COORDINATOR) && view.screening().isOpen() && !view.safetyPlans().isEmpty());
			model.addAttribute("knownPlaces", (user.isIn(Roles.CSE_COORDINATOR) && view.screening().isOpen())
					? this.places.recorded(user) : List.of());
			model.addAttribute("placeKinds", PlaceKind.values());
			model.addAttribute("planRows", PLAN_ROWS);
			model.addAttribute("now", this.clock.instant());
			if (!model.containsAttribute("errors")) {
				model.addAttribute("errors", Map.of());
				model.addAttribute("values", Map.of());
			}
			return "cse/screening";
		});
	}

	@PostMapping("/cse/screenings/{reference}/places")
	String linkPlace(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		UUID placeId = uuid(values.get("placeId"));
		try {
			if (placeId == null && !blank(values.get("placeId"))) {
				throw Refusal.invalid("placeId", "Choose a place or group from the list.");
			}
			ScreeningForms.PlaceLink link = new ScreeningForms.PlaceLink(placeId,
					FormValues.enumOf(PlaceKind.class, values.get("kind")), values.get("name"),
					values.get("description"), values.get("note"));
			this.places.link(reference, link, CurrentUser.of(authentication));
			redirect.addFlashAttribute("success", "Linked.");
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("errors", refused.fieldErrors());
			redirect.addFlashAttribute("values", values);
		}
		return "redirect:/cse/screenings/" + reference + "#places";
	}

	@PostMapping("/cse/screenings/{reference}/safety-plan")
	String reviseSafetyPlan(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		ScreeningForms.SafetyPlan plan = safetyPlan(values, errors);
		try {
			Refusal.ifAny(errors);
			int version = this.steps.reviseSafetyPlan(reference, plan, CurrentUser.of(authentication));
			redirect.addFlashAttribute("success", "Safety plan version " + version + " recorded.");
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			redirect.addFlashAttribute("errors", all);
			redirect.addFlashAttribute("values", values);
		}
		return "redirect:/cse/screenings/" + reference + "#safety-plan";
	}

	@GetMapping("/cse/tasks/{taskId}")
	String task(@PathVariable String taskId, Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.transaction.execute((status) -> taskPage(taskId, user, model, Map.of(), null, Optional.empty()));
	}

	/**
	 * Not one transaction: the step's own is rolled back whole when refused, and the form
	 * is shown again in a new one. "Work out the level" shows the computed level and
	 * saves nothing.
	 */
	@PostMapping("/cse/tasks/{taskId}")
	String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		CseScreenings.TaskContext context = this.transaction.execute((status) -> this.screenings.forTask(taskId, user));
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		String delay = values.get("reasonForDelay");
		Optional<ScreeningSteps.Preview> preview = Optional.empty();
		try {
			switch (context.step()) {
				case CseScreeningProcess.TASK_SCREEN_CHILD, CseScreeningProcess.TASK_REVIEW_SCREENING -> {
					Instrument instrument = this.steps.instrumentFor(context.view().screening());
					ScreeningForms.Scoring scoring = scoring(instrument, form, values, errors, delay);
					if ("preview".equals(values.get("action"))) {
						Refusal.ifAny(errors);
						preview = Optional.of(this.steps.preview(taskId, scoring, user));
						ScreeningSteps.Preview shown = preview.get();
						return this.transaction
							.execute((status) -> taskPage(taskId, user, model, Map.of(), form, Optional.of(shown)));
					}
					Refusal.ifAny(errors);
					this.steps.score(taskId, scoring, user);
				}
				case CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL -> this.steps.decideLowering(taskId,
						new ScreeningForms.Approval(yesNo(values.get("approve")), values.get("note"), delay), user);
				default -> {
					ScreeningForms.Action action = new ScreeningForms.Action(
							FormValues.instant(values, "heldAt", errors), values.get("attendees"),
							values.get("outcome"),
							CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING.equals(context.step())
									? safetyPlan(values, errors) : null,
							delay);
					Refusal.ifAny(errors);
					this.steps.recordAction(taskId, action, user);
				}
			}
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			Optional<ScreeningSteps.Preview> shown = preview;
			return this.transaction.execute((status) -> taskPage(taskId, user, model, all, form, shown));
		}
		redirect.addFlashAttribute("success",
				"Done: " + context.item().taskName() + " (" + context.view().screening().reference() + ").");
		return "redirect:/work";
	}

	private String taskPage(String taskId, CurrentUser user, Model model, Map<String, String> errors,
			MultiValueMap<String, String> form, Optional<ScreeningSteps.Preview> preview) {
		CseScreenings.TaskContext context = this.screenings.forTask(taskId, user);
		model.addAttribute("context", context);
		model.addAttribute("item", context.item());
		model.addAttribute("view", context.view());
		model.addAttribute("errors", errors);
		Map<String, String> values = (form != null) ? new LinkedHashMap<>(form.toSingleValueMap())
				: new LinkedHashMap<>();
		MultiValueMap<String, String> chosen = (form != null) ? form : new LinkedMultiValueMap<>();
		boolean scoring = CseScreeningProcess.TASK_SCREEN_CHILD.equals(context.step())
				|| CseScreeningProcess.TASK_REVIEW_SCREENING.equals(context.step());
		if (scoring) {
			Instrument instrument = this.steps.instrumentFor(context.view().screening());
			model.addAttribute("instrument", instrument);
			if (form == null) {
				context.view().latestScoring().ifPresent((last) -> fill(values, last));
				context.view().screening().cinFactors().forEach((factor) -> chosen.add("cinFactors", factor.code()));
			}
			preview.ifPresent((shown) -> values.putIfAbsent("level", shown.outcome().level().name()));
			model.addAttribute("preview", preview.orElse(null));
		}
		model.addAttribute("values", values);
		model.addAttribute("chosen", chosen);
		model.addAttribute("answers", IndicatorAnswer.values());
		model.addAttribute("bases", EvidenceBasis.values());
		model.addAttribute("levels", RiskLevel.values());
		model.addAttribute("cinFactors", CinFactor.values());
		model.addAttribute("agencies", this.settings.agencies());
		model.addAttribute("dropOutAfter", this.settings.dropOutAfter());
		model.addAttribute("planRows", PLAN_ROWS);
		model.addAttribute("mine",
				user.username().equals(context.item().assignee()) && "OPEN".equals(context.item().state()));
		model.addAttribute("canClaim", context.item().assignee() == null && "OPEN".equals(context.item().state())
				&& context.item().candidateGroups().stream().anyMatch(user.groups()::contains));
		model.addAttribute("now", this.clock.instant());
		return "cse/task";
	}

	/**
	 * A review starts from the last scoring's answers; drop-outs are worked out again.
	 */
	private static void fill(Map<String, String> values, ScreeningHistory.Scoring last) {
		for (ScreeningHistory.Answer answer : last.answers()) {
			String field = "indicator." + answer.indicatorCode() + ".";
			values.put(field + "answer", answer.answer().name());
			if (answer.observedOn() != null) {
				values.put(field + "observedOn-day", DAY.format(answer.observedOn()));
				values.put(field + "observedOn-month", String.valueOf(answer.observedOn().getMonthValue()));
				values.put(field + "observedOn-year", String.valueOf(answer.observedOn().getYear()));
			}
			putIfNotNull(values, field + "agency", answer.agency());
			putIfNotNull(values, field + "basis", (answer.basis() != null) ? answer.basis().name() : null);
			putIfNotNull(values, field + "note", answer.note());
		}
	}

	private static ScreeningForms.Scoring scoring(Instrument instrument, MultiValueMap<String, String> form,
			Map<String, String> values, Map<String, String> errors, String delay) {
		List<ScreeningForms.IndicatorEntry> entries = new ArrayList<>();
		for (Instrument.Indicator indicator : instrument.indicators()) {
			String field = "indicator." + indicator.code() + ".";
			IndicatorAnswer answer = FormValues.enumOf(IndicatorAnswer.class, values.get(field + "answer"));
			if (answer == null || answer == IndicatorAnswer.ABSENT) {
				continue;
			}
			entries.add(new ScreeningForms.IndicatorEntry(indicator.code(), answer,
					FormValues.date(values, field + "observedOn", errors), values.get(field + "agency"),
					FormValues.enumOf(EvidenceBasis.class, values.get(field + "basis")), values.get(field + "note")));
		}
		List<CinFactor> factors = new ArrayList<>();
		for (String code : Optional.ofNullable(form.get("cinFactors")).orElse(List.of())) {
			CinFactor.ofCode(code)
				.ifPresentOrElse(factors::add, () -> errors.put("cinFactors", "Choose census factors from the list."));
		}
		return new ScreeningForms.Scoring(entries, FormValues.instant(values, "scoredAt", errors),
				FormValues.enumOf(RiskLevel.class, values.get("level")), values.get("rationale"), factors,
				values.get("summary"), "yes".equals(values.get("closeAsRiskReduced")), delay);
	}

	/**
	 * The plan's rows up to the last one filled in: a blank row between two filled ones
	 * is refused in its place, so each message stays beside its row.
	 */
	static ScreeningForms.SafetyPlan safetyPlan(Map<String, String> values, Map<String, String> errors) {
		int last = -1;
		for (int i = 0; i < PLAN_ROWS; i++) {
			String field = "safetyPlan.actions[" + i + "].";
			if (!(blank(values.get(field + "action")) && blank(values.get(field + "owner"))
					&& blank(values.get(field + "dueOn-day")) && blank(values.get(field + "dueOn-month"))
					&& blank(values.get(field + "dueOn-year")))) {
				last = i;
			}
		}
		List<ScreeningForms.PlanAction> actions = new ArrayList<>();
		for (int i = 0; i <= last; i++) {
			String field = "safetyPlan.actions[" + i + "].";
			actions.add(new ScreeningForms.PlanAction(values.get(field + "action"), values.get(field + "owner"),
					FormValues.date(values, field + "dueOn", errors)));
		}
		return new ScreeningForms.SafetyPlan(values.get("safetyPlan.summary"), actions);
	}

	private static void putIfNotNull(Map<String, String> values, String key, String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	private static void mayOpen(CurrentUser user) {
		if (!user.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("Screenings are opened by an exploitation coordinator.");
		}
	}

	private static Boolean yesNo(String text) {
		return blank(text) ? null : "yes".equals(text);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static UUID uuid(String text) {
		try {
			return blank(text) ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
