package org.mashhub.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policies and calendars for SLA tests, independent of application.yml.
 */
final class SlaFixtures {

	static final SlaSettings.WorkingDay NINE_TO_FIVE = new SlaSettings.WorkingDay(LocalTime.of(9, 0),
			LocalTime.of(17, 0));

	private SlaFixtures() {
	}

	static SlaSettings.Policy workingDays(int amount) {
		return new SlaSettings.Policy(SlaClock.WORKING_DAYS, amount, "75%", null, null, List.of("mash-manager"),
				List.of("mash-manager"));
	}

	static SlaSettings.Policy workingDays(int amount, int maximum) {
		return new SlaSettings.Policy(SlaClock.WORKING_DAYS, amount, "80%", maximum, List.of("service-manager"),
				List.of(), List.of("complaints-manager"));
	}

	static SlaSettings.Policy hours(int amount, String warning) {
		return new SlaSettings.Policy(SlaClock.HOURS, amount, warning, null, null, null, null);
	}

	static WorkingCalendar calendar(LocalDate... closureDays) {
		Set<LocalDate> closed = Set.of(closureDays);
		ClosureDays closures = new ClosureDays(null) {
			@Override
			boolean contains(LocalDate day) {
				return closed.contains(day);
			}
		};
		return new WorkingCalendar(BankHolidays.shipped(), closures, settings(Map.of()));
	}

	static SlaCalculator calculator(Map<String, SlaSettings.Policy> policies, LocalDate... closureDays) {
		return new SlaCalculator(calendar(closureDays), settings(policies));
	}

	static SlaSettings settings(Map<String, SlaSettings.Policy> policies) {
		return new SlaSettings(NINE_TO_FIVE, policies);
	}

}
