package org.mashhub.missing;

import java.time.Instant;

/**
 * What happened in an episode, for its page: the timeline, the risk reviews and the
 * meetings.
 */
public final class EpisodeHistory {

	private EpisodeHistory() {
	}

	/** A timeline line. */
	public record Event(Instant occurredAt, String actor, String summary) {
	}

	/** A risk review as recorded. */
	public record Review(Instant reviewedAt, String reviewedBy, String gradeFrom, String gradeTo, String reason,
			String notes) {
	}

	/** A strategy discussion or repeat-missing meeting as recorded. */
	public record Meeting(String kind, Instant heldAt, String attendees, String outcome, String actions,
			String recordedBy) {
	}

}
