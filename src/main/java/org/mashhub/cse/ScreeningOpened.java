package org.mashhub.cse;

import java.time.Instant;
import java.util.UUID;

/** A screening of the child opened from a concern. */
public record ScreeningOpened(String reference, UUID childId, TriggerSource source, Instant openedAt, String by) {

}
