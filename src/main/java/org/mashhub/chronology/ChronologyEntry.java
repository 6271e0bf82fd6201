package org.mashhub.chronology;

import java.time.Instant;

/**
 * One thing that happened in a child's case.
 *
 * @param reference the case it happened in: a triage or complaint reference
 */
public record ChronologyEntry(Instant occurredAt, String kind, String summary, String actor, String reference) {

}
