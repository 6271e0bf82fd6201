package org.mashhub.referral.process;

/**
 * The ids and variables of {@code bpmn/referral/ContactTriageProcess.bpmn}, used by code
 * and tests alike.
 */
public final class ContactTriageProcess {

	public static final String PROCESS = "ContactTriageProcess";

	public static final String START_CONTACT_RECEIVED = "StartEvent_ContactReceived";

	public static final String TASK_CHECK_IDENTITY_AND_HISTORY = "Task_CheckIdentityAndHistory";

	public static final String TASK_TELL_SCHOOL = "Task_TellSchool";

	public static final String END_NO_SCHOOL_TO_TELL = "EndEvent_NoSchoolToTell";

	public static final String TASK_SCREEN_CONTACT = "Task_ScreenContact";

	public static final String TIMER_SCREENING_NEARLY_DUE = "BoundaryEvent_ScreeningNearlyDue";

	public static final String TASK_WARN_SCREENING_NEARLY_DUE = "Task_WarnScreeningNearlyDue";

	public static final String END_SCREENING_WARNED = "EndEvent_ScreeningWarned";

	public static final String TIMER_SCREENING_OVERDUE = "BoundaryEvent_ScreeningOverdue";

	public static final String TASK_ESCALATE_OVERDUE_SCREENING = "Task_EscalateOverdueScreening";

	public static final String END_SCREENING_ESCALATED = "EndEvent_ScreeningEscalated";

	public static final String TASK_ALERT_MANAGERS_TO_RED_CONTACT = "Task_AlertManagersToRedContact";

	public static final String TASK_REFER_TO_MARAC = "Task_ReferToMarac";

	/**
	 * High-risk domestic abuse on an open case: the MARAC referral does not wait for
	 * screening.
	 */
	public static final String TASK_REFER_OPEN_CASE_TO_MARAC = "Task_ReferOpenCaseToMarac";

	public static final String SUBPROCESS_AGENCY_CHECK = "SubProcess_AgencyCheck";

	public static final String TASK_ANSWER_AGENCY_CHECK = "Task_AnswerAgencyCheck";

	public static final String TIMER_NO_RESPONSE_IN_TIME = "BoundaryEvent_NoResponseInTime";

	public static final String TASK_CLOSE_UNANSWERED_CHECK = "Task_CloseUnansweredCheck";

	public static final String TASK_THRESHOLD_DECISION = "Task_ThresholdDecision";

	public static final String TIMER_DECISION_NEARLY_DUE = "BoundaryEvent_DecisionNearlyDue";

	public static final String TASK_WARN_DECISION_NEARLY_DUE = "Task_WarnDecisionNearlyDue";

	public static final String END_DECISION_WARNED = "EndEvent_DecisionWarned";

	public static final String TIMER_DECISION_OVERDUE = "BoundaryEvent_DecisionOverdue";

	public static final String TASK_ESCALATE_OVERDUE_DECISION = "Task_EscalateOverdueDecision";

	public static final String END_DECISION_ESCALATED = "EndEvent_DecisionEscalated";

	public static final String TASK_FEEDBACK_TO_REFERRER = "Task_FeedbackToReferrer";

	public static final String TASK_STEP_DOWN_TO_EARLY_HELP = "Task_StepDownToEarlyHelp";

	public static final String TASK_HOLD_STRATEGY_DISCUSSION = "Task_HoldStrategyDiscussion";

	public static final String TIMER_STRATEGY_DISCUSSION_OVERDUE = "BoundaryEvent_StrategyDiscussionOverdue";

	public static final String TASK_ESCALATE_OVERDUE_STRATEGY_DISCUSSION = "Task_EscalateOverdueStrategyDiscussion";

	public static final String END_STRATEGY_DISCUSSION_ESCALATED = "EndEvent_StrategyDiscussionEscalated";

	public static final String TASK_CHILD_AND_FAMILY_ASSESSMENT = "Task_ChildAndFamilyAssessment";

	public static final String TIMER_ASSESSMENT_OVERDUE = "BoundaryEvent_AssessmentOverdue";

	public static final String TASK_ESCALATE_OVERDUE_ASSESSMENT = "Task_EscalateOverdueAssessment";

	public static final String END_ASSESSMENT_ESCALATED = "EndEvent_AssessmentEscalated";

	public static final String TASK_INFORM_ALLOCATED_WORKER = "Task_InformAllocatedWorker";

	public static final String END_NO_FURTHER_MASH_ACTION = "EndEvent_NoFurtherMashAction";

	public static final String END_NO_RESPONSE_IN_TIME = "EndEvent_NoResponseInTime";

	public static final String END_MARAC_REFERRAL_MADE = "EndEvent_MaracReferralMade";

	public static final String END_NO_MARAC_REFERRAL = "EndEvent_NoMaracReferral";

	public static final String END_PASSED_TO_ALLOCATED_WORKER = "EndEvent_PassedToAllocatedWorker";

	public static final String END_REFERRER_TOLD = "EndEvent_ReferrerTold";

	/** The instant the contact was received: anchors the decision and the assessment. */
	public static final String RECEIVED_AT = "receivedAt";

	/** The SLA policy of the threshold decision (1 working day, or 24 hours). */
	public static final String DECISION_POLICY = "decisionPolicy";

	public static final String OPEN_CASE = "openCase";

	/**
	 * A police domestic-abuse notification: the child's school is told (Operation
	 * Encompass).
	 */
	public static final String OPERATION_ENCOMPASS = "operationEncompass";

	public static final String ALLOCATED_WORKER = "allocatedWorker";

	public static final String RAG = "rag";

	/** The SLA policy of the RAG target, which the agency checks are due by. */
	public static final String RAG_POLICY = "ragPolicy";

	public static final String RAG_SET_AT = "ragSetAt";

	public static final String SCREENED_AT = "screenedAt";

	public static final String AGENCY_CHECKS_ASKED = "agencyChecksAsked";

	/** One agency check's id, for each instance of the agency check. */
	public static final String AGENCY_CHECK_ID = "agencyCheckId";

	public static final String MARAC_REFERRAL = "maracReferral";

	public static final String OUTCOME = "outcome";

	public static final String DECIDED_AT = "decidedAt";

	/** The steps done on the triage's own form. */
	public static final java.util.List<String> STEPS_DONE_WITH_A_NOTE = java.util.List.of(TASK_TELL_SCHOOL,
			TASK_REFER_TO_MARAC, TASK_REFER_OPEN_CASE_TO_MARAC, TASK_STEP_DOWN_TO_EARLY_HELP,
			TASK_HOLD_STRATEGY_DISCUSSION, TASK_CHILD_AND_FAMILY_ASSESSMENT, TASK_INFORM_ALLOCATED_WORKER);

	private ContactTriageProcess() {
	}

}
