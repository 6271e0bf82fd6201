package org.mashhub.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BankHolidaysTests {

	private final BankHolidays holidays = BankHolidays.shipped();

	@Test
	void theShippedListCovers2024To2030() {
		assertThat(this.holidays.shippedYears()).containsExactly(2024, 2025, 2026, 2027, 2028, 2029, 2030);
	}

	@Test
	void theRulesDeriveExactlyTheShippedDaysForEveryShippedYear() {
		for (int year : this.holidays.shippedYears()) {
			assertThat(BankHolidays.byRule(year)).as("bank holidays of %d", year)
				.containsExactlyElementsOf(this.holidays.of(year));
		}
	}

	@Test
	void theShippedDaysAreTheVerifiedGovUkDates() {
		assertThat(this.holidays.of(2025))
			.containsExactlyElementsOf(days(2025, "01-01, 04-18, 04-21, 05-05, 05-26, 08-25, 12-25, 12-26"));
		assertThat(this.holidays.of(2026))
			.containsExactlyElementsOf(days(2026, "01-01, 04-03, 04-06, 05-04, 05-25, 08-31, 12-25, 12-28"));
		assertThat(this.holidays.of(2027))
			.containsExactlyElementsOf(days(2027, "01-01, 03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28"));
	}

	@Test
	void yearsBeyondTheListComeFromTheRules() {
		// 2031: Easter Sunday 13 April; 1 January a Wednesday; Christmas a Thursday
		assertThat(this.holidays.of(2031))
			.containsExactlyElementsOf(days(2031, "01-01, 04-11, 04-14, 05-05, 05-26, 08-25, 12-25, 12-26"));
		// 2033: Christmas on a Sunday, so Boxing Day Monday and Christmas substitute
		// Tuesday
		assertThat(this.holidays.of(2033)).contains(LocalDate.of(2033, 12, 26), LocalDate.of(2033, 12, 27));
	}

	@Test
	void easterByTheComputus() {
		assertThat(BankHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(BankHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(BankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(BankHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
	}

	private static List<LocalDate> days(int year, String monthDays) {
		return Stream.of(monthDays.split(",")).map((day) -> LocalDate.parse(year + "-" + day.trim())).toList();
	}

}
