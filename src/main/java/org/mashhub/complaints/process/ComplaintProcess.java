package org.mashhub.complaints.process;

/**
 * The ids of {@code bpmn/complaints/ComplaintProcess.bpmn}: its steps, messages and
 * variables, for code and tests.
 */
public final class ComplaintProcess {

	public static final String PROCESS = "ComplaintProcess";

	public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeComplaint";

	public static final String TIMER_ACKNOWLEDGEMENT_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";

	public static final String TASK_ESCALATE_OVERDUE_ACKNOWLEDGEMENT = "Task_EscalateOverdueAcknowledgement";

	public static final String END_ACKNOWLEDGEMENT_ESCALATED = "EndEvent_AcknowledgementEscalated";

	public static final String TASK_RESPOND_STAGE_1 = "Task_RespondStage1";

	public static final String TIMER_STAGE_1_RESPONSE_NEARLY_DUE = "BoundaryEvent_Stage1ResponseNearlyDue";

	public static final String TASK_WARN_STAGE_1_RESPONSE_NEARLY_DUE = "Task_WarnStage1ResponseNearlyDue";

	public static final String END_STAGE_1_RESPONSE_WARNED = "EndEvent_Stage1ResponseWarned";

	public static final String TIMER_STAGE_1_RESPONSE_OVERDUE = "BoundaryEvent_Stage1ResponseOverdue";

	public static final String TASK_ESCALATE_OVERDUE_STAGE_1_RESPONSE = "Task_EscalateOverdueStage1Response";

	public static final String END_STAGE_1_RESPONSE_ESCALATED = "EndEvent_Stage1ResponseEscalated";

	public static final String TASK_AGREE_WRITTEN_RECORD = "Task_AgreeWrittenRecord";

	public static final String TIMER_WRITTEN_RECORD_OVERDUE = "BoundaryEvent_WrittenRecordOverdue";

	public static final String TASK_ESCALATE_OVERDUE_WRITTEN_RECORD = "Task_EscalateOverdueWrittenRecord";

	public static final String END_WRITTEN_RECORD_ESCALATED = "EndEvent_WrittenRecordEscalated";

	public static final String TASK_INVESTIGATE_STAGE_2 = "Task_InvestigateStage2";

	public static final String TIMER_INVESTIGATION_NEARLY_DUE = "BoundaryEvent_InvestigationNearlyDue";

	public static final String TASK_WARN_INVESTIGATION_NEARLY_DUE = "Task_WarnInvestigationNearlyDue";

	public static final String END_INVESTIGATION_WARNED = "EndEvent_InvestigationWarned";

	public static final String TIMER_INVESTIGATION_OVERDUE = "BoundaryEvent_InvestigationOverdue";

	public static final String TASK_ESCALATE_OVERDUE_INVESTIGATION = "Task_EscalateOverdueInvestigation";

	public static final String END_INVESTIGATION_ESCALATED = "EndEvent_InvestigationEscalated";

	public static final String TASK_ADJUDICATE_STAGE_2 = "Task_AdjudicateStage2";

	public static final String TIMER_ADJUDICATION_OVERDUE = "BoundaryEvent_AdjudicationOverdue";

	public static final String TASK_ESCALATE_OVERDUE_ADJUDICATION = "Task_EscalateOverdueAdjudication";

	public static final String END_ADJUDICATION_ESCALATED = "EndEvent_AdjudicationEscalated";

	public static final String TASK_CONVENE_PANEL = "Task_ConvenePanel";

	public static final String TIMER_PANEL_NEARLY_DUE = "BoundaryEvent_PanelNearlyDue";

	public static final String TASK_WARN_PANEL_NEARLY_DUE = "Task_WarnPanelNearlyDue";

	public static final String END_PANEL_WARNED = "EndEvent_PanelWarned";

	public static final String TIMER_PANEL_OVERDUE = "BoundaryEvent_PanelOverdue";

	public static final String TASK_ESCALATE_OVERDUE_PANEL = "Task_EscalateOverduePanel";

	public static final String END_PANEL_ESCALATED = "EndEvent_PanelEscalated";

	public static final String TASK_RECORD_PANEL_REPORT = "Task_RecordPanelReport";

	public static final String TIMER_PANEL_REPORT_OVERDUE = "BoundaryEvent_PanelReportOverdue";

	public static final String TASK_ESCALATE_OVERDUE_PANEL_REPORT = "Task_EscalateOverduePanelReport";

	public static final String END_PANEL_REPORT_ESCALATED = "EndEvent_PanelReportEscalated";

	public static final String TASK_RESPOND_TO_PANEL = "Task_RespondToPanel";

	public static final String TIMER_COUNCIL_RESPONSE_NEARLY_DUE = "BoundaryEvent_CouncilResponseNearlyDue";

	public static final String TASK_WARN_COUNCIL_RESPONSE_NEARLY_DUE = "Task_WarnCouncilResponseNearlyDue";

	public static final String END_COUNCIL_RESPONSE_WARNED = "EndEvent_CouncilResponseWarned";

	public static final String TIMER_COUNCIL_RESPONSE_OVERDUE = "BoundaryEvent_CouncilResponseOverdue";

	public static final String TASK_ESCALATE_OVERDUE_COUNCIL_RESPONSE = "Task_EscalateOverdueCouncilResponse";

	public static final String END_COUNCIL_RESPONSE_ESCALATED = "EndEvent_CouncilResponseEscalated";

	/**
	 * Where the process waits for the complainant's stage 2 request or the window's end.
	 */
	public static final String GATEWAY_STAGE_2_ASKED = "Gateway_Stage2Asked";

	public static final String GATEWAY_STAGE_3_ASKED = "Gateway_Stage3Asked";

	public static final String CATCH_STAGE_2_WINDOW_PASSED = "CatchEvent_Stage2WindowPassed";

	public static final String CATCH_STAGE_3_WINDOW_PASSED = "CatchEvent_Stage3WindowPassed";

	public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";

	public static final String END_RESOLVED_AT_STAGE_1 = "EndEvent_ResolvedAtStage1";

	public static final String END_RESOLVED_AT_STAGE_2 = "EndEvent_ResolvedAtStage2";

	public static final String END_REVIEW_COMPLETED = "EndEvent_ReviewCompleted";

	public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

	public static final String MESSAGE_STAGE_2_REQUESTED = "Stage2Requested";

	public static final String MESSAGE_STAGE_3_REQUESTED = "Stage3Requested";

	public static final String MESSAGE_WITHDRAWN = "ComplaintWithdrawn";

	public static final String RECEIVED_AT = "receivedAt";

	public static final String ACCEPTED = "accepted";

	public static final String STAGE_1_RESPONDER = "stage1Responder";

	public static final String STAGE_1_RESPONDED_AT = "stage1RespondedAt";

	public static final String STAGE_2_REQUESTED_AT = "stage2RequestedAt";

	public static final String WRITTEN_RECORD_AGREED_AT = "writtenRecordAgreedAt";

	public static final String INVESTIGATING_OFFICER = "investigatingOfficer";

	public static final String STAGE_2_WORKING_DAYS = "stage2WorkingDays";

	public static final String STAGE_2_RESPONDED_AT = "stage2RespondedAt";

	public static final String STAGE_3_REQUESTED_AT = "stage3RequestedAt";

	public static final String PANEL_MET_AT = "panelMetAt";

	public static final String PANEL_REPORT_AT = "panelReportAt";

	private ComplaintProcess() {
	}

}
