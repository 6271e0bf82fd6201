package org.mashhub.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTests {

	private final WorkingCalendar calendar = SlaFixtures.calendar();

	@Test
	void weekendsChristmasBoxingDayGoodFridayAndBankHolidaysAreNotWorkingDays() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).as("Saturday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday 2026").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday 2026").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).as("Christmas Day, a Friday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).as("Boxing Day substitute").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 12, 27))).as("2027 Christmas substitute").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 12, 28))).as("2027 Boxing Day substitute").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).as("an ordinary Monday").isTrue();
	}

	@Test
	void aClosureDayIsNotAWorkingDay() {
		WorkingCalendar closed = SlaFixtures.calendar(LocalDate.of(2026, 11, 24));

		assertThat(closed.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
		assertThat(closed.plusWorkingDays(london("2026-11-23T10:00"), 1)).isEqualTo(london("2026-11-25T10:00"));
	}

	@Test
	void workingTimeCountsOnlyOfficeHoursOnWorkingDays() {
		// Friday 16:00 to Monday 16:00: one hour on Friday, seven on Monday
		assertThat(this.calendar.workingTimeBetween(london("2026-11-20T16:00"), london("2026-11-23T16:00")))
			.isEqualTo(Duration.ofHours(8));
		assertThat(this.calendar.plusWorkingTime(london("2026-11-20T15:00"), Duration.ofHours(4)))
			.isEqualTo(london("2026-11-23T11:00"));
		assertThat(this.calendar.minusWorkingTime(london("2026-11-23T11:00"), Duration.ofHours(4)))
			.isEqualTo(london("2026-11-20T15:00"));
	}

	@Test
	void workingDaysBetweenDatesCountsTheLaterDate() {
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)))
			.isEqualTo(3);
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 24)))
			.isEqualTo(-3);
	}

	static ZonedDateTime london(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE);
	}

}
