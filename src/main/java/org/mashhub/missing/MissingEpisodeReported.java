package org.mashhub.missing;

import java.time.Instant;
import java.util.UUID;

/**
 * A child was reported missing or away. For the chronology and reporting.
 */
public record MissingEpisodeReported(String reference, UUID childId, EpisodeType type, String riskGrade,
		Instant startedAt, Instant reportedAt, String recordedBy) {

}
