package org.mashhub.sla;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day the service is closed beyond the bank holidays, and who closed it.
 */
public record ClosureDay(LocalDate day, String reason, String addedBy, Instant addedAt) {

}
