package org.mashhub.referral;

import java.util.ArrayList;
import java.util.List;

/**
 * When domestic abuse calls for a MARAC referral on the local thresholds alone, whatever
 * anyone's judgement: a DASH score or a count of incidents in 12 months at or above the
 * council's figure.
 */
public record MaracThresholds(int dashTicks, int incidents) {

	/** Why the thresholds call for MARAC, one reason each met; empty when none is. */
	public List<String> met(Integer dashTicksGiven, Integer incidentsLast12Months) {
		List<String> reasons = new ArrayList<>();
		if (dashTicksGiven != null && dashTicksGiven >= this.dashTicks) {
			reasons.add("DASH " + dashTicksGiven + " of 24");
		}
		if (incidentsLast12Months != null && incidentsLast12Months >= this.incidents) {
			reasons.add(incidentsLast12Months + " incidents in 12 months");
		}
		return reasons;
	}

	List<String> met(TriageView.DomesticAbuse abuse) {
		return (abuse != null) ? met(abuse.dashTicks(), abuse.incidentsLast12Months()) : List.of();
	}

}
