package org.mashhub.cse.process;

/**
 * The ids of {@code bpmn/cse/CseScreeningProcess.bpmn} and
 * {@code bpmn/cse/CseRiskLevel.dmn}: steps, decisions and variables, for code and tests.
 */
public final class CseScreeningProcess {

	public static final String PROCESS = "CseScreeningProcess";

	public static final String DECISION_RISK_LEVEL = "CseRiskLevel";

	public static final String TASK_TELL_OF_SCREENING = "Task_TellOfScreening";

	public static final String TASK_SCREEN_CHILD = "Task_ScreenChild";

	public static final String TIMER_SCREENING_NEARLY_DUE = "BoundaryEvent_ScreeningNearlyDue";

	public static final String TIMER_SCREENING_OVERDUE = "BoundaryEvent_ScreeningOverdue";

	public static final String TASK_ESCALATE_OVERDUE_SCREENING = "Task_EscalateOverdueScreening";

	public static final String GATEWAY_LOWERED_BELOW_COMPUTED = "Gateway_LoweredBelowComputed";

	public static final String TASK_APPROVE_LOWER_LEVEL = "Task_ApproveLowerLevel";

	public static final String TIMER_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";

	public static final String END_RISK_REDUCED = "EndEvent_RiskReduced";

	public static final String END_ACTIONS_UNCHANGED = "EndEvent_ActionsUnchanged";

	public static final String TASK_ADVISE_OR_STEP_DOWN = "Task_AdviseOrStepDown";

	public static final String TIMER_STEP_DOWN_OVERDUE = "BoundaryEvent_StepDownOverdue";

	public static final String TASK_HOLD_RISK_MANAGEMENT_MEETING = "Task_HoldRiskManagementMeeting";

	public static final String TIMER_RISK_MANAGEMENT_MEETING_OVERDUE = "BoundaryEvent_RiskManagementMeetingOverdue";

	public static final String TASK_HOLD_STRATEGY_DISCUSSION = "Task_HoldStrategyDiscussion";

	public static final String TIMER_STRATEGY_DISCUSSION_OVERDUE = "BoundaryEvent_StrategyDiscussionOverdue";

	public static final String TASK_REFER_TO_MACE = "Task_ReferToMace";

	public static final String TIMER_MACE_REFERRAL_OVERDUE = "BoundaryEvent_MaceReferralOverdue";

	public static final String TASK_REVIEW_SCREENING = "Task_ReviewScreening";

	public static final String TIMER_REVIEW_NEARLY_DUE = "BoundaryEvent_ReviewNearlyDue";

	public static final String TIMER_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";

	public static final String TASK_ESCALATE_OVERDUE_REVIEW = "Task_EscalateOverdueReview";

	public static final String START_TURNS_EIGHTEEN = "StartEvent_TurnsEighteen";

	public static final String TASK_CLOSE_AT_EIGHTEEN = "Task_CloseAtEighteen";

	public static final String END_TURNED_EIGHTEEN = "EndEvent_TurnedEighteen";

	public static final String OPENED_AT = "openedAt";

	public static final String LAST_SCORED_AT = "lastScoredAt";

	public static final String LEVEL_SETTLED_AT = "levelSettledAt";

	public static final String LEVEL = "level";

	public static final String AWAITING_APPROVAL = "awaitingApproval";

	public static final String ACTIONS_DUE = "actionsDue";

	public static final String CLOSED = "closed";

	public static final String REVIEW_POLICY = "reviewPolicy";

	public static final String APPROVERS = "approvers";

	public static final String EIGHTEENTH_BIRTHDAY = "eighteenthBirthday";

	private CseScreeningProcess() {
	}

}
