package org.mashhub.missing.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.missing.EpisodeForms;
import org.mashhub.missing.EpisodeType;
import org.mashhub.missing.InterviewOutcome;
import org.mashhub.missing.MissingEpisodes;
import org.mashhub.missing.MissingMeetings;
import org.mashhub.missing.MissingReports;
import org.mashhub.missing.MissingSettings;
import org.mashhub.missing.ProviderType;
import org.mashhub.missing.ReturnInterviews;
import org.mashhub.missing.RiskReviews;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.web.FormValues;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The missing children screens: reporting a child missing (a carer's call), an episode's
 * page with its timeline and the return, and each step's form (risk review, meetings,
 * return home interview). A refused form comes back with a message beside each field and
 * nothing written.
 */
@Controller
class EpisodePages {

	private final MissingReports reports;

	private final MissingEpisodes episodes;

	private final RiskReviews reviews;

	private final MissingMeetings meetings;

	private final ReturnInterviews interviews;

	private final MissingSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	EpisodePages(MissingReports reports, MissingEpisodes episodes, RiskReviews reviews, MissingMeetings meetings,
			ReturnInterviews interviews, MissingSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.reports = reports;
		this.episodes = episodes;
		this.reviews = reviews;
		this.meetings = meetings;
		this.interviews = interviews;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@GetMapping("/missing/new")
	String newReport(Authentication authentication, Model model) {
		mayReport(CurrentUser.of(authentication));
		return reportForm(model, Map.of(), Map.of(), List.of());
	}

	@PostMapping("/missing/new")
	String report(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		mayReport(user);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> indicators = chosen(form, "exploitationIndicators");
		EpisodeForms.NewReport report = new EpisodeForms.NewReport(
				new EpisodeForms.ChildDetails(values.get("child.givenNames"), values.get("child.familyName"),
						FormValues.date(values, "child.dateOfBirth", errors), values.get("child.nhsNumber"),
						values.get("child.gender")),
				FormValues.enumOf(EpisodeType.class, values.get("type")), blankToNull(values.get("riskGrade")),
				FormValues.instant(values, "lastSeenAt", errors), FormValues.instant(values, "leftAt", errors),
				FormValues.instant(values, "reportedAt", errors), values.get("reportedByName"),
				values.get("reportedByRole"), values.get("policeReference"), values.get("placement"),
				values.get("placingAuthority"), values.get("placingAuthorityContact"), values.get("circumstances"),
				indicators);
		try {
			Refusal.ifAny(errors);
			MissingReports.Receipt receipt = this.reports.report(report, null, user);
			redirect.addFlashAttribute("success",
					"Episode " + receipt.reference() + " recorded"
							+ (receipt.repeatMissing() ? "; the child is repeat missing" : "")
							+ ". The missing coordinator and the child's social worker have been told.");
			return user.isIn(Roles.MISSING_COORDINATOR) ? "redirect:/missing/episodes/" + receipt.reference()
					: "redirect:/missing/new";
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			return reportForm(model, all, values, indicators);
		}
	}

	@GetMapping("/missing/episodes/{reference}")
	String episode(@PathVariable String reference, Authentication authentication, Model model) {
		return this.transaction.execute((status) -> episodePage(reference, CurrentUser.of(authentication), model));
	}

	@PostMapping("/missing/episodes/{reference}/return")
	String recordReturn(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		EpisodeForms.ReturnReport report = new EpisodeForms.ReturnReport(
				FormValues.instant(values, "returnedAt", errors), values.get("foundBy"), values.get("foundWhere"),
				FormValues.instant(values, "preventionInterviewAt", errors), values.get("preventionInterviewBy"));
		try {
			Refusal.ifAny(errors);
			MissingReports.ReturnReceipt receipt = this.reports.recordReturn(reference, report,
					CurrentUser.of(authentication));
			redirect.addFlashAttribute("success", "Return recorded. The return home interview is due by "
					+ org.mashhub.sla.Dates.describe(receipt.interviewDueAt()) + ".");
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			redirect.addFlashAttribute("errors", all);
			redirect.addFlashAttribute("values", values);
		}
		return "redirect:/missing/episodes/" + reference;
	}

	@GetMapping("/missing/tasks/{taskId}")
	String task(@PathVariable String taskId, Authentication authentication, Model model) {
		return this.transaction
			.execute((status) -> taskPage(taskId, CurrentUser.of(authentication), model, Map.of(), Map.of(), form()));
	}

	/**
	 * Not one transaction: the step's own is rolled back whole when refused, and the form
	 * is shown again in a new one.
	 */
	@PostMapping("/missing/tasks/{taskId}")
	String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		MissingEpisodes.TaskContext context = this.transaction.execute((status) -> this.episodes.forTask(taskId, user));
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		String delay = values.get("reasonForDelay");
		try {
			switch (context.step()) {
				case MissingEpisodeProcess.TASK_REVIEW_RISK ->
					this.reviews.review(taskId, new EpisodeForms.RiskReview(blankToNull(values.get("riskGrade")),
							values.get("reason"), values.get("notes"), delay), user);
				case MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW -> {
					EpisodeForms.Interview interview = new EpisodeForms.Interview(
							FormValues.instant(values, "offeredAt", errors), values.get("offeredHow"),
							values.get("offeredBy"), FormValues.enumOf(InterviewOutcome.class, values.get("outcome")),
							values.get("outcomeReason"), values.get("carerKnows"),
							FormValues.instant(values, "heldAt", errors), values.get("heldWhere"),
							FormValues.enumOf(ProviderType.class, values.get("providerType")),
							values.get("beforeEpisode"), values.get("duringEpisode"), values.get("afterEpisode"),
							chosen(form, "pushFactors"), chosen(form, "pullFactors"), values.get("factorsNote"),
							values.get("harm"), values.get("childWords"), values.get("actions"),
							yesNo(values.get("intelligenceToPolice")), values.get("intelligenceNote"),
							chosen(form, "exploitationIndicators"), delay);
					Refusal.ifAny(errors);
					this.interviews.record(taskId, interview, user);
				}
				default -> {
					EpisodeForms.Meeting meeting = new EpisodeForms.Meeting(
							FormValues.instant(values, "heldAt", errors), values.get("attendees"),
							values.get("outcome"), values.get("actions"), delay);
					Refusal.ifAny(errors);
					this.meetings.record(taskId, meeting, user);
				}
			}
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			return this.transaction.execute((status) -> taskPage(taskId, user, model, all, values, form));
		}
		redirect.addFlashAttribute("success",
				"Done: " + context.item().taskName() + " (" + context.view().episode().reference() + ").");
		return "redirect:/work";
	}

	private String taskPage(String taskId, CurrentUser user, Model model, Map<String, String> errors,
			Map<String, String> values, MultiValueMap<String, String> form) {
		MissingEpisodes.TaskContext context = this.episodes.forTask(taskId, user);
		model.addAttribute("context", context);
		model.addAttribute("item", context.item());
		model.addAttribute("view", context.view());
		model.addAttribute("errors", errors);
		Map<String, String> shown = new LinkedHashMap<>(values);
		if (MissingEpisodeProcess.TASK_REVIEW_RISK.equals(context.step())) {
			shown.putIfAbsent("riskGrade", context.view().episode().riskGrade());
		}
		model.addAttribute("values", shown);
		model.addAttribute("chosen", form);
		model.addAttribute("settings", this.settings);
		lists(model);
		model.addAttribute("mine",
				user.username().equals(context.item().assignee()) && "OPEN".equals(context.item().state()));
		model.addAttribute("canClaim", context.item().assignee() == null && "OPEN".equals(context.item().state())
				&& context.item().candidateGroups().stream().anyMatch(user.groups()::contains));
		model.addAttribute("now", this.clock.instant());
		return "missing/task";
	}

	private String episodePage(String reference, CurrentUser user, Model model) {
		MissingEpisodes.EpisodeView view = this.episodes.find(reference, user);
		model.addAttribute("view", view);
		model.addAttribute("settings", this.settings);
		model.addAttribute("mayRecordReturn",
				view.episode().isOpen() && !user.isIn(Roles.RHI_WORKER) && MissingReports.takesCalls(user));
		model.addAttribute("now", this.clock.instant());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("values", Map.of());
		}
		return "missing/episode";
	}

	private String reportForm(Model model, Map<String, String> errors, Map<String, String> values,
			List<String> indicators) {
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("types", EpisodeType.values());
		model.addAttribute("chosenIndicators", indicators);
		lists(model);
		return "missing/new";
	}

	private void lists(Model model) {
		model.addAttribute("grades", this.settings.riskGrades());
		model.addAttribute("indicators", this.settings.exploitationIndicators());
		model.addAttribute("pushFactors", this.settings.pushFactors());
		model.addAttribute("pullFactors", this.settings.pullFactors());
		model.addAttribute("outcomes", InterviewOutcome.values());
		model.addAttribute("providerTypes", ProviderType.values());
	}

	private static void mayReport(CurrentUser user) {
		if (!MissingReports.takesCalls(user)) {
			throw new AccessDeniedException("Missing children are reported by the coordinator or a social worker.");
		}
	}

	private static MultiValueMap<String, String> form() {
		return new org.springframework.util.LinkedMultiValueMap<>();
	}

	private static List<String> chosen(MultiValueMap<String, String> form, String name) {
		List<String> values = form.get(name);
		return (values != null) ? values.stream().filter((value) -> !value.isBlank()).toList() : List.of();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Boolean yesNo(String text) {
		return (text == null || text.isBlank()) ? null : "yes".equals(text);
	}

}
