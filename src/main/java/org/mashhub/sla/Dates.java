package org.mashhub.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as people in England read them: "Monday 23 November 2026 at 16:00".
 */
public final class Dates {

	private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

	private Dates() {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	/** "Tuesday 1 December 2026". */
	public static String describeDay(LocalDate day) {
		return DAY.format(day);
	}

	private static final DateTimeFormatter BRIEF = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

	/** "Mon 23 Nov 2026, 16:00", for tables. */
	public static String brief(Instant instant) {
		return (instant != null) ? BRIEF.format(instant.atZone(WorkingCalendar.ZONE)) : "";
	}

	public static String describe(Instant instant) {
		return LONG.format(instant.atZone(WorkingCalendar.ZONE));
	}

}
