package org.mashhub.child;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingNameTests {

	@Test
	void accentsPunctuationCaseAndMiddleNamesDoNotStopAMatch() {
		assertThat(MatchingName.of("Zoë Anne", "O'Brien-Smith")).isEqualTo(MatchingName.of("ZOE", "obrien smith"))
			.isEqualTo("zoe obrien smith");
	}

	@Test
	void differentFirstNamesDoNotMatch() {
		assertThat(MatchingName.of("Zoe", "Smith")).isNotEqualTo(MatchingName.of("Zara", "Smith"));
	}

}
