package org.mashhub.cse;

import java.time.Instant;
import java.util.UUID;

/** A screening closed: risk reduced, or the child turned 18. */
public record ScreeningClosed(String reference, UUID childId, String reason, Instant closedAt, String by) {

}
