package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One child's triage as MASH staff see it: the contact as received, who the child is, the
 * flags, the screening with its RAG history, every agency's answer, the decision and the
 * feedback. Agency liaisons never see this (they get {@link AgencyCheckView}).
 */
public record TriageView(String reference, String contactReference, Instant receivedAt, String recordedBy,
		Referrer referrer, String concerns, List<String> categories, Consent consent, DomesticAbuse domesticAbuse,
		ChildAsGiven child, UUID childId, String identityConfirmedBy, Boolean openCase, Boolean reReferral,
		Boolean recentCpPlan, Rag rag, Instant ragSetAt, String screeningSummary, String consentReview,
		ThresholdOutcome recommendation, Boolean maracReferral, String maracReason, String screenedBy,
		Instant screenedAt, List<RagChange> ragHistory, List<AgencyCheckView> checks, Integer levelOfNeed,
		ThresholdOutcome outcome, String rationale, Boolean cseConcern, String decidedBy, Instant decidedAt,
		String feedbackRoute, String feedbackSummary, String familyLetterRoute, String feedbackBy, Instant feedbackAt,
		List<Sibling> siblings) {

	public record Referrer(String name, String agency, String role, String phone, String email, String feedbackRoute) {
	}

	public record Consent(String status, String givenBy, String notSoughtReason, String lawfulBasis,
			String overrideReason, String authorisedBy) {
	}

	/**
	 * @param safeContactRecordedBy the screener who recorded whether the victim may be
	 * contacted; until then the referrer's answer allows nothing
	 */
	public record DomesticAbuse(Integer dashTicks, Integer incidentsLast12Months, Boolean safeToContactVictim,
			String safeContactRoute, String safeContactRecordedBy) {
	}

	public record ChildAsGiven(String givenNames, String familyName, LocalDate dateOfBirth, String gender,
			String nhsNumber, String address, String school) {

		public String fullName() {
			return this.givenNames + " " + this.familyName;
		}

	}

	public record RagChange(Rag rag, Instant setAt, String setBy, String reason) {
	}

	public record Sibling(String reference, String name) {
	}

	/** The child's position in the contact (the reference's last part). */
	public int position() {
		return Integer.parseInt(this.reference.substring(this.reference.lastIndexOf('/') + 1));
	}

	public boolean involvesDomesticAbuse() {
		return this.categories.contains(NewContact.Category.DOMESTIC_ABUSE.name()) || this.domesticAbuse != null;
	}

}
