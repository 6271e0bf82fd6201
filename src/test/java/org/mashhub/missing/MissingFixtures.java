package org.mashhub.missing;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Missing reports as the police system sends them, for a child of a name of their own
 * (tests share one database), on Monday 23 November 2026.
 */
public final class MissingFixtures {

	/** The child was last seen at 08:00 and reported at 09:00. */
	public static final Instant LAST_SEEN = Instant.parse("2026-11-23T08:00:00Z");

	public static final Instant REPORTED = Instant.parse("2026-11-23T09:00:00Z");

	/** Found at 15:00 the same day. */
	public static final Instant RETURNED = Instant.parse("2026-11-23T15:00:00Z");

	private MissingFixtures() {
	}

	/** A family name no other test uses. */
	public static String aFamilyName() {
		StringBuilder name = new StringBuilder("Miss");
		for (int i = 0; i < 8; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return name.toString();
	}

	/** A medium-risk report of a child missing, last seen at {@code lastSeenAt}. */
	public static String aReport(String familyName, String riskGrade, Instant lastSeenAt, Instant reportedAt) {
		return """
				{"child": {"givenNames": "Robin", "familyName": "%s", "dateOfBirth": "2011-05-06", "gender": "Male"},
				 "type": "M", "riskGrade": "%s", "lastSeenAt": "%s", "reportedAt": %s,
				 "reportedByName": "PC Lee", "reportedByRole": "Police officer", "policeReference": "P-%s",
				 "placement": "The Oaks children's home", "circumstances": "Left the home after an argument."}"""
			.formatted(familyName, riskGrade, lastSeenAt, (reportedAt != null) ? "\"" + reportedAt + "\"" : "null",
					familyName);
	}

	public static String aReport(String familyName) {
		return aReport(familyName, "MEDIUM", LAST_SEEN, REPORTED);
	}

	public static String aReturn(Instant returnedAt) {
		return """
				{"returnedAt": "%s", "foundBy": "PC Lee", "foundWhere": "Bus station",
				 "preventionInterviewAt": "%s", "preventionInterviewBy": "PC Lee"}""".formatted(returnedAt,
				returnedAt.plusSeconds(1800));
	}

}
