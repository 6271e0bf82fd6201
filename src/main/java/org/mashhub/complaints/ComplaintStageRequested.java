package org.mashhub.complaints;

import java.time.Instant;

/** The complainant asked for stage 2 or 3. */
public record ComplaintStageRequested(String reference, int stage, Instant requestedAt, String by) {

}
