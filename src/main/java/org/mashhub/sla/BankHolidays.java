package org.mashhub.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * England and Wales bank holidays: the shipped GOV.UK list for the years it covers, the
 * statutory rules (Easter computus, substitute days) for any other year.
 */
final class BankHolidays {

	static final String SHIPPED = "/sla/bank-holidays-england-and-wales.csv";

	private final Map<Integer, Set<LocalDate>> shippedByYear;

	private final Map<Integer, Set<LocalDate>> derivedByYear = new java.util.concurrent.ConcurrentHashMap<>();

	private BankHolidays(Map<Integer, Set<LocalDate>> shippedByYear) {
		this.shippedByYear = shippedByYear;
	}

	static BankHolidays shipped() {
		Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(BankHolidays.class.getResourceAsStream(SHIPPED), StandardCharsets.UTF_8))) {
			lines.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("date,"))
				.map((line) -> LocalDate.parse(line.substring(0, line.indexOf(','))))
				.forEach((day) -> byYear.computeIfAbsent(day.getYear(), (year) -> new TreeSet<>()).add(day));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byYear.replaceAll((year, days) -> Collections.unmodifiableSet(days));
		return new BankHolidays(byYear);
	}

	Set<LocalDate> of(int year) {
		Set<LocalDate> shipped = this.shippedByYear.get(year);
		return (shipped != null) ? shipped : this.derivedByYear.computeIfAbsent(year, BankHolidays::byRule);
	}

	Set<Integer> shippedYears() {
		return new TreeSet<>(this.shippedByYear.keySet());
	}

	/**
	 * The statutory pattern; one-off proclamations (a jubilee, a coronation) are not in
	 * it.
	 */
	static Set<LocalDate> byRule(int year) {
		Set<LocalDate> days = new TreeSet<>();
		days.add(weekdayOnOrAfter(LocalDate.of(year, Month.JANUARY, 1), Set.of()));
		LocalDate easter = easterSunday(year);
		days.add(easter.minusDays(2));
		days.add(easter.plusDays(1));
		days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
		days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
		days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
		// Christmas and Boxing Day at a weekend move to the next weekdays the other does
		// not take
		LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
		LocalDate boxingDay = christmas.plusDays(1);
		Set<LocalDate> taken = new TreeSet<>();
		for (LocalDate day : new LocalDate[] { christmas, boxingDay }) {
			if (!isWeekend(day)) {
				taken.add(day);
			}
		}
		for (LocalDate day : new LocalDate[] { christmas, boxingDay }) {
			LocalDate observed = weekdayOnOrAfter(day, taken);
			taken.add(observed);
			days.add(observed);
		}
		return Collections.unmodifiableSet(days);
	}

	/** Easter Sunday by the anonymous Gregorian computus. */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static LocalDate weekdayOnOrAfter(LocalDate day, Set<LocalDate> taken) {
		LocalDate observed = day;
		while (isWeekend(observed) || (!observed.equals(day) && taken.contains(observed))) {
			observed = observed.plusDays(1);
		}
		return observed;
	}

}
