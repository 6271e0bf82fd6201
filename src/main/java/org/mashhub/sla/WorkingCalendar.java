package org.mashhub.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.mashhub.MashHubApplication;

import org.springframework.stereotype.Component;

/**
 * Which days are working days (SI 2006/1738 reg 2: not a Saturday, Sunday, Christmas Day,
 * Boxing Day, Good Friday or bank holiday; nor a closure day an administrator has added),
 * and working-day and office-hour arithmetic in Europe/London.
 */
@Component
public class WorkingCalendar {

	static final ZoneId ZONE = MashHubApplication.LOCAL_TIME;

	private final BankHolidays bankHolidays;

	private final ClosureDays closureDays;

	private final LocalTime opens;

	private final LocalTime closes;

	WorkingCalendar(BankHolidays bankHolidays, ClosureDays closureDays, SlaSettings settings) {
		this.bankHolidays = bankHolidays;
		this.closureDays = closureDays;
		this.opens = settings.workingDay().opens();
		this.closes = settings.workingDay().closes();
	}

	/** When the working day on {@code day} opens. */
	public ZonedDateTime opening(LocalDate day) {
		return ZonedDateTime.of(day, this.opens, ZONE);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (BankHolidays.isWeekend(day)) {
			return false;
		}
		if (day.getMonth() == Month.DECEMBER && (day.getDayOfMonth() == 25 || day.getDayOfMonth() == 26)) {
			return false;
		}
		if (day.equals(BankHolidays.easterSunday(day.getYear()).minusDays(2))) {
			return false;
		}
		return !this.bankHolidays.of(day.getYear()).contains(day) && !this.closureDays.contains(day);
	}

	/** The first working day after {@code day}. */
	public LocalDate nextWorkingDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	/** The last working day before {@code day}. */
	public LocalDate previousWorkingDay(LocalDate day) {
		LocalDate previous = day.minusDays(1);
		while (!isWorkingDay(previous)) {
			previous = previous.minusDays(1);
		}
		return previous;
	}

	/** See {@link SlaClock#WORKING_DAYS}. */
	public ZonedDateTime plusWorkingDays(ZonedDateTime from, int days) {
		ZonedDateTime start = from.withZoneSameInstant(ZONE);
		LocalDate day = start.toLocalDate();
		LocalTime time = start.toLocalTime();
		if (!isWorkingDay(day)) {
			day = previousWorkingDay(day);
			time = this.closes;
		}
		for (int i = 0; i < days; i++) {
			day = nextWorkingDay(day);
		}
		return ZonedDateTime.of(day, time, ZONE);
	}

	/** See {@link SlaClock#WORKING_DAY_STARTS}. */
	public ZonedDateTime startOfWorkingDay(ZonedDateTime from, int days) {
		ZonedDateTime start = from.withZoneSameInstant(ZONE);
		LocalDate day = start.toLocalDate();
		if (!isWorkingDay(day) || !start.toLocalTime().isBefore(this.opens)) {
			day = nextWorkingDay(day);
		}
		for (int i = 1; i < days; i++) {
			day = nextWorkingDay(day);
		}
		return ZonedDateTime.of(day, this.opens, ZONE);
	}

	/** Office time on working days between two instants. */
	public Duration workingTimeBetween(ZonedDateTime from, ZonedDateTime to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		LocalDateTime start = from.withZoneSameInstant(ZONE).toLocalDateTime();
		LocalDateTime end = to.withZoneSameInstant(ZONE).toLocalDateTime();
		Duration total = Duration.ZERO;
		for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				LocalDateTime open = max(day.atTime(this.opens), start);
				LocalDateTime close = min(day.atTime(this.closes), end);
				if (close.isAfter(open)) {
					total = total.plus(Duration.between(open, close));
				}
			}
		}
		return total;
	}

	/**
	 * The instant {@code amount} of office time after {@code from}; no time at all is
	 * {@code from} itself, even outside office hours.
	 */
	public ZonedDateTime plusWorkingTime(ZonedDateTime from, Duration amount) {
		if (amount.isZero()) {
			return from;
		}
		LocalDateTime at = from.withZoneSameInstant(ZONE).toLocalDateTime();
		Duration left = amount;
		while (true) {
			LocalDate day = at.toLocalDate();
			if (isWorkingDay(day) && at.toLocalTime().isBefore(this.closes)) {
				LocalDateTime start = max(at, day.atTime(this.opens));
				Duration available = Duration.between(start, day.atTime(this.closes));
				if (left.compareTo(available) <= 0) {
					return ZonedDateTime.of(start.plus(left), ZONE);
				}
				left = left.minus(available);
			}
			at = day.plusDays(1).atStartOfDay();
		}
	}

	/** The instant {@code amount} of office time before {@code to}. */
	public ZonedDateTime minusWorkingTime(ZonedDateTime to, Duration amount) {
		LocalDateTime at = to.withZoneSameInstant(ZONE).toLocalDateTime();
		Duration left = amount;
		while (true) {
			LocalDate day = at.toLocalDate();
			if (isWorkingDay(day) && at.toLocalTime().isAfter(this.opens)) {
				LocalDateTime end = min(at, day.atTime(this.closes));
				Duration available = Duration.between(day.atTime(this.opens), end);
				if (left.compareTo(available) <= 0) {
					return ZonedDateTime.of(end.minus(left), ZONE);
				}
				left = left.minus(available);
			}
			at = day.minusDays(1).atTime(LocalTime.MAX);
		}
	}

	/**
	 * Working days from one date to another, counting the later date but not the earlier.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int sign = to.isBefore(from) ? -1 : 1;
		LocalDate low = (sign > 0) ? from : to;
		LocalDate high = (sign > 0) ? to : from;
		int count = 0;
		for (LocalDate day = low.plusDays(1); !day.isAfter(high); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return sign * count;
	}

	private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
