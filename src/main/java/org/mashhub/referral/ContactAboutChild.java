package org.mashhub.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The front door knows which child's record a contact is about (certain by NHS number, or
 * confirmed by the screener): the child's chronology starts with the contact.
 *
 * @param triageReference the contact reference and the child's position, e.g.
 * C-2026-000042/1
 * @param openCaseWith the child's allocated worker, if the case is open
 * @param maracReason why the local thresholds call for a MARAC referral when the case is
 * open and skips screening, or null
 */
public record ContactAboutChild(String triageReference, UUID childId, Instant receivedAt,
		NewContact.Agency referrerAgency, List<NewContact.Category> categories, boolean reReferral,
		boolean recentCpPlan, String openCaseWith, String recordedBy, Instant linkedAt, String maracReason) {

}
