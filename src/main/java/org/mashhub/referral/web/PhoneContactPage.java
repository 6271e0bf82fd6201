package org.mashhub.referral.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mashhub.Refusal;
import org.mashhub.referral.ContactIntake;
import org.mashhub.referral.ContactReceipt;
import org.mashhub.referral.NewContact;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging a contact taken by phone: the same intake as the partner API, with GOV.UK error
 * summary and inline errors. A hidden key makes a double-submitted form file the contact
 * once.
 */
@Controller
@PreAuthorize("hasAnyAuthority('business-support', 'mash-social-worker', 'mash-manager')")
class PhoneContactPage {

	private final ContactIntake intake;

	private final Validator validator;

	private final Clock clock;

	PhoneContactPage(ContactIntake intake, Validator validator, Clock clock) {
		this.clock = clock;
		this.intake = intake;
		this.validator = validator;
	}

	@GetMapping("/contacts/new")
	String form(Model model) {
		model.addAttribute("contact", new PhoneContactForm());
		return page(model, Map.of());
	}

	@PostMapping("/contacts/new")
	String submit(@ModelAttribute("contact") PhoneContactForm form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		NewContact contact = form.toContact(this.clock.instant(), errors);
		for (ConstraintViolation<NewContact> violation : this.validator.validate(contact)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		try {
			ContactReceipt receipt = this.intake.receive(contact, errors, form.getIdempotencyKey(),
					CurrentUser.of(authentication));
			redirect.addFlashAttribute("success",
					"Contact " + receipt.reference() + " recorded: "
							+ ((receipt.children().size() == 1) ? "1 child" : receipt.children().size() + " children")
							+ " sent for screening.");
			return "redirect:/work";
		}
		catch (Refusal invalid) {
			return page(model, invalid.fieldErrors());
		}
	}

	private static String page(Model model, Map<String, String> errors) {
		model.addAttribute("errors", errors);
		Map<String, String> anchors = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		errors.keySet().forEach((field) -> {
			anchors.put(field, anchor(field));
			labels.put(field, label(field));
		});
		model.addAttribute("anchors", anchors);
		model.addAttribute("labels", labels);
		model.addAttribute("agencies", NewContact.Agency.values());
		model.addAttribute("routes", NewContact.FeedbackRoute.values());
		model.addAttribute("categoryChoices", NewContact.Category.values());
		model.addAttribute("consentChoices", NewContact.ConsentStatus.values());
		return "referral/phone-contact";
	}

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("referrer.name", "Caller's name"),
			Map.entry("referrer.agency", "Agency"), Map.entry("referrer.phone", "Phone"),
			Map.entry("referrer.email", "E-mail"), Map.entry("referrer.feedbackRoute", "How to tell them the outcome"),
			Map.entry("givenNames", "given names"), Map.entry("familyName", "family name"),
			Map.entry("dateOfBirth", "date of birth"), Map.entry("nhsNumber", "NHS number"),
			Map.entry("concerns", "What they are worried about"), Map.entry("categories", "Categories of concern"),
			Map.entry("consent.status", "Consent"), Map.entry("consent.givenBy", "Who gave consent"),
			Map.entry("consent.notSoughtReason", "Why consent was not sought"),
			Map.entry("consent.lawfulBasis", "Lawful basis"),
			Map.entry("consent.overrideReason", "Why consent was overridden"),
			Map.entry("consent.authorisedBy", "Who authorised the override"),
			Map.entry("domesticAbuse.dashTicks", "DASH ticks"),
			Map.entry("domesticAbuse.incidentsLast12Months", "Incidents in the last 12 months"),
			Map.entry("domesticAbuse.safeContactRoute", "How to contact the victim safely"),
			Map.entry("children", "Children"));

	private static final java.util.regex.Pattern CHILD_FIELD = java.util.regex.Pattern
		.compile("children\\[(\\d+)]\\.(\\w+)");

	/**
	 * What the person calls a field: "children[0].familyName" is "Child 1 family name".
	 */
	static String label(String field) {
		java.util.regex.Matcher child = CHILD_FIELD.matcher(field);
		if (child.matches()) {
			return "Child " + (Integer.parseInt(child.group(1)) + 1) + " "
					+ LABELS.getOrDefault(child.group(2), child.group(2));
		}
		return LABELS.getOrDefault(field, field);
	}

	/**
	 * The id of the input for a contact field: "children[0].familyName" is
	 * "children-0-familyName". A date of birth is three boxes; its message leads to the
	 * first, the day ("children-0-day").
	 */
	static String anchor(String field) {
		return field.replace(".dateOfBirth", ".day").replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
	}

}
