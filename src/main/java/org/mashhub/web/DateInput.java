package org.mashhub.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A date as the GOV.UK date input takes it: day, month and year in three boxes, named
 * {@code NAME-day}, {@code NAME-month} and {@code NAME-year}. The boxes are kept as
 * typed, so that a mistake is shown back exactly as it was entered; the browser's own
 * date picker is not used because it shows the month first in some locales.
 *
 * @param day the day box as typed, never null
 * @param month the month box as typed, never null
 * @param year the year box as typed, never null
 */
public record DateInput(String day, String month, String year) {

	/** What is said beside a date input whose boxes make no real date. */
	public static final String NOT_A_REAL_DATE = "Enter a real date, for example 27 3 2026";

	private static final Pattern DAY_OR_MONTH = Pattern.compile("\\d{1,2}");

	// Two digits would leave the century to guess
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	public DateInput {
		day = (day != null) ? day : "";
		month = (month != null) ? month : "";
		year = (year != null) ? year : "";
	}

	/**
	 * The date input called {@code name} among a form's values; a box the form did not
	 * send is empty.
	 */
	public static DateInput named(String name, Map<String, String> values) {
		return new DateInput(values.get(name + "-day"), values.get(name + "-month"), values.get(name + "-year"));
	}

	/** A date shown in the three boxes. */
	public static DateInput of(LocalDate date) {
		return new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
				String.valueOf(date.getYear()));
	}

	/** Whether all three boxes were left empty. */
	public boolean isEmpty() {
		return this.day.isBlank() && this.month.isBlank() && this.year.isBlank();
	}

	/**
	 * The date the boxes make, or null when they were left empty. When they make no real
	 * date (a part missing, letters, 31 in a 30-day month, a year of fewer than four
	 * digits) it is null too, and {@link #NOT_A_REAL_DATE} is put in {@code errors} under
	 * {@code field}.
	 */
	public LocalDate read(String field, Map<String, String> errors) {
		if (isEmpty()) {
			return null;
		}
		LocalDate date = realDate(this.day.strip(), this.month.strip(), this.year.strip());
		if (date == null) {
			errors.put(field, NOT_A_REAL_DATE);
		}
		return date;
	}

	private static LocalDate realDate(String day, String month, String year) {
		if (!DAY_OR_MONTH.matcher(day).matches() || !DAY_OR_MONTH.matcher(month).matches()
				|| !YEAR.matcher(year).matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The three boxes under their names, to show the date input called {@code name}. */
	public Map<String, String> values(String name) {
		return Map.of(name + "-day", this.day, name + "-month", this.month, name + "-year", this.year);
	}

}
