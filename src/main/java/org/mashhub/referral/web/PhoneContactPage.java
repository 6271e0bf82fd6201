package org.mashhub.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mashhub.Refusal;
import org.mashhub.referral.ContactIntake;
import org.mashhub.referral.ContactReceipt;
import org.mashhub.referral.NewContact;
import org.mashhub.security.CurrentUser;
import org.mashhub.web.DateInput;
import org.mashhub.web.FormValues;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging a contact taken by phone: the same intake as the partner API, with GOV.UK error
 * summary and inline errors. A hidden key makes a double-submitted form file the contact
 * once.
 */
@Controller
@PreAuthorize("hasAnyAuthority('business-support', 'mash-social-worker', 'mash-manager')")
class PhoneContactPage {

	/** Rows offered for children: brothers and sisters share one contact. */
	private static final int CHILD_ROWS = 3;

	/** The text boxes of a child's row, each named {@code children[N].FIELD}. */
	private static final List<String> CHILD_FIELDS = List.of("givenNames", "familyName", "day", "month", "year",
			"nhsNumber", "address", "school");

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
		return page(model, Map.of(), Map.of("idempotencyKey", UUID.randomUUID().toString()), List.of());
	}

	@PostMapping("/contacts/new")
	String submit(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		// The page always sends its key; a form without one is filed under a new key
		values.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
		Map<String, String> errors = new LinkedHashMap<>();
		NewContact contact = contact(form, this.clock.instant(), errors);
		for (ConstraintViolation<NewContact> violation : this.validator.validate(contact)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		try {
			ContactReceipt receipt = this.intake.receive(contact, errors, values.get("idempotencyKey"),
					CurrentUser.of(authentication));
			redirect.addFlashAttribute("success",
					"Contact " + receipt.reference() + " recorded: "
							+ ((receipt.children().size() == 1) ? "1 child" : receipt.children().size() + " children")
							+ " sent for screening.");
			return "redirect:/work";
		}
		catch (Refusal invalid) {
			return page(model, invalid.fieldErrors(), values, categories(form));
		}
	}

	private static String page(Model model, Map<String, String> errors, Map<String, String> values,
			List<String> categories) {
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("categories", categories);
		Map<String, String> anchors = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		errors.keySet().forEach((field) -> {
			anchors.put(field, anchor(field));
			labels.put(field, label(field));
		});
		model.addAttribute("anchors", anchors);
		model.addAttribute("labels", labels);
		model.addAttribute("childRows", IntStream.range(0, CHILD_ROWS).boxed().toList());
		model.addAttribute("agencies", NewContact.Agency.values());
		model.addAttribute("routes", NewContact.FeedbackRoute.values());
		model.addAttribute("categoryChoices", NewContact.Category.values());
		model.addAttribute("consentChoices", NewContact.ConsentStatus.values());
		return "referral/phone-contact";
	}

	/**
	 * The contact the form describes, received now. Text that is not a date, number or
	 * listed value is reported in {@code errors} under the contact's field names, and
	 * left out. A child's row after the first left empty is no child.
	 */
	static NewContact contact(MultiValueMap<String, String> form, Instant now, Map<String, String> errors) {
		Map<String, String> values = form.toSingleValueMap();
		List<NewContact.ChildInContact> children = new ArrayList<>();
		for (int row = 0; row < CHILD_ROWS; row++) {
			String prefix = "children[" + row + "].";
			if (row > 0 && CHILD_FIELDS.stream().allMatch((field) -> text(values, prefix + field).isBlank())) {
				continue;
			}
			DateInput dateOfBirth = new DateInput(values.get(prefix + "day"), values.get(prefix + "month"),
					values.get(prefix + "year"));
			children.add(new NewContact.ChildInContact(text(values, prefix + "givenNames").strip(),
					text(values, prefix + "familyName").strip(),
					dateOfBirth.read("children[" + children.size() + "].dateOfBirth", errors), null,
					blank(values.get(prefix + "nhsNumber")), blank(values.get(prefix + "address")),
					blank(values.get(prefix + "school"))));
		}
		String dashTicks = text(values, "dashTicks");
		String incidents = text(values, "incidents");
		String safeToContactVictim = text(values, "safeToContactVictim");
		NewContact.DomesticAbuse abuse = (dashTicks + incidents + safeToContactVictim).isBlank() ? null
				: new NewContact.DomesticAbuse(wholeNumber(dashTicks, "domesticAbuse.dashTicks", errors),
						wholeNumber(incidents, "domesticAbuse.incidentsLast12Months", errors),
						safeToContactVictim.isBlank() ? null : "yes".equals(safeToContactVictim),
						blank(values.get("safeContactRoute")));
		return new NewContact(now,
				new NewContact.Referrer(text(values, "referrerName").strip(),
						FormValues.enumOf(NewContact.Agency.class, values.get("referrerAgency")),
						blank(values.get("referrerRole")), blank(values.get("referrerPhone")),
						blank(values.get("referrerEmail")),
						FormValues.enumOf(NewContact.FeedbackRoute.class, values.get("feedbackRoute"))),
				children, text(values, "concerns"),
				categories(form).stream().map((name) -> FormValues.enumOf(NewContact.Category.class, name)).toList(),
				new NewContact.Consent(FormValues.enumOf(NewContact.ConsentStatus.class, values.get("consentStatus")),
						blank(values.get("consentGivenBy")), blank(values.get("consentNotSoughtReason")),
						blank(values.get("consentLawfulBasis")), blank(values.get("consentOverrideReason")),
						blank(values.get("consentAuthorisedBy"))),
				abuse);
	}

	/** The categories ticked: every box is named "categories". */
	private static List<String> categories(MultiValueMap<String, String> form) {
		return form.getOrDefault("categories", List.of());
	}

	private static String text(Map<String, String> values, String name) {
		return values.getOrDefault(name, "");
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Integer wholeNumber(String text, String field, Map<String, String> errors) {
		Integer number = FormValues.wholeNumber(text);
		if (number == null && !text.isBlank()) {
			errors.put(field, "must be a whole number");
		}
		return number;
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
