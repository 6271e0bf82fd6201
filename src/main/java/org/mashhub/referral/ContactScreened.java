package org.mashhub.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A qualified MASH social worker screened a child's contact.
 *
 * @param agenciesAsked the agencies sent an information request, in the order asked
 * @param maracReason why a MARAC referral is needed, or null
 */
public record ContactScreened(String triageReference, UUID childId, Rag rag, ThresholdOutcome recommendation,
		List<NewContact.Agency> agenciesAsked, String maracReason, String screenedBy, Instant screenedAt) {

}
