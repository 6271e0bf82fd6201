package org.mashhub.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.mashhub.MashHubApplication;
import org.mashhub.sla.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * How late an overdue item is, in the unit of its policy: working days for working-day
 * timescales, hours for clock-hour ones.
 */
@Component("lateness")
public class Lateness {

	private final WorkingCalendar calendar;

	Lateness(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** "2 working days late", "5 hours late", or null when the item is not overdue. */
	public String describe(WorkItem item, Instant now) {
		if (!item.isOverdue(now)) {
			return null;
		}
		Duration late = Duration.between(item.dueAt(), now);
		if ("WORKING_DAYS".equals(item.slaClock())) {
			int days = this.calendar.workingDaysBetween(
					LocalDate.ofInstant(item.dueAt(), MashHubApplication.LOCAL_TIME),
					LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME));
			return (days == 0) ? "Late today" : plural(days, "working day") + " late";
		}
		if ("WORKING_HOURS".equals(item.slaClock()) || "WORKING_DAY_STARTS".equals(item.slaClock())) {
			long hours = this.calendar
				.workingTimeBetween(item.dueAt().atZone(MashHubApplication.LOCAL_TIME),
						now.atZone(MashHubApplication.LOCAL_TIME))
				.toHours();
			return (hours == 0) ? "Under a working hour late" : plural(hours, "working hour") + " late";
		}
		if ("CALENDAR_DAYS".equals(item.slaClock()) && late.toDays() > 0) {
			return plural(late.toDays(), "day") + " late";
		}
		return (late.toHours() == 0) ? plural(late.toMinutes(), "minute") + " late"
				: plural(late.toHours(), "hour") + " late";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
