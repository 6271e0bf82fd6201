package org.mashhub.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When domestic abuse calls for a MARAC referral on the council's thresholds alone: a
 * DASH score of 14 of 24 or more, or 3 or more incidents in 12 months ("potential
 * escalation"), each met threshold giving its reason.
 */
class MaracThresholdsTests {

	private final MaracThresholds shipped = new MaracThresholds(14, 3);

	@Test
	void aDashScoreAtTheThresholdCallsForMarac() {
		assertThat(this.shipped.met(14, null)).containsExactly("DASH 14 of 24");
	}

	@Test
	void aDashScoreAboveTheThresholdCallsForMarac() {
		assertThat(this.shipped.met(24, null)).containsExactly("DASH 24 of 24");
	}

	@Test
	void aDashScoreBelowTheThresholdDoesNotCallForMarac() {
		assertThat(this.shipped.met(13, null)).isEmpty();
	}

	@Test
	void incidentsAtTheThresholdCallForMarac() {
		assertThat(this.shipped.met(null, 3)).containsExactly("3 incidents in 12 months");
	}

	@Test
	void incidentsBelowTheThresholdDoNotCallForMarac() {
		assertThat(this.shipped.met(null, 2)).isEmpty();
	}

	@Test
	void bothThresholdsMetGiveBothReasonsTheDashScoreFirst() {
		assertThat(this.shipped.met(14, 4)).containsExactly("DASH 14 of 24", "4 incidents in 12 months");
	}

	@Test
	void aDashScoreBelowTheThresholdLeavesTheIncidentsReasonAlone() {
		assertThat(this.shipped.met(5, 3)).containsExactly("3 incidents in 12 months");
	}

	@Test
	void nothingKnownCallsForNoMarac() {
		assertThat(this.shipped.met(null, null)).isEmpty();
	}

	@Test
	void theThresholdsAreTheCouncilsOwn() {
		MaracThresholds local = new MaracThresholds(10, 5);

		assertThat(local.met(10, 4)).containsExactly("DASH 10 of 24");
	}

}
