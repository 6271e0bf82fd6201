package org.mashhub.missing;

import java.time.Instant;
import java.util.List;

/**
 * A return home interview as recorded. Whether it was in time is not typed: it is the
 * ledger's deadline ({@code dueAt}) against when it was recorded.
 */
public record ReturnInterview(Offer offer, InterviewOutcome outcome, String outcomeReason, String carerKnows, Held held,
		Findings findings, Instant recordedAt, String recordedBy, Instant dueAt) {

	public boolean inTime() {
		return !this.recordedAt.isAfter(this.dueAt);
	}

	public record Offer(Instant offeredAt, String how, String by) {
	}

	/** Where and by whom, when it was held. */
	public record Held(Instant heldAt, String where, String interviewer, ProviderType providerType) {
	}

	/** What the child said and what was done. */
	public record Findings(String beforeEpisode, String duringEpisode, String afterEpisode, List<String> pushFactors,
			List<String> pullFactors, String factorsNote, String harm, String childWords, String actions,
			boolean intelligenceToPolice, String intelligenceNote, List<String> exploitationIndicators) {
	}

}
