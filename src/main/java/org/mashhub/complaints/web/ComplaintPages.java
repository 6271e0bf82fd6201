package org.mashhub.complaints.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.complaints.ChildConsent;
import org.mashhub.complaints.ComplainantRequests;
import org.mashhub.complaints.ComplainantType;
import org.mashhub.complaints.Complaint;
import org.mashhub.complaints.ComplaintForms;
import org.mashhub.complaints.ComplaintResponses;
import org.mashhub.complaints.Complaints;
import org.mashhub.complaints.ComplaintsSettings;
import org.mashhub.complaints.Finding;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.web.FormValues;

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
 * The complaints screens: logging a complaint, each step's form, a complaint's page with
 * its timeline and the complaints manager's actions (the tracker and the annual report
 * are {@link ComplaintTrackerPages}). A refused form comes back with a message beside
 * each field and nothing written.
 */
@Controller
class ComplaintPages {

	/** Blank element rows offered when logging a complaint. */
	private static final int ELEMENT_ROWS = 5;

	private final Complaints complaints;

	private final ComplaintResponses responses;

	private final ComplainantRequests requests;

	private final ComplaintsSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ComplaintPages(Complaints complaints, ComplaintResponses responses, ComplainantRequests requests,
			ComplaintsSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.complaints = complaints;
		this.responses = responses;
		this.requests = requests;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@GetMapping("/complaints/new")
	String newComplaint(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		if (!user.isIn(Roles.BUSINESS_SUPPORT) && !user.isIn(Roles.COMPLAINTS_MANAGER)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only business support and the complaints team log complaints.");
		}
		return logForm(model, Map.of(), Map.of());
	}

	@PostMapping("/complaints/new")
	String log(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		List<ComplaintForms.Element> elements = new ArrayList<>();
		for (int row = 1; row <= ELEMENT_ROWS; row++) {
			String summary = values.get("element_" + row);
			String theme = values.get("theme_" + row);
			if ((summary != null && !summary.isBlank()) || (theme != null && !theme.isBlank())) {
				elements.add(new ComplaintForms.Element(summary, theme));
			}
		}
		ComplaintForms.NewComplaint complaint = new ComplaintForms.NewComplaint(receivedAt(values, errors),
				values.get("receivedVia"), values.get("complainantName"), values.get("complainantContact"),
				FormValues.enumOf(ComplainantType.class, values.get("complainantType")), values.get("childName"),
				FormValues.date(values, "childDateOfBirth", errors),
				FormValues.enumOf(ChildConsent.class, values.get("childConsent")), values.get("childConsentNote"),
				FormValues.date(values, "matterAroseOn", errors), elements, yesNo(values.get("advocacyOffered")),
				yesNo(values.get("advocacyAccepted")), values.get("advocate"), values.get("desiredOutcome"));
		try {
			if (!errors.isEmpty()) {
				throw Refusal.invalid(errors);
			}
			String reference = this.complaints.log(complaint, user);
			redirect.addFlashAttribute("success", "Complaint " + reference + " logged. The complaints manager has "
					+ "it to acknowledge within 3 working days.");
			return user.isIn(Roles.COMPLAINTS_MANAGER) ? "redirect:/complaints/" + reference
					: "redirect:/complaints/new";
		}
		catch (Refusal refused) {
			Map<String, String> all = new LinkedHashMap<>(errors);
			// Receipt is entered as a day and a time: its refusal is shown by the day
			refused.fieldErrors()
				.forEach((field, message) -> all.putIfAbsent("receivedAt".equals(field) ? "receivedOn" : field,
						message));
			return logForm(model, all, values);
		}
	}

	@GetMapping("/complaints/{reference}")
	String complaint(@PathVariable String reference, Authentication authentication, Model model) {
		return this.transaction.execute((status) -> complaintPage(reference, CurrentUser.of(authentication), model));
	}

	@PostMapping("/complaints/{reference}/stage-requests")
	String requestStage(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		int stage = number(values.get("stage"));
		return act(reference, values, redirect, "Stage " + stage + " request recorded.", (errors) -> {
			LocalDate requestedOn = FormValues.date(values, "requestedOn", errors);
			Refusal.ifAny(errors);
			this.requests.requestStage(reference, stage,
					new ComplaintForms.StageRequest(requestedOn, values.get("lateReason")),
					CurrentUser.of(authentication));
		});
	}

	@PostMapping("/complaints/{reference}/extension")
	String extend(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		return act(reference, values, redirect, "Extension recorded; the deadline has moved.", (errors) -> {
			LocalDate noticeOn = FormValues.date(values, "noticeOn", errors);
			Integer days = (values.get("workingDays") == null || values.get("workingDays").isBlank()) ? null
					: number(values.get("workingDays"));
			if (days != null && days < 0) {
				errors.put("workingDays", "Enter the working days as a whole number, for example 20.");
			}
			Refusal.ifAny(errors);
			this.requests.extend(reference, new ComplaintForms.Extension(days, values.get("reason"), noticeOn),
					CurrentUser.of(authentication));
		});
	}

	@PostMapping("/complaints/{reference}/withdrawal")
	String withdraw(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		return act(reference, values, redirect, "Withdrawal recorded; the complaint is closed.",
				(errors) -> this.requests.withdraw(reference,
						new ComplaintForms.Withdrawal(values.get("withdrawalReason")), CurrentUser.of(authentication)));
	}

	@PostMapping("/complaints/{reference}/ombudsman-referral")
	String referToOmbudsman(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		return act(reference, values, redirect, "Ombudsman referral recorded.", (errors) -> {
			LocalDate referredOn = FormValues.date(values, "referredOn", errors);
			Refusal.ifAny(errors);
			this.requests.referToOmbudsman(reference,
					new ComplaintForms.OmbudsmanReferral(referredOn, values.get("ombudsmanReference")),
					CurrentUser.of(authentication));
		});
	}

	/** From the tracker or the complaint's page: why a late step is late. */
	@PostMapping("/complaints/{reference}/deadlines/{deadlineId}/reason-for-delay")
	String explainDelay(@PathVariable String reference, @PathVariable UUID deadlineId,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "") String returnTo,
			Authentication authentication, RedirectAttributes redirect) {
		String back = "tracker".equals(returnTo) ? "redirect:/complaints" : "redirect:/complaints/" + reference;
		try {
			this.requests.explainDelay(reference, deadlineId, reason, CurrentUser.of(authentication));
			redirect.addFlashAttribute("success", "Reason for delay recorded for " + reference + ".");
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("error", reference + ": " + String.join(" ", refused.fieldErrors().values()));
			redirect.addFlashAttribute("fieldError", "reason-" + deadlineId);
		}
		return back;
	}

	@GetMapping("/complaints/tasks/{taskId}")
	String task(@PathVariable String taskId, Authentication authentication, Model model) {
		return this.transaction
			.execute((status) -> taskPage(taskId, CurrentUser.of(authentication), model, Map.of(), Map.of()));
	}

	/**
	 * Not one transaction: the step's own is rolled back whole when refused, and the form
	 * is shown again in a new one.
	 */
	@PostMapping("/complaints/tasks/{taskId}")
	String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		Complaints.TaskContext context = this.transaction.execute((status) -> this.complaints.forTask(taskId, user));
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		String delay = values.get("reasonForDelay");
		try {
			switch (context.step()) {
				case ComplaintProcess.TASK_ACKNOWLEDGE -> this.responses.acknowledge(taskId,
						new ComplaintForms.Acknowledgement(yesNo(values.get("eligible")), values.get("eligibilityNote"),
								yesNo(values.get("acceptLate")), values.get("lateReason"), values.get("responder"),
								delay),
						user);
				case ComplaintProcess.TASK_AGREE_WRITTEN_RECORD -> {
					LocalDate agreedOn = FormValues.date(values, "agreedOn", errors);
					Refusal.ifAny(errors);
					this.responses.agreeWrittenRecord(taskId, new ComplaintForms.WrittenRecord(agreedOn,
							values.get("investigatingOfficer"), values.get("independentPerson"), delay), user);
				}
				case ComplaintProcess.TASK_CONVENE_PANEL -> {
					LocalDate metOn = FormValues.date(values, "metOn", errors);
					Refusal.ifAny(errors);
					this.responses
						.convenePanel(taskId,
								new ComplaintForms.PanelMeeting(List.of(text(values.get("member_1")),
										text(values.get("member_2")), text(values.get("member_3"))), metOn, delay),
								user);
				}
				default -> this.responses.respond(taskId, response(context.complaint(), values, delay), user);
			}
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			return this.transaction.execute((status) -> taskPage(taskId, user, model, all, values));
		}
		redirect.addFlashAttribute("success",
				"Done: " + context.item().taskName() + " (" + context.complaint().reference() + ").");
		return "redirect:/work";
	}

	private static ComplaintForms.Response response(Complaint complaint, Map<String, String> values, String delay) {
		Map<Integer, ComplaintForms.ElementFinding> findings = new HashMap<>();
		for (Complaint.Element element : complaint.elements()) {
			Finding finding = FormValues.enumOf(Finding.class, values.get("finding_" + element.position()));
			if (finding != null) {
				findings.put(element.position(),
						new ComplaintForms.ElementFinding(finding, values.get("note_" + element.position())));
			}
		}
		return new ComplaintForms.Response(findings, values.get("summary"), delay);
	}

	private String taskPage(String taskId, CurrentUser user, Model model, Map<String, String> errors,
			Map<String, String> values) {
		Complaints.TaskContext context = this.complaints.forTask(taskId, user);
		model.addAttribute("context", context);
		model.addAttribute("item", context.item());
		model.addAttribute("complaint", context.complaint());
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("findings", Finding.values());
		model.addAttribute("mine",
				user.username().equals(context.item().assignee()) && "OPEN".equals(context.item().state()));
		model.addAttribute("canClaim",
				context.item().assignee() == null && "OPEN".equals(context.item().state())
						&& context.item().candidateGroups().stream().anyMatch(user.groups()::contains)
						&& !user.isIn(Roles.COMPLAINTS_INVESTIGATOR));
		model.addAttribute("now", this.clock.instant());
		return "complaints/task";
	}

	private String complaintPage(String reference, CurrentUser user, Model model) {
		Complaint complaint = this.complaints.find(reference, user);
		model.addAttribute("complaint", complaint);
		model.addAttribute("events", this.complaints.events(complaint));
		model.addAttribute("deadlines", this.complaints.deadlines(complaint));
		model.addAttribute("isManager", user.isIn(Roles.COMPLAINTS_MANAGER));
		model.addAttribute("isServiceManager", user.isIn(Roles.SERVICE_MANAGER));
		model.addAttribute("now", this.clock.instant());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("values", Map.of());
		}
		return "complaints/complaint";
	}

	private String logForm(Model model, Map<String, String> errors, Map<String, String> values) {
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("types", ComplainantType.values());
		model.addAttribute("consents", List.of(ChildConsent.WRITTEN_CONSENT, ChildConsent.LACKS_UNDERSTANDING));
		model.addAttribute("receivedVia", Complaints.RECEIVED_VIA);
		model.addAttribute("themes", this.settings.themes());
		model.addAttribute("rows", java.util.stream.IntStream.rangeClosed(1, ELEMENT_ROWS).boxed().toList());
		model.addAttribute("consentAge", this.settings.consentAge());
		return "complaints/new";
	}

	/**
	 * Runs a complaint page action; refused, its messages go back to the page beside
	 * their fields.
	 */
	private String act(String reference, Map<String, String> values, RedirectAttributes redirect, String done,
			java.util.function.Consumer<Map<String, String>> action) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			action.accept(errors);
			redirect.addFlashAttribute("success", done);
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			redirect.addFlashAttribute("errors", all);
			redirect.addFlashAttribute("values", values);
		}
		return "redirect:/complaints/" + reference;
	}

	private Instant receivedAt(Map<String, String> values, Map<String, String> errors) {
		LocalDate on = FormValues.date(values, "receivedOn", errors);
		if (on == null) {
			return null;
		}
		String time = values.get("receivedTime");
		try {
			LocalTime at = (time == null || time.isBlank()) ? LocalTime.NOON : LocalTime.parse(time.strip());
			return on.atTime(at).atZone(MashHubApplication.LOCAL_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.put("receivedTime", "Enter the time as hours and minutes, for example 14:30.");
			return null;
		}
	}

	private static Boolean yesNo(String text) {
		return (text == null || text.isBlank()) ? null : "yes".equals(text);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	/** A whole number, or -1 for none or not one (which the rules then refuse). */
	private static int number(String text) {
		Integer number = FormValues.wholeNumber(text);
		return (number != null) ? number : -1;
	}

}
