package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts as the front door receives them, as records, for the tests of its rules: a
 * police officer refers Amy (with her NHS number) for neglect, asks for feedback by
 * e-mail, and the mother consented. Each {@code with...} changes what the test is about.
 */
final class NewContacts {

	/** A valid NHS number (its check digit is right). */
	static final String AMYS_NHS_NUMBER = "943 476 5919";

	private Instant receivedAt;

	private NewContact.Referrer referrer = new NewContact.Referrer("PC Jane Doe", NewContact.Agency.POLICE,
			"Public protection officer", "01632 960001", "jane.doe@police.example", NewContact.FeedbackRoute.EMAIL);

	private List<NewContact.ChildInContact> children = new ArrayList<>(List.of(aChild("Amy", AMYS_NHS_NUMBER)));

	private String concerns = "School says the child is hungry; missed appointments at the GP.";

	private List<NewContact.Category> categories = List.of(NewContact.Category.NEGLECT);

	private NewContact.Consent consent = new NewContact.Consent(NewContact.ConsentStatus.GIVEN, "Mother", null, null,
			null, null);

	private NewContact.DomesticAbuse domesticAbuse;

	private NewContacts() {
	}

	/** The police officer's contact about Amy, with nothing wrong in it. */
	static NewContacts aContact() {
		return new NewContacts();
	}

	/** A child as the referrer names them, born 1 April 2016. */
	static NewContact.ChildInContact aChild(String givenNames, String nhsNumber) {
		return new NewContact.ChildInContact(givenNames, "Test", LocalDate.of(2016, 4, 1), null, nhsNumber,
				"1 High Street, Anytown", "Anytown Primary");
	}

	NewContacts receivedAt(Instant receivedAt) {
		this.receivedAt = receivedAt;
		return this;
	}

	/** The referrer asks for feedback by that route, giving that e-mail and phone. */
	NewContacts withFeedback(NewContact.FeedbackRoute route, String email, String phone) {
		this.referrer = new NewContact.Referrer(this.referrer.name(), this.referrer.agency(), this.referrer.role(),
				phone, email, route);
		return this;
	}

	NewContacts withChildren(NewContact.ChildInContact... children) {
		this.children = new ArrayList<>(List.of(children));
		return this;
	}

	NewContacts withConcerns(String concerns) {
		this.concerns = concerns;
		return this;
	}

	NewContacts withConsent(NewContact.Consent consent) {
		this.consent = consent;
		return this;
	}

	/** A police domestic-abuse notification with these details. */
	NewContacts withDomesticAbuse(Integer dashTicks, Integer incidentsLast12Months, Boolean safeToContactVictim,
			String safeContactRoute) {
		this.categories = List.of(NewContact.Category.DOMESTIC_ABUSE);
		this.domesticAbuse = new NewContact.DomesticAbuse(dashTicks, incidentsLast12Months, safeToContactVictim,
				safeContactRoute);
		return this;
	}

	NewContact build() {
		return new NewContact(this.receivedAt, this.referrer, this.children, this.concerns, this.categories,
				this.consent, this.domesticAbuse);
	}

}
