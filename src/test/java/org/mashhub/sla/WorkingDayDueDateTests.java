package org.mashhub.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage has one anchor, and N working days from it is one instant whatever path asks:
 * for anchors on every kind of day and hour (weekends, evenings, bank holidays, the two
 * clock changes) and N from 1 to 70.
 */
class WorkingDayDueDateTests {

	private static final String STAGE = "STAGE_2";

	private final WorkingCalendar calendar = SlaFixtures.calendar();

	private final SlaCalculator sla = new SlaCalculator(this.calendar,
			SlaFixtures.settings(Map.of(STAGE, SlaFixtures.workingDays(25, 70))));

	@Property(tries = 2000)
	void theDueForOneMoreWorkingDayIsExactlyOneWorkingDayLater(@ForAll("anchors") Instant anchor,
			@ForAll @IntRange(min = 1, max = 69) int days) {
		ZonedDateTime due = local(this.sla.dueAt(STAGE, anchor, days));
		ZonedDateTime oneMore = local(this.sla.dueAt(STAGE, anchor, days + 1));

		assertThat(oneMore.toLocalDate()).isEqualTo(this.calendar.nextWorkingDay(due.toLocalDate()));
		assertThat(oneMore.toLocalTime()).isEqualTo(due.toLocalTime());
		assertThat(this.calendar.isWorkingDay(due.toLocalDate())).isTrue();
	}

	@Property(tries = 2000)
	void anExtensionToNWorkingDaysIsDueWhenAFreshDeadlineOfNIs(@ForAll("anchors") Instant anchor,
			@ForAll @IntRange(min = 1, max = 70) int days) {
		SlaCalculator.Schedule extended = this.sla.schedule(STAGE, anchor, days, Duration.ZERO);

		assertThat(extended.dueAt()).isEqualTo(this.sla.dueAt(STAGE, anchor, days));
		assertThat(extended.warnAt()).isEqualTo(this.sla.warnAt(STAGE, anchor, days));
	}

	@Property(tries = 1000)
	void aDueIsNeverBeforeItsAnchorNorItsWarningAfterIt(@ForAll("anchors") Instant anchor,
			@ForAll @IntRange(min = 1, max = 70) int days) {
		SlaCalculator.Schedule schedule = this.sla.schedule(STAGE, anchor, days, Duration.ZERO);

		assertThat(schedule.dueAt()).isAfter(anchor);
		assertThat(schedule.warnAt()).isBetween(anchor, schedule.dueAt());
	}

	/**
	 * Instants in Europe/London from 2025 to 2029: any day, any quarter hour, with the
	 * days and hours where counting goes wrong weighted in.
	 */
	@Provide
	Arbitrary<Instant> anchors() {
		Arbitrary<LocalDate> anyDay = Arbitraries.integers()
			.between(0, 5 * 365)
			.map((offset) -> LocalDate.of(2025, 1, 1).plusDays(offset));
		Arbitrary<LocalDate> hardDay = Arbitraries.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25),
				LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
				LocalDate.of(2026, 12, 28), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 28),
				LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 27), LocalDate.of(2025, 12, 31));
		Arbitrary<LocalTime> anyTime = Arbitraries.integers()
			.between(0, 95)
			.map((q) -> LocalTime.of(q / 4, q % 4 * 15));
		Arbitrary<LocalTime> hardTime = Arbitraries.of(LocalTime.of(0, 0), LocalTime.of(1, 30), LocalTime.of(8, 59),
				LocalTime.of(9, 0), LocalTime.of(16, 59), LocalTime.of(17, 0), LocalTime.of(20, 0),
				LocalTime.of(23, 59));
		return Combinators
			.combine(Arbitraries.frequencyOf(Tuple.of(3, anyDay), Tuple.of(1, hardDay)),
					Arbitraries.frequencyOf(Tuple.of(3, anyTime), Tuple.of(1, hardTime)))
			.as((day, time) -> ZonedDateTime.of(day, time, WorkingCalendar.ZONE).toInstant());
	}

	private static ZonedDateTime local(Instant instant) {
		return instant.atZone(WorkingCalendar.ZONE);
	}

}
