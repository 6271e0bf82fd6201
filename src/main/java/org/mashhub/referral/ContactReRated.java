package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/** A screened contact's RAG rating changed before the decision, with who and why. */
public record ContactReRated(String triageReference, UUID childId, Rag from, Rag to, String reason, String by,
		Instant at) {

}
