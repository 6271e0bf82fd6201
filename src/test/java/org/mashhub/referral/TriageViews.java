package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One child's triage as MASH staff see it, for the tests of the rules that read it: a
 * police contact about neglect, received on Friday 20 November 2026 at 16:00, screened no
 * further. Each {@code with...} gives what the test is about.
 */
final class TriageViews {

	private static final Instant RECEIVED = Instant.parse("2026-11-20T16:00:00Z");

	private List<String> categories = List.of(NewContact.Category.NEGLECT.name());

	private TriageView.DomesticAbuse domesticAbuse;

	private TriageViews() {
	}

	/** A police contact about neglect, with no domestic abuse. */
	static TriageViews aTriage() {
		return new TriageViews();
	}

	/** A police domestic-abuse notification whose details nobody has recorded. */
	static TriageViews aDomesticAbuseTriage() {
		return aTriage().withCategories(NewContact.Category.DOMESTIC_ABUSE);
	}

	TriageViews withCategories(NewContact.Category... categories) {
		this.categories = Arrays.stream(categories).map(Enum::name).toList();
		return this;
	}

	/**
	 * The domestic abuse as known: the referrer's DASH score and incidents, and what the
	 * screener recorded about contacting the victim ({@code recordedBy} null: nothing
	 * recorded, the referrer's word only).
	 */
	TriageViews withDomesticAbuse(Boolean safeToContactVictim, String safeContactRoute, String recordedBy) {
		this.domesticAbuse = new TriageView.DomesticAbuse(15, 3, safeToContactVictim, safeContactRoute, recordedBy);
		return this;
	}

	TriageView build() {
		return new TriageView("C-2026-000001/1", "C-2026-000001", RECEIVED, "police-system",
				new TriageView.Referrer("PC Jane Doe", NewContact.Agency.POLICE.name(), null, null,
						"jane.doe@police.example", NewContact.FeedbackRoute.EMAIL.name()),
				"School says the child is hungry.", this.categories,
				new TriageView.Consent(NewContact.ConsentStatus.GIVEN.name(), "Mother", null, null, null, null),
				this.domesticAbuse,
				new TriageView.ChildAsGiven("Amy", "Test", LocalDate.of(2016, 4, 1), null, null,
						"1 High Street, Anytown", "Anytown Primary"),
				new TriageView.Identity(null, null, false, false, false),
				new TriageView.Screening(null, null, null, null, null, null, null, null, null, List.of()), List.of(),
				new TriageView.Decision(null, null, null, null, null, null),
				new TriageView.Feedback(null, null, null, null, null), List.of());
	}

}
