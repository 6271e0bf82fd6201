package org.mashhub.missing;

import java.time.Instant;
import java.util.UUID;

/**
 * The child has gone missing again often enough to be repeat missing (the council's N
 * episodes in D days).
 */
public record RepeatMissingFlagged(String reference, UUID childId, int episodes, int withinDays, Instant flaggedAt) {

}
