package org.mashhub.referral;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The rules a form cannot express, checked whole when a contact arrives: its receipt
 * time, consent, the feedback route, safe contact and NHS numbers. Pure rules, no server:
 * each names the field at fault.
 */
class ContactIntakeRulesTests {

	/** Friday 20 November 2026, 17:00 (GMT). */
	private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

	@Test
	void aContactWithEverythingTheRulesAskForBreaksNone() {
		assertThat(ContactIntake.ruleErrors(NewContacts.aContact().receivedAt(NOW).build(), NOW)).isEmpty();
	}

	@Test
	void aContactWithoutAReceiptTimeIsTakenAsReceivedNow() {
		assertThat(ContactIntake.ruleErrors(NewContacts.aContact().build(), NOW)).isEmpty();
	}

	@Test
	void aContactDatedInTheFutureIsRefused() {
		NewContact contact = NewContacts.aContact().receivedAt(NOW.plus(Duration.ofMinutes(6))).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW))
			.containsExactly(entry("receivedAt", "must not be in the future"));
	}

	@Test
	void aPartnerClockUpToFiveMinutesAheadIsTolerated() {
		NewContact contact = NewContacts.aContact().receivedAt(NOW.plus(Duration.ofMinutes(5))).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void aContactDatedSevenDaysAgoIsTaken() {
		NewContact contact = NewContacts.aContact().receivedAt(NOW.minus(Duration.ofDays(7))).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void aContactDatedMoreThanSevenDaysAgoIsRefused() {
		NewContact contact = NewContacts.aContact()
			.receivedAt(NOW.minus(Duration.ofDays(7)).minus(Duration.ofSeconds(1)))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW))
			.containsExactly(entry("receivedAt", "must be within the last 7 days"));
	}

	@Test
	void consentGivenMustSayWhoGaveIt() {
		NewContact contact = NewContacts.aContact()
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.GIVEN, "  ", null, null, null, null))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("consent.givenBy");
	}

	@Test
	void consentNotSoughtMustSayWhy() {
		NewContact contact = NewContacts.aContact()
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.NOT_SOUGHT, null, null, null, null, null))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("consent.notSoughtReason");
	}

	@Test
	void consentOverriddenMustGiveTheLawfulBasisTheReasonAndWhoAuthorisedIt() {
		NewContact contact = NewContacts.aContact()
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.OVERRIDDEN, null, null, null, null, null))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("consent.lawfulBasis",
				"consent.overrideReason", "consent.authorisedBy");
	}

	@Test
	void anOverrideWithItsLawfulBasisReasonAndAuthorityBreaksNoRule() {
		NewContact contact = NewContacts.aContact()
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.OVERRIDDEN, null, null,
					"Children Act 1989 s47", "Risk of significant harm", "DS Smith"))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void consentRefusedNeedsNothingMore() {
		NewContact contact = NewContacts.aContact()
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.REFUSED, null, null, null, null, null))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void feedbackByEmailNeedsAnEmailAddress() {
		NewContact contact = NewContacts.aContact()
			.withFeedback(NewContact.FeedbackRoute.EMAIL, null, "01632 960001")
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("referrer.email");
	}

	@Test
	void feedbackByPhoneNeedsAPhoneNumber() {
		NewContact contact = NewContacts.aContact()
			.withFeedback(NewContact.FeedbackRoute.PHONE, "jane.doe@police.example", " ")
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("referrer.phone");
	}

	@Test
	void feedbackByPostNeedsNeitherAnEmailAddressNorAPhoneNumber() {
		NewContact contact = NewContacts.aContact().withFeedback(NewContact.FeedbackRoute.POST, null, null).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void aReferrerWhoSaysTheVictimIsSafeToContactMustSayHow() {
		NewContact contact = NewContacts.aContact().withDomesticAbuse(15, 3, true, null).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("domesticAbuse.safeContactRoute");
	}

	@Test
	void aReferrerWhoSaysTheVictimIsNotSafeToContactNeedsNoRoute() {
		NewContact contact = NewContacts.aContact().withDomesticAbuse(15, 3, false, null).build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void anNhsNumberWithAWrongCheckDigitIsRefusedForThatChild() {
		NewContact contact = NewContacts.aContact()
			.withChildren(NewContacts.aChild("Amy", NewContacts.AMYS_NHS_NUMBER),
					NewContacts.aChild("Ben", "9434765918"))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).containsOnlyKeys("children[1].nhsNumber");
	}

	@Test
	void aChildWithoutAnNhsNumberBreaksNoRule() {
		NewContact contact = NewContacts.aContact()
			.withChildren(NewContacts.aChild("Amy", null), NewContacts.aChild("Ben", ""))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW)).isEmpty();
	}

	@Test
	void aContactBreakingSeveralRulesNamesEveryFieldInTheOrderChecked() {
		NewContact contact = NewContacts.aContact()
			.receivedAt(NOW.plus(Duration.ofHours(1)))
			.withConsent(new NewContact.Consent(NewContact.ConsentStatus.NOT_SOUGHT, null, null, null, null, null))
			.withFeedback(NewContact.FeedbackRoute.EMAIL, null, null)
			.withDomesticAbuse(16, null, true, "")
			.withChildren(NewContacts.aChild("Amy", "123"))
			.build();

		assertThat(ContactIntake.ruleErrors(contact, NOW).keySet()).containsExactly("receivedAt",
				"consent.notSoughtReason", "referrer.email", "domesticAbuse.safeContactRoute", "children[0].nhsNumber");
	}

}
