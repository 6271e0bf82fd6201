package org.mashhub.web;

import java.time.LocalDate;
import java.util.Map;

/**
 * How a screen reads what its form sent, the same on every screen: a date from its three
 * boxes, a code from a list, a whole number. What is not one reads as none, for the
 * form's own rules to name.
 */
public final class FormValues {

	private FormValues() {
	}

	/**
	 * The date typed into the date input called {@code name}, its message under the same
	 * name.
	 */
	public static LocalDate date(Map<String, String> values, String name, Map<String, String> errors) {
		return DateInput.named(name, values).read(name, errors);
	}

	/** The code chosen, or null for none or one the list does not have. */
	public static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A whole number, or null for none or not one. */
	public static Integer wholeNumber(String value) {
		try {
			return (value != null) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
