package org.mashhub.cse;

import java.util.Map;

import org.mashhub.cse.process.CseScreeningProcess;

/**
 * How much of an exploitation screening its reader may see (../shared/domain.md §5): the
 * exploitation coordinators and MASH managers everything; the child's allocated worker
 * everything but associates (who may name suspected adults); the manager asked to approve
 * a lowered level the scorings and their why, nothing of places, actions or plans. Anyone
 * else is told there is no such screening. Reviewed in {@code TaskReadingTests} (by
 * step).
 */
public enum CseReading {

	/** The screening's scorings, levels and rationale, for the approval. */
	FOR_APPROVAL,
	/** Everything but associates. */
	FOR_CHILDS_WORKER,
	/**
	 * The screening, its concerns, scorings, actions, safety plans, places and groups.
	 */
	WHOLE_SCREENING;

	/** What each user task's own people may read. */
	public static final Map<String, CseReading> BY_STEP = Map.of(CseScreeningProcess.TASK_SCREEN_CHILD, WHOLE_SCREENING,
			CseScreeningProcess.TASK_REVIEW_SCREENING, WHOLE_SCREENING, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL,
			FOR_APPROVAL, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN, WHOLE_SCREENING,
			CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING, WHOLE_SCREENING,
			CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION, WHOLE_SCREENING, CseScreeningProcess.TASK_REFER_TO_MACE,
			WHOLE_SCREENING);

	public boolean seesCaseWork() {
		return this != FOR_APPROVAL;
	}

	public boolean sees(PlaceKind kind) {
		return this == WHOLE_SCREENING || (this == FOR_CHILDS_WORKER && kind != PlaceKind.ASSOCIATE);
	}

}
