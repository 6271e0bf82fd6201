package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A MASH manager decided a child's contact: for the child's chronology and for reporting
 * (decisions in time, conversion, re-referrals).
 *
 * @param triageReference the contact reference and the child's position, e.g.
 * C-2026-000042/1
 * @param cseConcern whether the decision raised a CSE concern ({@link CseConcernRaised}
 * follows)
 * @param decisionDueAt when the decision target fell due, to judge "in timescale"
 */
public record ContactDecided(String triageReference, UUID childId, String agency, Instant receivedAt, Rag rag,
		int levelOfNeed, ThresholdOutcome outcome, String rationale, boolean cseConcern, boolean reReferral,
		String decidedBy, Instant decidedAt, Instant decisionDueAt) {

}
