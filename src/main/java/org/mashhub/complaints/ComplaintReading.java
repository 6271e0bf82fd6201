package org.mashhub.complaints;

import java.util.Map;

import org.mashhub.complaints.process.ComplaintProcess;

/**
 * How much of a complaint a complaint task shows its reader. Every step's own people (the
 * complaints team, the service manager who adjudicates or answers the panel, the
 * investigator allocated by name) need the whole complaint to answer it; anyone who may
 * not read the complaint (see {@link Complaints#mayRead}) is told the task does not
 * exist. Reviewed in {@code TaskReadingTests}.
 */
public enum ComplaintReading {

	/** The complaint, its stages, findings and deadlines. */
	WHOLE_COMPLAINT;

	public static final Map<String, ComplaintReading> BY_STEP = Map.of(ComplaintProcess.TASK_ACKNOWLEDGE,
			WHOLE_COMPLAINT, ComplaintProcess.TASK_RESPOND_STAGE_1, WHOLE_COMPLAINT,
			ComplaintProcess.TASK_AGREE_WRITTEN_RECORD, WHOLE_COMPLAINT, ComplaintProcess.TASK_INVESTIGATE_STAGE_2,
			WHOLE_COMPLAINT, ComplaintProcess.TASK_ADJUDICATE_STAGE_2, WHOLE_COMPLAINT,
			ComplaintProcess.TASK_CONVENE_PANEL, WHOLE_COMPLAINT, ComplaintProcess.TASK_RECORD_PANEL_REPORT,
			WHOLE_COMPLAINT, ComplaintProcess.TASK_RESPOND_TO_PANEL, WHOLE_COMPLAINT);

}
