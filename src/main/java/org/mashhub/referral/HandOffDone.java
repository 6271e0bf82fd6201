package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A hand-off or follow-up step of a decided contact was done (MARAC referral, strategy
 * discussion, assessment, step-down, information considered), with what was done.
 *
 * @param step the step's BPMN id, e.g. Task_MaracReferral
 * @param stepName the step as its task is named
 */
public record HandOffDone(String triageReference, UUID childId, String step, String stepName, String note, String by,
		Instant at) {

}
