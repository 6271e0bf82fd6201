package org.mashhub.referral;

import java.util.Map;

import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.tasks.WorkItem;

/**
 * How much of a child's contact a triage task shows its reader: need to know, step by
 * step. The table {@link #BY_STEP} is what each step's own people (its candidate groups
 * and the person it is assigned to) may read; anyone else who sees the task (a manager of
 * its team reassigning it) reads its label, due date and holder only. MASH social workers
 * and managers, who may read any contact, read the whole triage wherever they meet it.
 */
public enum TriageReading {

	/** The work item alone: what it is, whose, when due. */
	LABEL,
	/**
	 * Operation Encompass: the child, the school, and that the police notified a domestic
	 * incident, and when. No concerns, referrer or risk assessment.
	 */
	SCHOOL_NOTICE,
	/** The agency's own information request, never the contact or other agencies. */
	AGENCY_REQUEST,
	/**
	 * Feedback: who referred and how to reach them, the outcome, and whether (and how)
	 * the family may be written to. No concerns, screening or rationale.
	 */
	REFERRER_FEEDBACK,
	/** A step-down: the contact and the decision, without what each agency said. */
	CONTACT_WITHOUT_AGENCY_ANSWERS,
	/** The whole triage: the contact, screening, every agency's answer, the decision. */
	WHOLE_TRIAGE;

	/**
	 * What each user task's own people may read. Reviewed in {@code TaskReadingTests}.
	 */
	public static final Map<String, TriageReading> BY_STEP = Map.ofEntries(
			Map.entry(ContactTriageProcess.TASK_TELL_SCHOOL, SCHOOL_NOTICE),
			Map.entry(ContactTriageProcess.TASK_SCREEN_CONTACT, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_REFER_TO_MARAC, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_REFER_OPEN_CASE_TO_MARAC, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, AGENCY_REQUEST),
			Map.entry(ContactTriageProcess.TASK_THRESHOLD_DECISION, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_STEP_DOWN_TO_EARLY_HELP, CONTACT_WITHOUT_AGENCY_ANSWERS),
			Map.entry(ContactTriageProcess.TASK_HOLD_STRATEGY_DISCUSSION, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER, WHOLE_TRIAGE),
			Map.entry(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER, REFERRER_FEEDBACK));

	/** What this reader may read of this task. */
	public static TriageReading of(WorkItem item, CurrentUser reader) {
		if (reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)) {
			return WHOLE_TRIAGE;
		}
		boolean worksIt = reader.username().equals(item.assignee())
				|| item.candidateGroups().stream().anyMatch(reader::isIn);
		return worksIt ? BY_STEP.getOrDefault(item.taskDefinitionKey(), LABEL) : LABEL;
	}

}
