package org.mashhub.referral;

import java.util.Map;

/**
 * A contact that breaks the rules, with a message for every invalid field; nothing is
 * stored.
 */
public class InvalidContact extends RuntimeException {

	private final Map<String, String> errors;

	InvalidContact(Map<String, String> errors) {
		super("The contact is not valid: " + String.join(", ", errors.keySet()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
