package org.mashhub.child;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NhsNumberTests {

	private static final String CHECK_DIGIT_ZERO = "1000000060";

	@Test
	void aNumberWithTheRightCheckDigitIsValidWithOrWithoutSpaces() {
		assertThat(NhsNumber.isValid("9434765919")).isTrue();
		assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
		assertThat(NhsNumber.isValid("943-476-5919")).isTrue();
		assertThat(NhsNumber.isValid("4010232137")).isTrue();
		// 11 - (sum mod 11) = 11 gives check digit 0
		assertThat(NhsNumber.isValid(CHECK_DIGIT_ZERO)).isTrue();
	}

	@Test
	void aWrongCheckDigitIsInvalid() {
		assertThat(NhsNumber.isValid("9434765918")).isFalse();
		assertThat(NhsNumber.isValid("4010232138")).isFalse();
	}

	@Test
	void nineDigitsWhoseCheckWouldBeTenHaveNoValidNumber() {
		// 1 to 9 weighted 10 to 2 sum to 210; 210 mod 11 is 1, a check of 10, which no
		// digit can be
		assertThat(expectedCheck("123456789")).isEqualTo(-1);
		for (int last = 0; last <= 9; last++) {
			assertThat(NhsNumber.isValid("123456789" + last)).as("123456789" + last)
				.isEqualTo(last == expectedCheck("123456789"));
		}
	}

	@Test
	void anythingButTenDigitsIsInvalid() {
		assertThat(NhsNumber.isValid("943476591")).isFalse();
		assertThat(NhsNumber.isValid("94347659190")).isFalse();
		assertThat(NhsNumber.isValid("94347659X9")).isFalse();
		assertThat(NhsNumber.isValid("")).isFalse();
		assertThat(NhsNumber.isValid(null)).isFalse();
	}

	/**
	 * The modulus 11 algorithm written out independently, or -1 when no number is valid.
	 */
	private static int expectedCheck(String nine) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += Character.getNumericValue(nine.charAt(i)) * (10 - i);
		}
		int check = (11 - sum % 11) % 11;
		return (check == 10) ? -1 : check;
	}

}
