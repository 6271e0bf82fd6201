package org.mashhub.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.mashhub.MashHubApplication;
import org.mashhub.sla.SlaCalculator;

import org.springframework.stereotype.Component;

/**
 * The days the procedure counts in: now, today in the council's time zone, and the
 * instant a day entered on a form stands for.
 */
@Component
class ComplaintDays {

	private final Clock clock;

	private final SlaCalculator sla;

	ComplaintDays(Clock clock, SlaCalculator sla) {
		this.clock = clock;
		this.sla = sla;
	}

	Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return day(now());
	}

	/**
	 * A day entered on a form: now when it is today, else the opening of that working
	 * day.
	 */
	Instant startOf(LocalDate day) {
		return day.equals(today()) ? now() : this.sla.openingOf(day);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, MashHubApplication.LOCAL_TIME);
	}

}
