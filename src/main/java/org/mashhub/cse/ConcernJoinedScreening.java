package org.mashhub.cse;

import java.time.Instant;
import java.util.UUID;

/** A further concern joined the child's open screening. */
public record ConcernJoinedScreening(String reference, UUID childId, TriggerSource source, Instant raisedAt,
		String by) {

}
