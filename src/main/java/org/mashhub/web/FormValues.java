package org.mashhub.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.mashhub.MashHubApplication;

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

	/**
	 * The moment typed into the date input called {@code name} and its time box
	 * {@code name-time} (24-hour, as 14:30), in the council's time zone; a message under
	 * {@code name} for either. Null when both are empty.
	 */
	public static Instant instant(Map<String, String> values, String name, Map<String, String> errors) {
		LocalDate day = date(values, name, errors);
		String time = values.get(name + "-time");
		boolean noTime = time == null || time.isBlank();
		if (day == null) {
			if (!noTime && !errors.containsKey(name)) {
				errors.put(name, "Enter the date as well as the time.");
			}
			return null;
		}
		if (noTime) {
			errors.put(name, "Enter the time as well as the date, for example 14:30.");
			return null;
		}
		try {
			return day.atTime(LocalTime.parse(time.strip())).atZone(MashHubApplication.LOCAL_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.put(name, "Enter the time as hours and minutes, for example 14:30.");
			return null;
		}
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
