package org.mashhub.child;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the go-live import's tests share: the first row of a file, names no other test
 * uses, and the one record a row should have left.
 */
final class ChildImportFiles {

	/** The first row as the page documents it. */
	static final String HEADER = "NHS number,Given names,Family name,Date of birth,Allocated worker,CP plan start,"
			+ "CP plan end\n";

	private ChildImportFiles() {
	}

	/** A family name no other test uses: letters only, as matching reads names. */
	static String uniqueFamilyName(String prefix) {
		StringBuilder name = new StringBuilder(prefix);
		for (int i = 0; i < 8; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return name.toString();
	}

	/** The one record with this name and date of birth. */
	static Child onlyRecord(ChildRecords children, String givenNames, String familyName, LocalDate dateOfBirth) {
		List<ChildRecords.PossibleMatch> matches = children.possibleMatches(givenNames, familyName, dateOfBirth, null);
		assertThat(matches).as("records of %s %s", givenNames, familyName).hasSize(1);
		return matches.get(0).child();
	}

}
