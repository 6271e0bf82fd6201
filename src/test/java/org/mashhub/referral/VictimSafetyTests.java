package org.mashhub.referral;

import org.junit.jupiter.api.Test;
import org.mashhub.referral.VictimSafety.Recipient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No correspondence reaches a victim of domestic abuse unless the screener recorded that
 * it is safe to contact them and how: the policy on its own, with no server.
 */
class VictimSafetyTests {

	@Test
	void aFamilyLetterMayGoWhenTheContactIsNotAboutDomesticAbuse() {
		TriageView neglect = TriageViews.aTriage().build();

		assertThat(VictimSafety.refusal(neglect, Recipient.FAMILY)).isEmpty();
	}

	@Test
	void aProfessionalReferrerIsToldTheOutcomeOfADomesticAbuseContactWithNothingRecorded() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().build();

		assertThat(VictimSafety.refusal(abuse, Recipient.PROFESSIONAL)).isEmpty();
	}

	@Test
	void noFamilyLetterGoesOnADomesticAbuseContactWhoseDetailsNobodyRecorded() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void domesticAbuseDetailsMakeItADomesticAbuseContactWhateverItsCategories() {
		TriageView abuse = TriageViews.aTriage().withDomesticAbuse(true, "Mobile", null).build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void theReferrersWordAloneNeverMakesTheVictimSafeToContact() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().withDomesticAbuse(true, "Mobile", null).build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void noFamilyLetterGoesWhenTheScreenerRecordedThatTheVictimMustNotBeContacted() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage()
			.withDomesticAbuse(false, "Mobile 07700 900123", "sid.screener")
			.build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void noFamilyLetterGoesWhenTheScreenerRecordedSafeContactButNoRoute() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().withDomesticAbuse(true, null, "sid.screener").build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void aBlankRouteIsNoRoute() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().withDomesticAbuse(true, "   ", "sid.screener").build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isPresent();
	}

	@Test
	void aFamilyLetterMayGoOnceTheScreenerRecordedThatTheVictimIsSafeToContactAndHow() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage()
			.withDomesticAbuse(true, "Mobile 07700 900123, after 6pm only", "sid.screener")
			.build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).isEmpty();
	}

	@Test
	void theRefusalSaysThatNobodyRecordedItIsSafeToContactTheVictim() {
		TriageView abuse = TriageViews.aDomesticAbuseTriage().withDomesticAbuse(true, "Mobile", null).build();

		assertThat(VictimSafety.refusal(abuse, Recipient.FAMILY)).hasValueSatisfying(
				(refusal) -> assertThat(refusal).contains("safe to contact the victim").contains("at screening"));
	}

}
