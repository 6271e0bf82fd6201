package org.mashhub.missing;

import java.time.Instant;
import java.util.UUID;

/**
 * A risk review changed the grade of a missing child's episode.
 */
public record RiskGradeChanged(String reference, UUID childId, String from, String to, Instant changedAt, String by) {

}
