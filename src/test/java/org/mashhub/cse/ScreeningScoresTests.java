package org.mashhub.cse;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scoring's arithmetic before the decision: present indicators count their weight, a
 * possible one the set points, an indicator not seen within the drop-out period is shown
 * but not scored, and the marks give the floors their facts.
 */
class ScreeningScoresTests {

	private static final LocalDate SCORED_ON = LocalDate.of(2026, 12, 1);

	private static final Instrument TOOL = new Instrument("test", 1, "Test", null, "CseRiskLevel",
			List.of(new Instrument.Domain("D", "Domain")),
			List.of(new Instrument.Indicator("A", "D", "Low one", "LOW", 1, Set.of()),
					new Instrument.Indicator("B", "D", "Medium one", "MEDIUM", 2, Set.of(Instrument.REPEAT_MISSING)),
					new Instrument.Indicator("C", "D", "High one", "HIGH", 3, Set.of(Instrument.DISCLOSURE)),
					new Instrument.Indicator("E", "D", "Another high", "HIGH", 3,
							Set.of(Instrument.CONTROLLING_OLDER_ADULT))));

	@Test
	void presentIndicatorsCountTheirWeightAndPossibleOnesTheSetPoints() {
		ScreeningScores.Scored scored = score(entry("A", IndicatorAnswer.PRESENT, SCORED_ON),
				entry("B", IndicatorAnswer.POSSIBLE, SCORED_ON), entry("C", IndicatorAnswer.PRESENT, SCORED_ON));

		assertThat(scored.inputs().score()).isEqualTo(1 + 1 + 3);
		assertThat(scored.inputs().age()).isEqualTo(15);
		assertThat(scored.inputs().highIndicatorPresent()).isTrue();
		assertThat(scored.inputs().disclosure()).isTrue();
		assertThat(scored.inputs().repeatMissing()).as("only a present indicator gives a floor its fact").isFalse();
		assertThat(scored.answers()).extracting(ScreeningHistory.Answer::indicatorCode).containsExactly("A", "B", "C");
	}

	@Test
	void absentIndicatorsAreNotRecordedOrScored() {
		ScreeningScores.Scored scored = score(entry("A", IndicatorAnswer.ABSENT, null));

		assertThat(scored.inputs().score()).isZero();
		assertThat(scored.answers()).isEmpty();
	}

	@Test
	void anIndicatorNotSeenWithinTheDropOutPeriodIsShownButNotScored() {
		ScreeningScores.Scored scored = score(entry("E", IndicatorAnswer.PRESENT, SCORED_ON.minusMonths(7)),
				entry("B", IndicatorAnswer.PRESENT, SCORED_ON.minusMonths(6)));

		assertThat(scored.inputs().score()).as("B was seen on the period's first day").isEqualTo(2);
		assertThat(scored.inputs().controllingOlderAdult()).isFalse();
		assertThat(scored.inputs().repeatMissing()).isTrue();
		assertThat(scored.answers()).filteredOn(ScreeningHistory.Answer::droppedOut)
			.extracting(ScreeningHistory.Answer::indicatorCode)
			.containsExactly("E");
	}

	@Test
	void theAgeIsPassedOnAsGivenUnknownIncluded() {
		ScreeningScores.Scored scored = ScreeningScores.score(TOOL, List.of(), SCORED_ON, null, 1, Period.ofMonths(6));

		assertThat(scored.inputs().age()).isNull();
	}

	private static ScreeningScores.Scored score(ScreeningForms.IndicatorEntry... entries) {
		return ScreeningScores.score(TOOL, List.of(entries), SCORED_ON, 15, 1, Period.ofMonths(6));
	}

	private static ScreeningForms.IndicatorEntry entry(String code, IndicatorAnswer answer, LocalDate seen) {
		return new ScreeningForms.IndicatorEntry(code, answer, seen, "Police", EvidenceBasis.CONCERN, null);
	}

}
