package org.mashhub.missing.process;

/**
 * The ids of {@code bpmn/missing/MissingEpisodeProcess.bpmn}: its steps, messages and
 * variables, for code and tests.
 */
public final class MissingEpisodeProcess {

	public static final String PROCESS = "MissingEpisodeProcess";

	public static final String TASK_TELL_OF_REPORT = "Task_TellOfReport";

	public static final String GATEWAY_REPEAT_MISSING = "Gateway_RepeatMissing";

	public static final String END_NOT_REPEAT_MISSING = "EndEvent_NotRepeatMissing";

	public static final String TASK_HOLD_REPEAT_MISSING_MEETING = "Task_HoldRepeatMissingMeeting";

	public static final String TIMER_REPEAT_MISSING_MEETING_OVERDUE = "BoundaryEvent_RepeatMissingMeetingOverdue";

	public static final String TASK_ESCALATE_OVERDUE_REPEAT_MISSING_MEETING = "Task_EscalateOverdueRepeatMissingMeeting";

	public static final String END_REPEAT_MISSING_MEETING_HELD = "EndEvent_RepeatMissingMeetingHeld";

	public static final String SUBPROCESS_WHILE_MISSING = "SubProcess_WhileMissing";

	public static final String TASK_REVIEW_RISK = "Task_ReviewRisk";

	public static final String TIMER_RISK_REVIEW_OVERDUE = "BoundaryEvent_RiskReviewOverdue";

	public static final String TASK_ESCALATE_OVERDUE_RISK_REVIEW = "Task_EscalateOverdueRiskReview";

	public static final String TIMER_MISSING_A_DAY = "BoundaryEvent_MissingADay";

	public static final String TASK_TELL_MANAGER = "Task_TellManager";

	public static final String END_MANAGER_TOLD = "EndEvent_ManagerTold";

	public static final String TIMER_MISSING_THREE_DAYS = "BoundaryEvent_MissingThreeDays";

	public static final String BOUNDARY_RISK_RAISED_TO_HIGH = "BoundaryEvent_RiskRaisedToHigh";

	public static final String GATEWAY_HIGH_RISK = "Gateway_HighRisk";

	public static final String END_NOT_HIGH_RISK = "EndEvent_NotHighRisk";

	public static final String GATEWAY_STRATEGY_DISCUSSION_CALLED = "Gateway_StrategyDiscussionCalled";

	public static final String END_STRATEGY_DISCUSSION_ALREADY_CALLED = "EndEvent_StrategyDiscussionAlreadyCalled";

	public static final String TASK_CALL_STRATEGY_DISCUSSION = "Task_CallStrategyDiscussion";

	public static final String TASK_HOLD_STRATEGY_DISCUSSION = "Task_HoldStrategyDiscussion";

	public static final String TIMER_STRATEGY_DISCUSSION_NEARLY_DUE = "BoundaryEvent_StrategyDiscussionNearlyDue";

	public static final String TIMER_STRATEGY_DISCUSSION_OVERDUE = "BoundaryEvent_StrategyDiscussionOverdue";

	public static final String TASK_ESCALATE_OVERDUE_STRATEGY_DISCUSSION = "Task_EscalateOverdueStrategyDiscussion";

	public static final String END_STRATEGY_DISCUSSION_HELD = "EndEvent_StrategyDiscussionHeld";

	public static final String BOUNDARY_CHILD_RETURNED = "BoundaryEvent_ChildReturned";

	public static final String TASK_HOLD_RETURN_INTERVIEW = "Task_HoldReturnInterview";

	public static final String TIMER_RETURN_INTERVIEW_NEARLY_DUE = "BoundaryEvent_ReturnInterviewNearlyDue";

	public static final String TASK_WARN_RETURN_INTERVIEW_NEARLY_DUE = "Task_WarnReturnInterviewNearlyDue";

	public static final String TIMER_RETURN_INTERVIEW_OVERDUE = "BoundaryEvent_ReturnInterviewOverdue";

	public static final String TASK_ESCALATE_OVERDUE_RETURN_INTERVIEW = "Task_EscalateOverdueReturnInterview";

	public static final String END_RETURN_INTERVIEW_RECORDED = "EndEvent_ReturnInterviewRecorded";

	public static final String MESSAGE_CHILD_RETURNED = "ChildReturned";

	public static final String MESSAGE_RISK_RAISED_TO_HIGH = "RiskRaisedToHigh";

	public static final String REPORTED_AT = "reportedAt";

	public static final String STARTED_AT = "startedAt";

	public static final String LAST_REVIEWED_AT = "lastReviewedAt";

	public static final String REVIEW_HOURS = "reviewHours";

	public static final String RISK_HIGH = "riskHigh";

	public static final String REPEAT_MISSING = "repeatMissing";

	public static final String STRATEGY_DISCUSSION_CALLED_AT = "strategyDiscussionCalledAt";

	public static final String RETURNED_AT = "returnedAt";

	private MissingEpisodeProcess() {
	}

}
