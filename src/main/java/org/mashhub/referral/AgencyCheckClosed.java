package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * An information request closed: answered by the agency's liaison, or not answered within
 * the RAG target (then {@code answeredBy} is null).
 */
public record AgencyCheckClosed(String triageReference, UUID childId, NewContact.Agency agency, String answeredBy,
		Instant closedAt) {

	public boolean answered() {
		return this.answeredBy != null;
	}

}
