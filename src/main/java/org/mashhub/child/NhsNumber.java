package org.mashhub.child;

/**
 * An NHS number: ten digits, the last a modulus 11 check digit over the first nine
 * (weights 10 to 2).
 */
public final class NhsNumber {

	private NhsNumber() {
	}

	/** The ten digits without spaces or hyphens, e.g. "943 476 5919" → "9434765919". */
	public static String normalise(String input) {
		return (input != null) ? input.replaceAll("[\\s-]", "") : null;
	}

	/**
	 * Whether the input (spaces and hyphens allowed) is an NHS number with a correct
	 * check digit.
	 */
	public static boolean isValid(String input) {
		String digits = normalise(input);
		if (digits == null || !digits.matches("\\d{10}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (digits.charAt(i) - '0') * (10 - i);
		}
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		// A remainder giving 10 means no valid number has these nine digits
		return check != 10 && check == digits.charAt(9) - '0';
	}

}
