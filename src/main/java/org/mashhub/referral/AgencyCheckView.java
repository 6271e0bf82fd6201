package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An information request as its agency sees it: the minimum about the child (name, date
 * of birth, address), the question, the referrer's concerns only when the screener chose
 * to share them, and the agency's own answer. Nothing of other agencies.
 */
public record AgencyCheckView(UUID id, String triageReference, String agency, String liaisonGroup, String childName,
		LocalDate dateOfBirth, String address, String question, String sharedConcerns, String state, Instant askedAt,
		Instant dueAt, String answer, String answeredBy, Instant closedAt) {

	public boolean isOpen() {
		return "OPEN".equals(this.state);
	}

}
