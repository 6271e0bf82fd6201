package org.mashhub.sla;

/**
 * How an SLA policy counts time. All clocks run in Europe/London.
 */
public enum SlaClock {

	/**
	 * The same local time on the N-th working day after the anchor (weekends, Christmas
	 * Day, Boxing Day, Good Friday, bank holidays and closure days do not count). An
	 * anchor on a non-working day counts as received at the close of the previous working
	 * day.
	 */
	WORKING_DAYS,

	/** N hours of office time (the configured working day) on working days. */
	WORKING_HOURS,

	/**
	 * Before the start of the N-th working day to come: the opening time of the first
	 * working day that has not yet begun at the anchor ("before the next school day").
	 */
	WORKING_DAY_STARTS,

	/**
	 * N real elapsed hours, day and night: 72 hours across a clock change is 72 real
	 * hours.
	 */
	HOURS,

	/** The same local time N calendar days later. */
	CALENDAR_DAYS

}
