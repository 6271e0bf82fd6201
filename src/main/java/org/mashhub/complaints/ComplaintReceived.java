package org.mashhub.complaints;

import java.time.LocalDate;
import java.time.Instant;

/**
 * A complaint was logged. For the chronology of the child it is about (by name and date
 * of birth, when it names one) and for reporting.
 *
 * @param childName the child the complaint is made on behalf of, or null
 */
public record ComplaintReceived(String reference, Instant receivedAt, String childName, LocalDate childDateOfBirth,
		String loggedBy, Instant loggedAt) {

}
