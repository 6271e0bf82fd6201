package org.mashhub.cse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * An exploitation screening of a child: the instrument version last scored with, the
 * level that stands and the one computed, and whether it is open.
 *
 * @param level the level that stands (null until first scored; the computed one while a
 * lower level waits for approval)
 */
public record Screening(UUID id, String reference, ChildInScreening child, String instrumentId, int instrumentVersion,
		Instant openedAt, String openedBy, RiskLevel level, RiskLevel computedLevel, Integer score,
		Instant lastScoredAt, List<CinFactor> cinFactors, boolean awaitingApproval, Instant closedAt,
		String closedReason) {

	public record ChildInScreening(UUID id, String givenNames, String familyName, LocalDate dateOfBirth) {

		public String fullName() {
			return this.givenNames + " " + this.familyName;
		}

		/** The child's age on the day; empty when the date of birth is not known. */
		public java.util.OptionalInt ageOn(LocalDate day) {
			return (this.dateOfBirth != null)
					? java.util.OptionalInt.of(Period.between(this.dateOfBirth, day).getYears())
					: java.util.OptionalInt.empty();
		}

	}

	public boolean isOpen() {
		return this.closedAt == null;
	}

	public String closedReasonLabel() {
		if (this.closedReason == null) {
			return null;
		}
		return "TURNED_18".equals(this.closedReason) ? "The child turned 18" : "Risk reduced";
	}

}
