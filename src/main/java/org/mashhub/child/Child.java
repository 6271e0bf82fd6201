package org.mashhub.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A child's record as the front door knows it.
 */
public record Child(UUID id, String givenNames, String familyName, LocalDate dateOfBirth, String gender,
		String nhsNumber, String address, String school, boolean lookedAfter, String allocatedWorker,
		Instant createdAt) {

	public String fullName() {
		return this.givenNames + " " + this.familyName;
	}

	/**
	 * An allocated worker means an open case: new information goes to them, not to
	 * screening.
	 */
	public boolean hasOpenCase() {
		return this.allocatedWorker != null;
	}

}
