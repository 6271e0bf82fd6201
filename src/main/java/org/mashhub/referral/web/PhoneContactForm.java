package org.mashhub.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mashhub.referral.NewContact;
import org.mashhub.web.DateInput;

/**
 * The phone contact form as typed: text as entered, so that a mistake is shown back
 * beside its field exactly as it was typed. Up to three children; empty rows are ignored.
 */
public class PhoneContactForm {

	private String idempotencyKey = UUID.randomUUID().toString();

	private String referrerName = "";

	private String referrerAgency = "";

	private String referrerRole = "";

	private String referrerPhone = "";

	private String referrerEmail = "";

	private String feedbackRoute = "";

	private List<ChildRow> children = new ArrayList<>(List.of(new ChildRow(), new ChildRow(), new ChildRow()));

	private String concerns = "";

	private List<String> categories = new ArrayList<>();

	private String consentStatus = "";

	private String consentGivenBy = "";

	private String consentNotSoughtReason = "";

	private String consentLawfulBasis = "";

	private String consentOverrideReason = "";

	private String consentAuthorisedBy = "";

	private String dashTicks = "";

	private String incidents = "";

	private String safeToContactVictim = "";

	private String safeContactRoute = "";

	/** One child as typed. */
	public static class ChildRow {

		private String givenNames = "";

		private String familyName = "";

		private String day = "";

		private String month = "";

		private String year = "";

		private String nhsNumber = "";

		private String address = "";

		private String school = "";

		boolean isEmpty() {
			return (this.givenNames + this.familyName + this.day + this.month + this.year + this.nhsNumber
					+ this.address + this.school)
				.isBlank();
		}

		public String getGivenNames() {
			return this.givenNames;
		}

		public void setGivenNames(String givenNames) {
			this.givenNames = givenNames;
		}

		public String getFamilyName() {
			return this.familyName;
		}

		public void setFamilyName(String familyName) {
			this.familyName = familyName;
		}

		public String getDay() {
			return this.day;
		}

		public void setDay(String day) {
			this.day = day;
		}

		public String getMonth() {
			return this.month;
		}

		public void setMonth(String month) {
			this.month = month;
		}

		public String getYear() {
			return this.year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getNhsNumber() {
			return this.nhsNumber;
		}

		public void setNhsNumber(String nhsNumber) {
			this.nhsNumber = nhsNumber;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public String getSchool() {
			return this.school;
		}

		public void setSchool(String school) {
			this.school = school;
		}

	}

	/**
	 * The contact the form describes, received now. Text that is not a date, number or
	 * listed value is reported in {@code errors} under the contact's field names, and
	 * left out.
	 */
	NewContact toContact(Instant now, Map<String, String> errors) {
		List<NewContact.ChildInContact> rows = new ArrayList<>();
		for (int i = 0; i < this.children.size(); i++) {
			ChildRow row = this.children.get(i);
			if (i > 0 && row.isEmpty()) {
				continue;
			}
			rows.add(new NewContact.ChildInContact(row.givenNames.strip(), row.familyName.strip(),
					dateOfBirth(row, "children[" + rows.size() + "].dateOfBirth", errors), null, blank(row.nhsNumber),
					blank(row.address), blank(row.school)));
		}
		NewContact.DomesticAbuse abuse = (this.dashTicks + this.incidents + this.safeToContactVictim).isBlank() ? null
				: new NewContact.DomesticAbuse(number(this.dashTicks, "domesticAbuse.dashTicks", errors),
						number(this.incidents, "domesticAbuse.incidentsLast12Months", errors),
						this.safeToContactVictim.isBlank() ? null : "yes".equals(this.safeToContactVictim),
						blank(this.safeContactRoute));
		return new NewContact(now,
				new NewContact.Referrer(this.referrerName.strip(), choice(NewContact.Agency.class, this.referrerAgency),
						blank(this.referrerRole), blank(this.referrerPhone), blank(this.referrerEmail),
						choice(NewContact.FeedbackRoute.class, this.feedbackRoute)),
				rows, this.concerns,
				this.categories.stream().map((name) -> choice(NewContact.Category.class, name)).toList(),
				new NewContact.Consent(choice(NewContact.ConsentStatus.class, this.consentStatus),
						blank(this.consentGivenBy), blank(this.consentNotSoughtReason), blank(this.consentLawfulBasis),
						blank(this.consentOverrideReason), blank(this.consentAuthorisedBy)),
				abuse);
	}

	private static LocalDate dateOfBirth(ChildRow row, String field, Map<String, String> errors) {
		return new DateInput(row.day, row.month, row.year).read(field, errors);
	}

	private static Integer number(String text, String field, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "must be a whole number");
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String name) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getReferrerName() {
		return this.referrerName;
	}

	public void setReferrerName(String referrerName) {
		this.referrerName = referrerName;
	}

	public String getReferrerAgency() {
		return this.referrerAgency;
	}

	public void setReferrerAgency(String referrerAgency) {
		this.referrerAgency = referrerAgency;
	}

	public String getReferrerRole() {
		return this.referrerRole;
	}

	public void setReferrerRole(String referrerRole) {
		this.referrerRole = referrerRole;
	}

	public String getReferrerPhone() {
		return this.referrerPhone;
	}

	public void setReferrerPhone(String referrerPhone) {
		this.referrerPhone = referrerPhone;
	}

	public String getReferrerEmail() {
		return this.referrerEmail;
	}

	public void setReferrerEmail(String referrerEmail) {
		this.referrerEmail = referrerEmail;
	}

	public String getFeedbackRoute() {
		return this.feedbackRoute;
	}

	public void setFeedbackRoute(String feedbackRoute) {
		this.feedbackRoute = feedbackRoute;
	}

	public List<ChildRow> getChildren() {
		return this.children;
	}

	public void setChildren(List<ChildRow> children) {
		this.children = children;
	}

	public String getConcerns() {
		return this.concerns;
	}

	public void setConcerns(String concerns) {
		this.concerns = concerns;
	}

	public List<String> getCategories() {
		return this.categories;
	}

	public void setCategories(List<String> categories) {
		this.categories = categories;
	}

	public String getConsentStatus() {
		return this.consentStatus;
	}

	public void setConsentStatus(String consentStatus) {
		this.consentStatus = consentStatus;
	}

	public String getConsentGivenBy() {
		return this.consentGivenBy;
	}

	public void setConsentGivenBy(String consentGivenBy) {
		this.consentGivenBy = consentGivenBy;
	}

	public String getConsentNotSoughtReason() {
		return this.consentNotSoughtReason;
	}

	public void setConsentNotSoughtReason(String consentNotSoughtReason) {
		this.consentNotSoughtReason = consentNotSoughtReason;
	}

	public String getConsentLawfulBasis() {
		return this.consentLawfulBasis;
	}

	public void setConsentLawfulBasis(String consentLawfulBasis) {
		this.consentLawfulBasis = consentLawfulBasis;
	}

	public String getConsentOverrideReason() {
		return this.consentOverrideReason;
	}

	public void setConsentOverrideReason(String consentOverrideReason) {
		this.consentOverrideReason = consentOverrideReason;
	}

	public String getConsentAuthorisedBy() {
		return this.consentAuthorisedBy;
	}

	public void setConsentAuthorisedBy(String consentAuthorisedBy) {
		this.consentAuthorisedBy = consentAuthorisedBy;
	}

	public String getDashTicks() {
		return this.dashTicks;
	}

	public void setDashTicks(String dashTicks) {
		this.dashTicks = dashTicks;
	}

	public String getIncidents() {
		return this.incidents;
	}

	public void setIncidents(String incidents) {
		this.incidents = incidents;
	}

	public String getSafeToContactVictim() {
		return this.safeToContactVictim;
	}

	public void setSafeToContactVictim(String safeToContactVictim) {
		this.safeToContactVictim = safeToContactVictim;
	}

	public String getSafeContactRoute() {
		return this.safeContactRoute;
	}

	public void setSafeContactRoute(String safeContactRoute) {
		this.safeContactRoute = safeContactRoute;
	}

}
