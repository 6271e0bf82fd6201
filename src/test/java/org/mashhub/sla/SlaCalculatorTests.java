package org.mashhub.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlaCalculatorTests {

	private final SlaCalculator sla = SlaFixtures.calculator(Map.of("ONE_WORKING_DAY", SlaFixtures.workingDays(1),
			"TEN_WORKING_DAYS", SlaFixtures.workingDays(10, 20), "SEVENTY_TWO_HOURS", SlaFixtures.hours(72, "PT24H"),
			"FOUR_HOURS", SlaFixtures.hours(4, "75%"), "BEFORE_THE_NEXT_SCHOOL_DAY",
			new SlaSettings.Policy(SlaClock.WORKING_DAY_STARTS, 1, "PT1H", null, null, null, null)));

	@Test
	void operationEncompassIsDueBeforeTheNextSchoolDayStarts() {
		// Friday night's incident: Monday 09:00
		assertThat(this.sla.dueAt("BEFORE_THE_NEXT_SCHOOL_DAY", Instant.parse("2026-11-20T20:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		// Early on a school day: that morning
		assertThat(this.sla.dueAt("BEFORE_THE_NEXT_SCHOOL_DAY", Instant.parse("2026-11-23T07:30:00Z")))
			.isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		// Once the day has begun: the next one
		assertThat(this.sla.dueAt("BEFORE_THE_NEXT_SCHOOL_DAY", Instant.parse("2026-11-23T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
		// Christmas Eve 2026: past Christmas Day, the weekend and the Boxing Day
		// substitute
		assertThat(this.sla.dueAt("BEFORE_THE_NEXT_SCHOOL_DAY", Instant.parse("2026-12-24T11:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-29T09:00:00Z"));
		// A summer evening in BST: 09:00 BST the next morning
		assertThat(this.sla.dueAt("BEFORE_THE_NEXT_SCHOOL_DAY", Instant.parse("2026-06-10T19:00:00Z")))
			.isEqualTo(Instant.parse("2026-06-11T08:00:00Z"));
	}

	@Test
	void aContactReceivedFridayAt4pmWithOneWorkingDayIsDueMondayAt4pm() {
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2026-11-20T16:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
	}

	@Test
	void aFridayBeforeABankHolidayMondayIsDueOnTuesday() {
		// 28 August 2026 is a Friday in BST; 31 August is the summer bank holiday
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2026-08-28T15:00:00Z")))
			.isEqualTo(Instant.parse("2026-09-01T15:00:00Z"));
	}

	@Test
	void easter2026SkipsGoodFridayAndEasterMonday() {
		// Maundy Thursday 2 April 2026, 10:00 BST
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2026-04-02T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-04-07T09:00:00Z"));
	}

	@Test
	void christmas2026SkipsChristmasTheWeekendAndTheBoxingDaySubstitute() {
		// Christmas Eve 2026 is a Thursday; 25 Dec Friday, 28 Dec the substitute for
		// Boxing Day
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2026-12-24T11:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-29T11:00:00Z"));
	}

	@Test
	void christmas2027SkipsBothSubstituteDays() {
		// 25 and 26 December 2027 are a weekend; 27 and 28 are the substitutes
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2027-12-24T15:00:00Z")))
			.isEqualTo(Instant.parse("2027-12-29T15:00:00Z"));
	}

	@Test
	void aReceiptOnSaturdayIsDueAtTheCloseOfMonday() {
		assertThat(this.sla.dueAt("ONE_WORKING_DAY", Instant.parse("2026-11-21T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
	}

	@Test
	void tenWorkingDaysOverEaster2026() {
		// Monday 30 March 2026, 12:00 BST: ten working days skip Good Friday and Easter
		// Monday
		assertThat(this.sla.dueAt("TEN_WORKING_DAYS", Instant.parse("2026-03-30T11:00:00Z")))
			.isEqualTo(Instant.parse("2026-04-15T11:00:00Z"));
	}

	@Test
	void seventyTwoHoursAcrossTheOctoberClockChangeAreSeventyTwoRealHours() {
		// Saturday 24 October 2026 12:00 BST; clocks go back at 02:00 BST on Sunday 25th
		Instant returned = Instant.parse("2026-10-24T11:00:00Z");

		Instant due = this.sla.dueAt("SEVENTY_TWO_HOURS", returned);

		assertThat(due).isEqualTo(Instant.parse("2026-10-27T11:00:00Z"));
		assertThat(due.atZone(WorkingCalendar.ZONE).toLocalTime()).as("11:00 GMT, not 12:00").hasHour(11);
		assertThat(this.sla.warnAt("SEVENTY_TWO_HOURS", returned)).isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
	}

	@Test
	void theWarningOfAWorkingDayPolicyIsAShareOfItsOfficeTime() {
		// Friday 16:00 to Monday 16:00 holds eight office hours; 75% is six: Monday 14:00
		assertThat(this.sla.warnAt("ONE_WORKING_DAY", Instant.parse("2026-11-20T16:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
	}

	@Test
	void theWarningOfAnHourPolicyIsAShareOfRealTime() {
		assertThat(this.sla.warnAt("FOUR_HOURS", Instant.parse("2026-11-21T22:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
	}

	@Test
	void aClosureDayMovesTheDueDate() {
		SlaCalculator closed = SlaFixtures.calculator(Map.of("ONE_WORKING_DAY", SlaFixtures.workingDays(1)),
				LocalDate.of(2026, 11, 23));

		assertThat(closed.dueAt("ONE_WORKING_DAY", Instant.parse("2026-11-20T16:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
	}

	@Test
	void anUnknownPolicyIsNamedInTheError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sla.dueAt("NO_SUCH", Instant.EPOCH))
			.withMessageContaining("NO_SUCH")
			.withMessageContaining("ONE_WORKING_DAY");
	}

}
