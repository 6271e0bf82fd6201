package org.mashhub.referral;

import java.util.Map;

/**
 * A triage step's form broke the rules: every field at fault with a message a
 * practitioner understands. Nothing was written.
 */
public class TriageRefused extends RuntimeException {

	private final Map<String, String> errors;

	public TriageRefused(Map<String, String> errors) {
		super("Check " + String.join(", ", errors.keySet()) + ".");
		this.errors = Map.copyOf(errors);
	}

	public TriageRefused(String field, String message) {
		this(Map.of(field, message));
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
