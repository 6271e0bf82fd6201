package org.mashhub.cse.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mashhub.cse.ScreeningAlerts;
import org.mashhub.security.Roles;
import org.mashhub.sla.ShippedSla;
import org.mashhub.sla.SlaEscalation;
import org.mashhub.testing.EngineClock;
import org.mashhub.testing.ProcessTestEngine;
import org.mashhub.testing.TaskDueDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Every path of a child exploitation screening, timed by the shipped SLA policies on the
 * real working-day calendar: where it waits, who may act, when each step and timer falls
 * due (to the second, on fixed instants), and who is told. The screening opens on the
 * Thursday before the clocks go forward, and is scored on the Thursday before Easter, so
 * working-day steps skip Good Friday and Easter Monday, and every due date after the
 * scoring is an hour behind in UTC. The alerts run for real on the engine's clock, so a
 * screening closed at 18 is closed at the moment the engine called it.
 */
@Deployment(resources = "bpmn/cse/CseScreeningProcess.bpmn")
class CseScreeningProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	/** Thursday 26 March 2026, 10:00 GMT: the concern raised and the screening opened. */
	private static final String OPENED = "2026-03-26T10:00:00Z";

	/**
	 * Thursday 2 April 2026, 11:00 BST: the screening scored, the day before Good Friday.
	 */
	private static final String SCORED = "2026-04-02T10:00:00Z";

	/**
	 * Wednesday 24 June 2026, 10:00 BST: the screening reviewed, the day before it is
	 * due.
	 */
	private static final String REVIEWED = "2026-06-24T09:00:00Z";

	/** The child turns 18 on Thursday 15 June 2028, at midnight BST. */
	private static final LocalDate DATE_OF_BIRTH = LocalDate.of(2010, 6, 15);

	private static final String EIGHTEENTH_BIRTHDAY = "2028-06-14T23:00:00Z";

	private static final String LOW = "LOW";

	private static final String MEDIUM = "MEDIUM";

	private static final String HIGH = "HIGH";

	/** The next review's policy at medium and high: 12 weeks. */
	private static final String REVIEW = "CSE_REVIEW";

	/** The next review's policy at low: 13 weeks. */
	private static final String LOW_REVIEW = "CSE_LOW_REVIEW";

	private final SlaEscalation escalation = mock(SlaEscalation.class);

	private final ScreeningAlerts alerts = mock(ScreeningAlerts.class);

	@BeforeEach
	void useTestEngineWithTheShippedPoliciesAndTheEnginesClock() {
		init(engine.getProcessEngine());
		ProcessTestEngine.beans().put("sla", ShippedSla.sla());
		ProcessTestEngine.beans().put("deadline", new TaskDueDates(ShippedSla.sla()));
		ProcessTestEngine.beans().put("slaEscalation", this.escalation);
		ProcessTestEngine.beans().put("cseAlerts", new CseAlerts(this.alerts, new EngineClock()));
	}

	@AfterEach
	void resetTheEnginesClock() {
		ClockUtil.reset();
	}

	@Test
	void aNewScreeningWaitsForTheCoordinatorsDueInThreeWorkingDaysAcrossTheClockChange() {
		ProcessInstance screening = openScreening("CSE-2026-000001");

		assertThat(screening).hasPassed(CseScreeningProcess.TASK_TELL_OF_SCREENING)
			.isWaitingAtExactly(CseScreeningProcess.TASK_SCREEN_CHILD);
		verify(this.alerts).opened("CSE-2026-000001");
		// Thursday 10:00 GMT to Tuesday 10:00 BST; warned after 67% of the 24 office
		// hours
		Task screen = taskOf(screening, CseScreeningProcess.TASK_SCREEN_CHILD);
		assertThat(screen).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-03-31T09:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_SCREENING_NEARLY_DUE, "2026-03-30T09:04:48Z");
		assertTimerDue(screening, CseScreeningProcess.TIMER_SCREENING_OVERDUE, "2026-03-31T09:00:00Z");
		assertTimerDue(screening, CseScreeningProcess.START_TURNS_EIGHTEEN, EIGHTEENTH_BIRTHDAY);
		assertThat(jobQuery().processInstanceId(screening.getId()).count()).isEqualTo(3);
		verify(this.alerts, never()).turnedEighteen(any(), any());
	}

	@Test
	void aLowLevelRaisesAStepDownAndAReviewIn13Weeks() {
		ProcessInstance screening = openScreening("CSE-2026-000002");

		screened(screening, LOW, LOW_REVIEW);

		assertThat(screening).hasPassed(CseScreeningProcess.GATEWAY_LOWERED_BELOW_COMPUTED)
			.hasNotPassed(CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL, CseScreeningProcess.END_RISK_REDUCED)
			.isWaitingAtExactly(CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN,
					CseScreeningProcess.TASK_REVIEW_SCREENING);
		// 10 working days, Good Friday and Easter Monday not among them
		Task stepDown = taskOf(screening, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN);
		assertThat(stepDown).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-04-20T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_STEP_DOWN_OVERDUE, "2026-04-20T10:00:00Z");
		// 91 days after the scoring, warned a week before
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-07-02T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_NEARLY_DUE, "2026-06-25T10:00:00Z");
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_OVERDUE, "2026-07-02T10:00:00Z");
	}

	@Test
	void aMediumLevelRaisesARiskManagementMeetingAndAReviewIn12Weeks() {
		ProcessInstance screening = openScreening("CSE-2026-000003");

		screened(screening, MEDIUM, REVIEW);

		assertThat(screening).isWaitingAtExactly(CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING,
				CseScreeningProcess.TASK_REVIEW_SCREENING);
		Task meeting = taskOf(screening, CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING);
		assertThat(meeting).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-04-20T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_RISK_MANAGEMENT_MEETING_OVERDUE, "2026-04-20T10:00:00Z");
		// 84 days after the scoring, warned a week before
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-06-25T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_NEARLY_DUE, "2026-06-18T10:00:00Z");
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_OVERDUE, "2026-06-25T10:00:00Z");
	}

	@Test
	void aHighLevelRaisesAStrategyDiscussionAndAMaceReferralTogether() {
		ProcessInstance screening = openScreening("CSE-2026-000004");

		screened(screening, HIGH, REVIEW);

		assertThat(screening).isWaitingAtExactly(CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION,
				CseScreeningProcess.TASK_REFER_TO_MACE, CseScreeningProcess.TASK_REVIEW_SCREENING);
		// The next working day after Thursday is the Tuesday after Easter
		Task discussion = taskOf(screening, CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-04-07T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, "2026-04-07T10:00:00Z");
		Task referral = taskOf(screening, CseScreeningProcess.TASK_REFER_TO_MACE);
		assertThat(referral).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-04-13T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_MACE_REFERRAL_OVERDUE, "2026-04-13T10:00:00Z");
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasDueDate(at("2026-06-25T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_OVERDUE, "2026-06-25T10:00:00Z");
	}

	@Test
	void aLevelLoweredBelowTheComputedOneWaitsForAManagersApproval() {
		ProcessInstance screening = openScreening("CSE-2026-000005");

		lowered(screening);

		assertThat(screening).hasPassed(CseScreeningProcess.GATEWAY_LOWERED_BELOW_COMPUTED)
			.isWaitingAtExactly(CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL);
		// 2 working days from the scoring, across Easter
		Task approval = taskOf(screening, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL);
		assertThat(approval).hasCandidateGroup(Roles.SERVICE_MANAGER).hasDueDate(at("2026-04-08T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_APPROVAL_OVERDUE, "2026-04-08T10:00:00Z");
		assertThat(open(screening, CseScreeningProcess.TASK_REVIEW_SCREENING)).isZero();
	}

	@Test
	void anApprovedLowerLevelRaisesTheStepDownAndTheLowReview() {
		ProcessInstance screening = openScreening("CSE-2026-000006");
		lowered(screening);

		engineTimeIs("2026-04-07T13:00:00Z");
		complete(taskOf(screening, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL),
				CseScreeningWorkflow.settled(LOW, true, false, LOW_REVIEW, Instant.parse("2026-04-07T13:00:00Z")));

		assertThat(screening).hasPassed(CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL)
			.isWaitingAtExactly(CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN,
					CseScreeningProcess.TASK_REVIEW_SCREENING);
		// The step-down counts from the approval (10 working days); the review from the
		// scoring
		Task stepDown = taskOf(screening, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN);
		assertThat(stepDown).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-04-21T13:00:00Z"));
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasDueDate(at("2026-07-02T10:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_OVERDUE, "2026-07-02T10:00:00Z");
	}

	@Test
	void aRefusedLowerLevelRaisesTheComputedHighLevelsActions() {
		ProcessInstance screening = openScreening("CSE-2026-000007");
		lowered(screening);

		engineTimeIs("2026-04-07T13:00:00Z");
		complete(taskOf(screening, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL),
				CseScreeningWorkflow.settled(HIGH, true, false, REVIEW, Instant.parse("2026-04-07T13:00:00Z")));

		assertThat(screening).isWaitingAtExactly(CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION,
				CseScreeningProcess.TASK_REFER_TO_MACE, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(open(screening, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN)).isZero();
		Task discussion = taskOf(screening, CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		// The actions count from the refusal: a working day, and five
		assertThat(discussion).hasDueDate(at("2026-04-08T13:00:00Z"));
		Task referral = taskOf(screening, CseScreeningProcess.TASK_REFER_TO_MACE);
		assertThat(referral).hasDueDate(at("2026-04-14T13:00:00Z"));
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasDueDate(at("2026-06-25T10:00:00Z"));
	}

	@Test
	void aReviewThatKeepsTheLevelRaisesNoNewActionsAndSetsTheNextReviewFromItself() {
		ProcessInstance screening = openScreening("CSE-2026-000008");
		screened(screening, MEDIUM, REVIEW);
		complete(taskOf(screening, CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING));

		reviewed(screening, MEDIUM, false, false, REVIEW);

		assertThat(screening).hasPassed(CseScreeningProcess.END_ACTIONS_UNCHANGED)
			.isWaitingAtExactly(CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(historyService().createHistoricActivityInstanceQuery()
			.processInstanceId(screening.getId())
			.activityId(CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING)
			.count()).isOne();
		// 84 days after the review, not after the first scoring
		Task next = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(next).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-09-16T09:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_NEARLY_DUE, "2026-09-09T09:00:00Z");
		assertTimerDue(screening, CseScreeningProcess.TIMER_REVIEW_OVERDUE, "2026-09-16T09:00:00Z");
	}

	@Test
	void aReviewThatLowersHighToMediumRaisesARiskManagementMeeting() {
		ProcessInstance screening = openScreening("CSE-2026-000009");
		screened(screening, HIGH, REVIEW);
		complete(taskOf(screening, CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION));
		complete(taskOf(screening, CseScreeningProcess.TASK_REFER_TO_MACE));

		reviewed(screening, MEDIUM, true, false, REVIEW);

		assertThat(screening).hasNotPassed(CseScreeningProcess.END_ACTIONS_UNCHANGED)
			.isWaitingAtExactly(CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING,
					CseScreeningProcess.TASK_REVIEW_SCREENING);
		// 10 working days from the review
		Task meeting = taskOf(screening, CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING);
		assertThat(meeting).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-07-08T09:00:00Z"));
		assertTimerDue(screening, CseScreeningProcess.TIMER_RISK_MANAGEMENT_MEETING_OVERDUE, "2026-07-08T09:00:00Z");
		Task next = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(next).hasDueDate(at("2026-09-16T09:00:00Z"));
	}

	@Test
	void aReviewClosingTheScreeningAsRiskReducedEndsItAndItsOpenActions() {
		ProcessInstance screening = openScreening("CSE-2026-000010");
		screened(screening, MEDIUM, REVIEW);

		reviewed(screening, LOW, false, true, LOW_REVIEW);

		assertThat(screening).isEnded()
			.hasPassed(CseScreeningProcess.END_RISK_REDUCED)
			.hasNotPassed(CseScreeningProcess.END_ACTIONS_UNCHANGED, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN);
		// The meeting still open went with it, and so did every timer
		assertThat(taskQuery().processInstanceId(screening.getId()).count()).isZero();
		assertThat(historyService().createHistoricTaskInstanceQuery()
			.processInstanceId(screening.getId())
			.taskDefinitionKey(CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING)
			.singleResult()
			.getDeleteReason()).isNotEqualTo("completed");
		assertThat(jobQuery().processInstanceId(screening.getId()).count()).isZero();
		verify(this.alerts, never()).turnedEighteen(any(), any());
	}

	@Test
	void theEighteenthBirthdayClosesTheScreeningWithEverythingOpen() {
		ProcessInstance screening = openScreening("CSE-2026-000011");
		screened(screening, HIGH, REVIEW);
		assertTimerDue(screening, CseScreeningProcess.START_TURNS_EIGHTEEN, EIGHTEENTH_BIRTHDAY);

		engineTimeIs(EIGHTEENTH_BIRTHDAY);
		execute(job(CseScreeningProcess.START_TURNS_EIGHTEEN, screening));

		verify(this.alerts).turnedEighteen("CSE-2026-000011", Instant.parse(EIGHTEENTH_BIRTHDAY));
		assertThat(screening).isEnded()
			.hasPassed(CseScreeningProcess.START_TURNS_EIGHTEEN, CseScreeningProcess.TASK_CLOSE_AT_EIGHTEEN,
					CseScreeningProcess.END_TURNED_EIGHTEEN)
			.hasNotPassed(CseScreeningProcess.END_RISK_REDUCED);
		assertThat(taskQuery().processInstanceId(screening.getId()).count()).isZero();
		assertThat(jobQuery().processInstanceId(screening.getId()).count()).isZero();
	}

	@Test
	void anOverdueReviewIsEscalatedAndTheReviewStays() {
		ProcessInstance screening = openScreening("CSE-2026-000012");
		screened(screening, MEDIUM, REVIEW);
		complete(taskOf(screening, CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING));

		engineTimeIs("2026-06-25T10:00:00Z");
		execute(job(CseScreeningProcess.TIMER_REVIEW_OVERDUE, screening));

		verify(this.escalation).breach(any());
		verify(this.escalation, never()).warn(any());
		assertThat(screening)
			.hasPassed(CseScreeningProcess.TIMER_REVIEW_OVERDUE, CseScreeningProcess.TASK_ESCALATE_OVERDUE_REVIEW)
			.isWaitingAtExactly(CseScreeningProcess.TASK_REVIEW_SCREENING);
		Task review = taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(review).hasCandidateGroup(Roles.CSE_COORDINATOR).hasDueDate(at("2026-06-25T10:00:00Z"));
	}

	/**
	 * Starts the screening as {@link CseScreeningWorkflow#start} does, the engine's clock
	 * at the moment it opened; a lower level goes to the service managers.
	 */
	private static ProcessInstance openScreening(String reference) {
		Instant opened = Instant.parse(OPENED);
		ClockUtil.setCurrentTime(Date.from(opened));
		VariableMap variables = CseScreeningWorkflow.startVariables(opened, DATE_OF_BIRTH,
				List.of(Roles.SERVICE_MANAGER));
		return runtimeService().startProcessInstanceByKey(CseScreeningProcess.PROCESS, reference, variables);
	}

	/** The screening scored at the level computed, its actions due. */
	private static void screened(ProcessInstance screening, String level, String reviewPolicy) {
		engineTimeIs(SCORED);
		complete(taskOf(screening, CseScreeningProcess.TASK_SCREEN_CHILD),
				CseScreeningWorkflow.scored(Instant.parse(SCORED), level, false, true, false, reviewPolicy));
	}

	/**
	 * The screening computed high and lowered by the coordinator: high stands until a
	 * manager decides.
	 */
	private static void lowered(ProcessInstance screening) {
		engineTimeIs(SCORED);
		complete(taskOf(screening, CseScreeningProcess.TASK_SCREEN_CHILD),
				CseScreeningWorkflow.scored(Instant.parse(SCORED), HIGH, true, true, false, REVIEW));
	}

	private static void reviewed(ProcessInstance screening, String level, boolean actionsDue, boolean closed,
			String reviewPolicy) {
		engineTimeIs(REVIEWED);
		complete(taskOf(screening, CseScreeningProcess.TASK_REVIEW_SCREENING),
				CseScreeningWorkflow.scored(Instant.parse(REVIEWED), level, false, actionsDue, closed, reviewPolicy));
	}

	private static void engineTimeIs(String instant) {
		ClockUtil.setCurrentTime(at(instant));
	}

	/** The open task of the step named: actions and the review may be open at once. */
	private static Task taskOf(ProcessInstance screening, String step) {
		return taskQuery().processInstanceId(screening.getId()).taskDefinitionKey(step).singleResult();
	}

	private static long open(ProcessInstance screening, String step) {
		return taskQuery().processInstanceId(screening.getId()).taskDefinitionKey(step).count();
	}

	private static void assertTimerDue(ProcessInstance screening, String timer, String due) {
		assertThat(job(timer, screening).getDuedate()).as(timer).isEqualTo(at(due));
	}

	private static Date at(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
