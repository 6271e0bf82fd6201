package org.mashhub.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * NHS numbers for tests: valid by the mod-11 check, and random so no two tests share one.
 */
public final class NhsNumbers {

	private NhsNumbers() {
	}

	/** A random NHS number with a correct mod-11 check digit. */
	public static String random() {
		while (true) {
			int[] digits = ThreadLocalRandom.current().ints(9, 0, 10).toArray();
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += digits[i] * (10 - i);
			}
			int check = 11 - (sum % 11);
			if (check == 10) {
				continue;
			}
			StringBuilder number = new StringBuilder();
			for (int digit : digits) {
				number.append(digit);
			}
			return number.append((check == 11) ? 0 : check).toString();
		}
	}

}
