package org.mashhub.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the front door answers a referrer: the contact's reference, and one triage per
 * child.
 */
public record ContactReceipt(UUID contactId, String reference, Instant receivedAt, List<ChildTriage> children) {

	public record ChildTriage(int position, String triageReference) {
	}

}
