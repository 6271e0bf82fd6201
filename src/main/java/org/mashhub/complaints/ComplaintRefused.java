package org.mashhub.complaints;

import java.util.Map;

/**
 * A complaint command the rules do not allow, with a message for each field to change.
 * Nothing of the command was written.
 */
public class ComplaintRefused extends RuntimeException {

	private final Map<String, String> errors;

	public ComplaintRefused(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
	}

	ComplaintRefused(String field, String message) {
		this(Map.of(field, message));
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
