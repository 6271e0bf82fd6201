package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a school is told under Operation Encompass, and no more: which child, which
 * school, and that the police notified a domestic incident at the child's home, and when.
 */
public record SchoolNotice(String childName, LocalDate dateOfBirth, String school, Instant incidentNotifiedAt) {
}
