package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One child's triage as MASH staff see it: the contact as received, who the child is, the
 * flags, the screening with its RAG history, every agency's answer, the decision and the
 * feedback. Each step's record is its own part, empty until the step is done. Agency
 * liaisons never see this (they get {@link AgencyCheckView}).
 */
public record TriageView(String reference, String contactReference, Instant receivedAt, String recordedBy,
		Referrer referrer, String concerns, List<String> categories, Consent consent, DomesticAbuse domesticAbuse,
		ChildAsGiven child, Identity identity, Screening screening, List<AgencyCheckView> checks, Decision decision,
		Feedback feedback, List<Sibling> siblings) {

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

	/**
	 * The child's record the contact is linked to, once known, and its flags as at
	 * receipt.
	 */
	public record Identity(UUID childId, String confirmedBy, Boolean openCase, Boolean reReferral,
			Boolean recentCpPlan) {
	}

	public record Screening(Rag rag, Instant ragSetAt, String summary, String consentReview,
			ThresholdOutcome recommendation, Boolean maracReferral, String maracReason, String by, Instant at,
			List<RagChange> ragHistory) {
	}

	public record RagChange(Rag rag, Instant setAt, String setBy, String reason) {
	}

	public record Decision(Integer levelOfNeed, ThresholdOutcome outcome, String rationale, Boolean cseConcern,
			String by, Instant at) {
	}

	/** How the referrer was told, and the family's letter's route if one went. */
	public record Feedback(String route, String summary, String familyLetterRoute, String by, Instant at) {
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

	/**
	 * Whether the child was handed to the assessment team: an open case, a referral, or
	 * passed to the allocated worker.
	 */
	public boolean handedToAssessment() {
		ThresholdOutcome outcome = this.decision.outcome();
		return Boolean.TRUE.equals(this.identity.openCase())
				|| (outcome != null && (outcome.isReferral() || outcome == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER));
	}

	/** The triage for a step-down: what each agency said is left out. */
	public TriageView withoutAgencyAnswers() {
		return new TriageView(this.reference, this.contactReference, this.receivedAt, this.recordedBy, this.referrer,
				this.concerns, this.categories, this.consent, this.domesticAbuse, this.child, this.identity,
				this.screening, List.of(), this.decision, this.feedback, this.siblings);
	}

}
