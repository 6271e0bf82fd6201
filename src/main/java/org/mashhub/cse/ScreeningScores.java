package org.mashhub.cse;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scoring's arithmetic, before the decision: each indicator of the instrument as
 * answered (left out is absent), the ones not seen within the drop-out period shown but
 * not scored, the score, and the facts the floors need. No server needed: tested alone.
 */
final class ScreeningScores {

	private ScreeningScores() {
	}

	/** The answers as recorded and what the decision is given. */
	record Scored(List<ScreeningHistory.Answer> answers, RiskDecision.Inputs inputs) {
	}

	static Scored score(Instrument instrument, List<ScreeningForms.IndicatorEntry> entries, LocalDate scoredOn,
			Integer age, int possiblePoints, Period dropOutAfter) {
		Map<String, ScreeningForms.IndicatorEntry> byCode = entries.stream()
			.filter((entry) -> entry.answer() != null)
			.collect(Collectors.toMap(ScreeningForms.IndicatorEntry::code, Function.identity(), (a, b) -> b));
		LocalDate seenSince = scoredOn.minus(dropOutAfter);
		List<ScreeningHistory.Answer> answers = new ArrayList<>();
		int score = 0;
		boolean high = false;
		boolean disclosure = false;
		boolean repeatMissing = false;
		boolean controllingAdult = false;
		for (Instrument.Indicator indicator : instrument.indicators()) {
			ScreeningForms.IndicatorEntry entry = byCode.get(indicator.code());
			if (entry == null || entry.answer() == IndicatorAnswer.ABSENT) {
				continue;
			}
			boolean droppedOut = entry.observedOn() != null && entry.observedOn().isBefore(seenSince);
			answers.add(new ScreeningHistory.Answer(indicator.code(), entry.answer(), entry.observedOn(),
					ScreeningForms.strip(entry.agency()), entry.basis(), ScreeningForms.strip(entry.note()),
					droppedOut));
			if (droppedOut) {
				continue;
			}
			if (entry.answer() == IndicatorAnswer.POSSIBLE) {
				score += possiblePoints;
				continue;
			}
			score += indicator.points();
			high |= indicator.isHigh();
			disclosure |= indicator.marks().contains(Instrument.DISCLOSURE);
			repeatMissing |= indicator.marks().contains(Instrument.REPEAT_MISSING);
			controllingAdult |= indicator.marks().contains(Instrument.CONTROLLING_OLDER_ADULT);
		}
		return new Scored(answers,
				new RiskDecision.Inputs(score, age, high, disclosure, repeatMissing, controllingAdult));
	}

}
