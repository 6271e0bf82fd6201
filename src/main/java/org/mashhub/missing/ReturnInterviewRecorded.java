package org.mashhub.missing;

import java.time.Instant;
import java.util.UUID;

/**
 * The return home interview was recorded (held, declined or not possible), and whether in
 * time by the ledger.
 */
public record ReturnInterviewRecorded(String reference, UUID childId, InterviewOutcome outcome, boolean inTime,
		Instant recordedAt, String by) {

}
