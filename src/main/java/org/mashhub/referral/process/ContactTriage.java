package org.mashhub.referral.process;

/**
 * The ids of {@code bpmn/referral/ContactTriageProcess.bpmn}, used by code and tests
 * alike.
 */
public final class ContactTriage {

	public static final String PROCESS = "ContactTriageProcess";

	public static final String START_CONTACT_RECEIVED = "StartEvent_ContactReceived";

	public static final String TASK_SCREEN_CONTACT = "Task_ScreenContact";

	public static final String TASK_THRESHOLD_DECISION = "Task_ThresholdDecision";

	public static final String END_CONTACT_DECIDED = "EndEvent_ContactDecided";

	public static final String TIMER_DECISION_NEARLY_DUE = "BoundaryEvent_DecisionNearlyDue";

	public static final String TIMER_DECISION_OVERDUE = "BoundaryEvent_DecisionOverdue";

	public static final String TASK_ESCALATE_OVERDUE_DECISION = "Task_EscalateOverdueDecision";

	/** The process variable holding the instant the contact was received. */
	public static final String RECEIVED_AT = "receivedAt";

	private ContactTriage() {
	}

}
