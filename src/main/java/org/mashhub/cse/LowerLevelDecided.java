package org.mashhub.cse;

import java.time.Instant;
import java.util.UUID;

/** A manager approved or refused a level lowered below the computed one. */
public record LowerLevelDecided(String reference, UUID childId, boolean approved, RiskLevel standing, Instant decidedAt,
		String by) {

}
