package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contact as it was received and recorded, for the staff who screen it (and the system
 * that sent it). Free text exactly as given: whoever shows it escapes it.
 */
public record ContactRecord(String reference, Instant receivedAt, String recordedBy, String channel,
		String referrerName, String referrerAgency, String referrerRole, String feedbackRoute, String concerns,
		List<String> categories, String consentStatus, Integer dashTicks, Integer incidentsLast12Months,
		Boolean safeToContactVictim, List<Child> children) {

	public record Child(int position, String triageReference, String givenNames, String familyName,
			LocalDate dateOfBirth, String nhsNumber, String address, String school) {
	}

}
