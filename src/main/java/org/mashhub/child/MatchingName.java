package org.mashhub.child;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as matching compares it: without accents, punctuation, case or extra spaces, so
 * that "Zoë O'Brien-Smith" and "zoe obrien smith" are the same.
 */
final class MatchingName {

	private MatchingName() {
	}

	static String of(String givenNames, String familyName) {
		return normalise(firstName(givenNames) + " " + familyName);
	}

	private static String firstName(String givenNames) {
		String normalised = normalise(givenNames);
		int space = normalised.indexOf(' ');
		return (space < 0) ? normalised : normalised.substring(0, space);
	}

	static String normalise(String name) {
		String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return withoutAccents.toLowerCase(Locale.UK).replaceAll("['’`]", "").replaceAll("[^\\p{L}]+", " ").strip();
	}

}
