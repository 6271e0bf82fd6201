package org.mashhub.referral;

/**
 * The same Idempotency-Key was used before for a different contact.
 */
public class IdempotencyConflict extends RuntimeException {

	IdempotencyConflict(String key) {
		super("Idempotency-Key '" + key
				+ "' was already used for a different contact; use a new key for a new contact.");
	}

}
