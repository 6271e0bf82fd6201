package org.mashhub.referral.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mashhub.Refusal;
import org.mashhub.referral.AgencyCheckAnswers;
import org.mashhub.referral.ContactScreening;
import org.mashhub.referral.FeedbackAndHandOffs;
import org.mashhub.referral.NewContact;
import org.mashhub.referral.Rag;
import org.mashhub.referral.RagChanges;
import org.mashhub.referral.ThresholdDecisions;
import org.mashhub.referral.ThresholdOutcome;
import org.mashhub.referral.TriageForms;
import org.mashhub.referral.TriageReadings;
import org.mashhub.referral.TriageView;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.web.FormValues;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage's screens: each task's own form (screening, an agency's answer, the
 * threshold decision, feedback, the hand-offs) beside what its reader may see, and the
 * contact view for MASH staff (each child's chronology is taken in from its own page).
 */
@Controller
class TriagePages {

	private final TriageReadings readings;

	private final ContactScreening screening;

	private final AgencyCheckAnswers agencyChecks;

	private final ThresholdDecisions decisions;

	private final FeedbackAndHandOffs feedback;

	private final RagChanges ragChanges;

	private final AccessAudit audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	TriagePages(TriageReadings readings, ContactScreening screening, AgencyCheckAnswers agencyChecks,
			ThresholdDecisions decisions, FeedbackAndHandOffs feedback, RagChanges ragChanges, AccessAudit audit,
			PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.readings = readings;
		this.screening = screening;
		this.agencyChecks = agencyChecks;
		this.decisions = decisions;
		this.feedback = feedback;
		this.ragChanges = ragChanges;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	@GetMapping("/triage/tasks/{taskId}")
	@Transactional
	String task(@PathVariable String taskId, Authentication authentication, Model model) {
		return page(taskId, CurrentUser.of(authentication), model, Map.of(), Map.of(), List.of());
	}

	/**
	 * Not one transaction: the step's own is rolled back whole when refused, and the form
	 * is shown again in a new one.
	 */
	@PostMapping("/triage/tasks/{taskId}")
	String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		String step = this.readings.forTask(taskId, user).step();
		Map<String, String> values = form.toSingleValueMap();
		try {
			switch (step) {
				case ContactTriageProcess.TASK_SCREEN_CONTACT -> this.screening.screen(taskId, screening(form), user);
				case ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK -> this.agencyChecks.answer(taskId,
						new TriageForms.AgencyAnswer(values.get("answer"), values.get("reasonForDelay")), user);
				case ContactTriageProcess.TASK_THRESHOLD_DECISION -> this.decisions.decide(taskId,
						new TriageForms.Decision(FormValues.wholeNumber(values.get("levelOfNeed")),
								FormValues.enumOf(ThresholdOutcome.class, values.get("outcome")),
								values.get("rationale"), "yes".equals(values.get("cseConcern")),
								values.get("reasonForDelay")),
						user);
				case ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER -> this.feedback.giveFeedback(taskId,
						new TriageForms.Feedback(FormValues.enumOf(NewContact.FeedbackRoute.class, values.get("route")),
								values.get("summary"), "yes".equals(values.get("letterToFamily")),
								values.get("reasonForDelay")),
						user);
				default -> this.feedback.markDone(taskId,
						new TriageForms.StepDone(values.get("note"), values.get("reasonForDelay")), user);
			}
		}
		catch (Refusal refused) {
			return this.transaction.execute((status) -> page(taskId, user, model, uiFields(refused.fieldErrors(), form),
					values, form.getOrDefault("agency", List.of())));
		}
		redirect.addFlashAttribute("success", "Done: " + step(step) + ".");
		return "redirect:/work";
	}

	@GetMapping("/contacts/{reference}")
	@Transactional
	String contact(@PathVariable String reference, Authentication authentication, Model model) {
		List<TriageView> triages = this.readings.contact(reference, CurrentUser.of(authentication));
		this.audit.record("VIEW", "contact-triage", reference, null);
		model.addAttribute("reference", reference);
		CurrentUser reader = CurrentUser.of(authentication);
		model.addAttribute("mayReRate", reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER));
		model.addAttribute("triages", triages);
		return "referral/contact";
	}

	@PostMapping("/contacts/{reference}/children/{position}/rag")
	String reRate(@PathVariable String reference, @PathVariable int position,
			@RequestParam(required = false) String rag, @RequestParam(required = false) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			this.ragChanges.reRate(reference + "/" + position, FormValues.enumOf(Rag.class, rag), reason,
					CurrentUser.of(authentication));
			redirect.addFlashAttribute("success", "RAG rating changed for " + reference + "/" + position + ".");
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("error", String.join(" ", refused.fieldErrors().values()));
		}
		return "redirect:/contacts/" + reference;
	}

	private String page(String taskId, CurrentUser user, Model model, Map<String, String> errors,
			Map<String, String> values, List<String> asked) {
		TriageReadings.TaskContext context = this.readings.forTask(taskId, user);
		this.audit.record("VIEW", context.auditedAs(), context.item().subjectReference(), null);
		model.addAttribute("user", user);
		model.addAttribute("context", context);
		model.addAttribute("item", context.item());
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("asked", asked);
		model.addAttribute("mine",
				user.username().equals(context.item().assignee()) && "OPEN".equals(context.item().state()));
		model.addAttribute("canClaim", context.item().assignee() == null && "OPEN".equals(context.item().state())
				&& context.item().candidateGroups().stream().anyMatch(user.groups()::contains));
		model.addAttribute("rags", Rag.values());
		model.addAttribute("outcomes", ThresholdOutcome.values());
		model.addAttribute("agencies",
				List.of(NewContact.Agency.POLICE, NewContact.Agency.HEALTH, NewContact.Agency.EDUCATION,
						NewContact.Agency.EARLY_HELP, NewContact.Agency.PROBATION, NewContact.Agency.HOUSING));
		model.addAttribute("routes", NewContact.FeedbackRoute.values());
		model.addAttribute("now", this.clock.instant());
		return "referral/triage-task";
	}

	/** The screening form: one checkbox per agency, each with its own question. */
	private static TriageForms.Screening screening(MultiValueMap<String, String> form) {
		Map<String, String> values = form.toSingleValueMap();
		List<TriageForms.CheckRequest> checks = new ArrayList<>();
		for (String agency : form.getOrDefault("agency", List.of())) {
			NewContact.Agency asked = FormValues.enumOf(NewContact.Agency.class, agency);
			checks.add(new TriageForms.CheckRequest(asked, values.get("question_" + agency),
					"yes".equals(values.get("share_" + agency))));
		}
		String identity = values.get("identity");
		UUID sameChildAs = null;
		if (identity != null && !identity.isBlank() && !"NEW".equals(identity)) {
			try {
				sameChildAs = UUID.fromString(identity);
			}
			catch (IllegalArgumentException ex) {
				sameChildAs = null;
			}
		}
		String safe = values.get("safeToContactVictim");
		return new TriageForms.Screening(FormValues.enumOf(Rag.class, values.get("rag")), values.get("summary"),
				values.get("consentReview"), sameChildAs, "NEW".equals(identity), checks,
				"yes".equals(values.get("maracByJudgement")), values.get("maracReason"),
				FormValues.enumOf(ThresholdOutcome.class, values.get("recommendation")),
				(safe == null || safe.isBlank()) ? null : "yes".equals(safe), values.get("safeContactRoute"),
				values.get("reasonForDelay"));
	}

	/** The API's field names, as the form's (a check's index becomes its agency). */
	private static Map<String, String> uiFields(Map<String, String> errors, MultiValueMap<String, String> form) {
		List<String> agencies = form.getOrDefault("agency", List.of());
		Map<String, String> fields = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			String name = field;
			if (field.startsWith("agencyChecks[")) {
				int index = Integer.parseInt(field.substring(13, field.indexOf(']')));
				String agency = (index < agencies.size()) ? agencies.get(index) : "";
				name = field.endsWith(".question") ? "question_" + agency : "agency";
			}
			else if ("sameChildAs".equals(field)) {
				name = "identity";
			}
			fields.putIfAbsent(name, message);
		});
		return fields;
	}

	private static String step(String step) {
		return switch (step) {
			case ContactTriageProcess.TASK_SCREEN_CONTACT -> "contact screened";
			case ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK -> "information request answered";
			case ContactTriageProcess.TASK_THRESHOLD_DECISION -> "threshold decision recorded";
			case ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER -> "feedback recorded";
			default -> "step recorded";
		};
	}

}
