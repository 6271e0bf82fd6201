package org.mashhub.missing;

import java.util.Map;

import org.mashhub.missing.process.MissingEpisodeProcess;

/**
 * How much of a missing episode its reader may see (../shared/domain.md §5). The
 * coordinators, the service managers told of it, the exploitation team and the child's
 * social worker read everything; the return interview worker the episode and the child's
 * name, age and placement, and the interview they recorded; a partner system its own
 * report and the return. Anyone else is told there is no such episode. Reviewed in
 * {@code TaskReadingTests} (by step) and {@code MissingEpisodeReadingTests}.
 */
public enum EpisodeReading {

	/** The report and the return, nothing the council found or decided. */
	OWN_REPORT,
	/**
	 * The report, the return and the child's name, age and placement, for the interview;
	 * no risk reviews, meetings or the child's record.
	 */
	FOR_INTERVIEW,
	/** The episode, its timeline, reviews, meetings and the return home interview. */
	WHOLE_EPISODE;

	/** What each user task's own people may read. */
	public static final Map<String, EpisodeReading> BY_STEP = Map.of(MissingEpisodeProcess.TASK_REVIEW_RISK,
			WHOLE_EPISODE, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION, WHOLE_EPISODE,
			MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING, WHOLE_EPISODE,
			MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW, FOR_INTERVIEW);

	public boolean seesInterview() {
		return this != OWN_REPORT;
	}

	public boolean seesCaseWork() {
		return this == WHOLE_EPISODE;
	}

}
