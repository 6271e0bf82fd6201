package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * The referrer was told the outcome (or, with route NONE, why not), and the family
 * perhaps written to.
 *
 * @param familyLetterRoute how the letter to the family went, or null if none was sent
 */
public record ReferrerFeedbackGiven(String triageReference, UUID childId, NewContact.FeedbackRoute route,
		String summary, String familyLetterRoute, String by, Instant at) {

}
