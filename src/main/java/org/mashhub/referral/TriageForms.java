package org.mashhub.referral;

import java.util.List;
import java.util.UUID;

/**
 * What each step of a contact's triage records, as the screener, liaison, manager or
 * practitioner fills it in.
 */
public final class TriageForms {

	private TriageForms() {
	}

	/**
	 * The screening: who the child is, RAG, what to ask which agency, consent, domestic
	 * abuse.
	 *
	 * @param sameChildAs the existing child record the screener confirmed as this child
	 * @param newChildRecord true when no existing record is this child
	 * @param maracByJudgement a MARAC referral on professional judgement, whatever the
	 * score
	 * @param safeToContactVictim whether the victim of domestic abuse may be contacted,
	 * and by which route
	 */
	public record Screening(Rag rag, String summary, String consentReview, UUID sameChildAs, Boolean newChildRecord,
			List<CheckRequest> agencyChecks, Boolean maracByJudgement, String maracReason,
			ThresholdOutcome recommendation, Boolean safeToContactVictim, String safeContactRoute,
			String reasonForDelay) {
	}

	/**
	 * @param shareConcerns whether the agency may read the referrer's full concerns, or
	 * only the question
	 */
	public record CheckRequest(NewContact.Agency agency, String question, Boolean shareConcerns) {
	}

	public record AgencyAnswer(String answer, String reasonForDelay) {
	}

	public record Decision(Integer levelOfNeed, ThresholdOutcome outcome, String rationale, Boolean cseConcern,
			String reasonForDelay) {
	}

	/**
	 * @param route how the referrer was told (NONE: not told, say why in the summary)
	 * @param letterToFamily whether the family was written to as well (by the safe route
	 * recorded at screening when there is domestic abuse)
	 */
	public record Feedback(NewContact.FeedbackRoute route, String summary, Boolean letterToFamily,
			String reasonForDelay) {
	}

	/** A hand-off or follow-up step done, with what was done. */
	public record StepDone(String note, String reasonForDelay) {
	}

}
