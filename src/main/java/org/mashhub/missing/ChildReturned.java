package org.mashhub.missing;

import java.time.Instant;
import java.util.UUID;

/**
 * A missing child was found or came back; the return home interview is now due.
 */
public record ChildReturned(String reference, UUID childId, Instant returnedAt, Instant interviewDueAt,
		String recordedBy) {

}
