package org.mashhub.referral;

import java.time.Instant;

/**
 * What the person giving feedback needs: who referred and how to reach them, the outcome,
 * and whether the family may be written to and by which route. Never the concerns, the
 * screening or the rationale.
 *
 * @param familyLetterRefusal why no letter may go to the family (domestic abuse without a
 * recorded safe route), or null
 * @param familyLetterRoute the route a letter to the family goes by, when it may go
 */
public record ReferrerFeedback(String childName, TriageView.Referrer referrer, boolean publicReferrer,
		ThresholdOutcome outcome, Instant decidedAt, String familyLetterRefusal, String familyLetterRoute,
		TriageView.Feedback given) {
}
