package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A threshold decision found a concern of child sexual exploitation: the CSE module
 * starts a screening from it.
 */
public record CseConcernRaised(String triageReference, UUID childId, String raisedBy, Instant raisedAt) {

}
