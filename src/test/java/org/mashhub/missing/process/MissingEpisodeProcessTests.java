package org.mashhub.missing.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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
import org.mashhub.missing.EpisodeAlerts;
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
 * Every path of a missing episode, timed by the shipped SLA policies: where it waits, who
 * may act, when each step and timer falls due (to the second, on fixed instants), and who
 * is told. The alerts run for real on the engine's clock, so a strategy discussion is
 * anchored at the moment the engine called it.
 */
@Deployment(resources = "bpmn/missing/MissingEpisodeProcess.bpmn")
class MissingEpisodeProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	/** Monday 9 March 2026, 20:00 GMT: reported missing, last seen two hours before. */
	private static final String REPORTED = "2026-03-09T20:00:00Z";

	/** When the report is recorded and the episode's process starts. */
	private static final Duration RECORDED_AFTER = Duration.ofMinutes(5);

	private static final Duration LAST_SEEN_BEFORE = Duration.ofHours(2);

	private final SlaEscalation escalation = mock(SlaEscalation.class);

	private final EpisodeAlerts alerts = mock(EpisodeAlerts.class);

	@BeforeEach
	void useTestEngineWithTheShippedPoliciesAndTheEnginesClock() {
		init(engine.getProcessEngine());
		ProcessTestEngine.beans().put("sla", ShippedSla.sla());
		ProcessTestEngine.beans().put("deadline", new TaskDueDates(ShippedSla.sla()));
		ProcessTestEngine.beans().put("slaEscalation", this.escalation);
		ProcessTestEngine.beans().put("missingAlerts", new MissingAlerts(this.alerts, new EngineClock()));
	}

	@AfterEach
	void resetTheEnginesClock() {
		ClockUtil.reset();
	}

	@Test
	void aChildFoundWithinHoursStopsTheReviewsAndGetsAnInterviewDue72HoursAfterReturn() {
		ProcessInstance episode = report("MIS-2026-000001", 24, false, false);
		assertThat(episode).hasPassed(MissingEpisodeProcess.END_NOT_HIGH_RISK)
			.isWaitingAtExactly(MissingEpisodeProcess.SUBPROCESS_WHILE_MISSING, MissingEpisodeProcess.TASK_REVIEW_RISK);
		Task review = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(review).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-10T20:00:00Z"));
		verify(this.alerts).reported("MIS-2026-000001");

		returned("MIS-2026-000001", "2026-03-09T23:00:00Z");

		assertThat(episode).isWaitingAtExactly(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW)
			.hasPassed(MissingEpisodeProcess.BOUNDARY_CHILD_RETURNED);
		assertThat(open(episode, MissingEpisodeProcess.TASK_REVIEW_RISK)).isZero();
		assertThat(open(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isZero();
		Task interview = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		assertThat(interview).hasCandidateGroup(Roles.RHI_WORKER).hasDueDate(at("2026-03-12T23:00:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_NEARLY_DUE, "2026-03-11T23:00:00Z");
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_OVERDUE, "2026-03-12T23:00:00Z");
		// The episode's timers and its wait for a raised grade went with the reviews
		assertThat(jobQuery().processInstanceId(episode.getId()).count()).isEqualTo(2);
		assertThat(riskRaisedToHighWaits(episode)).isZero();
		verify(this.alerts, never()).stillMissing(any());
		verify(this.alerts, never()).strategyDiscussionCalled(any(), any());
	}

	@Test
	void highRiskReviewsEvery8HoursAndCallsAStrategyDiscussionAtOnce() {
		ProcessInstance episode = report("MIS-2026-000002", 8, true, false);

		assertThat(episode).hasPassed(MissingEpisodeProcess.TASK_CALL_STRATEGY_DISCUSSION)
			.hasNotPassed(MissingEpisodeProcess.END_NOT_HIGH_RISK)
			.isWaitingAtExactly(MissingEpisodeProcess.SUBPROCESS_WHILE_MISSING, MissingEpisodeProcess.TASK_REVIEW_RISK,
					MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		Task review = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(review).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-10T04:00:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE, "2026-03-10T04:00:00Z");
		// Called as the process started (20:05), due 24 hours on, warned at 75% of them
		verify(this.alerts).strategyDiscussionCalled("MIS-2026-000002", Instant.parse("2026-03-09T20:05:00Z"));
		Task discussion = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-10T20:05:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_STRATEGY_DISCUSSION_NEARLY_DUE, "2026-03-10T14:05:00Z");
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, "2026-03-10T20:05:00Z");

		complete(review, MissingEpisodeWorkflow.reviewed(Instant.parse("2026-03-10T03:30:00Z"), 8, true));

		assertThat(open(episode, MissingEpisodeProcess.TASK_REVIEW_RISK)).isOne();
		Task next = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(next).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-10T11:30:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE, "2026-03-10T11:30:00Z");
		assertThat(open(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isOne();
	}

	@Test
	void aGradeRaisedToHighDuringTheEpisodeCallsTheStrategyDiscussionAndShortensTheNextReview() {
		ProcessInstance episode = report("MIS-2026-000003", 24, false, false);
		Task review = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(review).hasDueDate(at("2026-03-10T20:00:00Z"));

		// The review that raises the grade, then the word that it is high, as RiskReviews
		// does
		engineTimeIs("2026-03-10T09:00:00Z");
		complete(review, MissingEpisodeWorkflow.reviewed(Instant.parse("2026-03-10T09:00:00Z"), 8, true));
		riskRaisedToHigh("MIS-2026-000003");

		assertThat(episode)
			.hasPassed(MissingEpisodeProcess.END_NOT_HIGH_RISK, MissingEpisodeProcess.BOUNDARY_RISK_RAISED_TO_HIGH,
					MissingEpisodeProcess.TASK_CALL_STRATEGY_DISCUSSION)
			.isWaitingAtExactly(MissingEpisodeProcess.SUBPROCESS_WHILE_MISSING, MissingEpisodeProcess.TASK_REVIEW_RISK,
					MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		verify(this.alerts).strategyDiscussionCalled("MIS-2026-000003", Instant.parse("2026-03-10T09:00:00Z"));
		Task discussion = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-11T09:00:00Z"));
		Task next = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(next).hasDueDate(at("2026-03-10T17:00:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE, "2026-03-10T17:00:00Z");

		// No second discussion at 72 hours
		engineTimeIs("2026-03-12T18:00:00Z");
		execute(job(MissingEpisodeProcess.TIMER_MISSING_THREE_DAYS, episode));

		assertThat(episode).hasPassed(MissingEpisodeProcess.END_STRATEGY_DISCUSSION_ALREADY_CALLED);
		assertThat(open(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isOne();
		verify(this.alerts).strategyDiscussionCalled(any(), any());
	}

	@Test
	void a72HourEpisodeCallsAStrategyDiscussion() {
		ProcessInstance episode = report("MIS-2026-000004", 24, false, false);
		// 72 hours from the last sighting (18:00), not from the report
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_MISSING_THREE_DAYS, "2026-03-12T18:00:00Z");

		engineTimeIs("2026-03-12T18:00:00Z");
		execute(job(MissingEpisodeProcess.TIMER_MISSING_THREE_DAYS, episode));

		assertThat(episode).hasPassed(MissingEpisodeProcess.TASK_CALL_STRATEGY_DISCUSSION)
			.hasNotPassed(MissingEpisodeProcess.BOUNDARY_RISK_RAISED_TO_HIGH)
			.isWaitingAt(MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION, MissingEpisodeProcess.TASK_REVIEW_RISK);
		verify(this.alerts).strategyDiscussionCalled("MIS-2026-000004", Instant.parse("2026-03-12T18:00:00Z"));
		Task discussion = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-13T18:00:00Z"));

		// A grade raised to high now calls no second one
		riskRaisedToHigh("MIS-2026-000004");

		assertThat(episode).hasPassed(MissingEpisodeProcess.END_STRATEGY_DISCUSSION_ALREADY_CALLED);
		assertThat(open(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isOne();
		verify(this.alerts).strategyDiscussionCalled(any(), any());
	}

	@Test
	void aSecondCallForAStrategyDiscussionCallsNoSecond() {
		// High risk at the report: the discussion is called at once
		ProcessInstance episode = report("MIS-2026-000013", 8, true, false);
		verify(this.alerts).strategyDiscussionCalled("MIS-2026-000013", Instant.parse("2026-03-09T20:05:00Z"));

		// The word that the grade is high, then 72 hours missing
		engineTimeIs("2026-03-10T09:00:00Z");
		riskRaisedToHigh("MIS-2026-000013");
		engineTimeIs("2026-03-12T18:00:00Z");
		execute(job(MissingEpisodeProcess.TIMER_MISSING_THREE_DAYS, episode));

		assertThat(episode)
			.hasPassed(MissingEpisodeProcess.BOUNDARY_RISK_RAISED_TO_HIGH,
					MissingEpisodeProcess.TIMER_MISSING_THREE_DAYS,
					MissingEpisodeProcess.END_STRATEGY_DISCUSSION_ALREADY_CALLED)
			.isWaitingAtExactly(MissingEpisodeProcess.SUBPROCESS_WHILE_MISSING, MissingEpisodeProcess.TASK_REVIEW_RISK,
					MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		// Both calls ended there, and the one discussion keeps its first anchor
		assertThat(historyService().createHistoricActivityInstanceQuery()
			.processInstanceId(episode.getId())
			.activityId(MissingEpisodeProcess.END_STRATEGY_DISCUSSION_ALREADY_CALLED)
			.count()).isEqualTo(2);
		assertThat(open(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isOne();
		Task discussion = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasDueDate(at("2026-03-10T20:05:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, "2026-03-10T20:05:00Z");
		verify(this.alerts).strategyDiscussionCalled(any(), any());
	}

	@Test
	void aManagerIsToldAt24HoursMissing() {
		ProcessInstance episode = report("MIS-2026-000005", 24, false, false);
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_MISSING_A_DAY, "2026-03-10T18:00:00Z");

		execute(job(MissingEpisodeProcess.TIMER_MISSING_A_DAY, episode));

		verify(this.alerts).stillMissing("MIS-2026-000005");
		assertThat(episode).hasPassed(MissingEpisodeProcess.TASK_TELL_MANAGER, MissingEpisodeProcess.END_MANAGER_TOLD)
			.isWaitingAtExactly(MissingEpisodeProcess.SUBPROCESS_WHILE_MISSING, MissingEpisodeProcess.TASK_REVIEW_RISK);
		verify(this.alerts, never()).strategyDiscussionCalled(any(), any());
	}

	@Test
	void anOverdueReviewIsEscalatedAndTheReviewStays() {
		ProcessInstance episode = report("MIS-2026-000006", 24, false, false);
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE, "2026-03-10T20:00:00Z");

		execute(job(MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE, episode));

		verify(this.escalation).breach(any());
		verify(this.escalation, never()).warn(any());
		assertThat(episode)
			.hasPassed(MissingEpisodeProcess.TIMER_RISK_REVIEW_OVERDUE,
					MissingEpisodeProcess.TASK_ESCALATE_OVERDUE_RISK_REVIEW)
			.isWaitingAt(MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(open(episode, MissingEpisodeProcess.TASK_REVIEW_RISK)).isOne();
		Task review = taskOf(episode, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(review).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-03-10T20:00:00Z"));
	}

	@Test
	void anOverdueInterviewIsWarnedThenEscalatedAndStaysOpen() {
		ProcessInstance episode = report("MIS-2026-000007", 24, false, false);
		returned("MIS-2026-000007", "2026-03-09T23:00:00Z");
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_NEARLY_DUE, "2026-03-11T23:00:00Z");

		execute(job(MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_NEARLY_DUE, episode));

		verify(this.escalation).warn(any());
		verify(this.escalation, never()).breach(any());
		assertThat(episode).hasPassed(MissingEpisodeProcess.TASK_WARN_RETURN_INTERVIEW_NEARLY_DUE)
			.isWaitingAtExactly(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_OVERDUE, "2026-03-12T23:00:00Z");

		execute(job(MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_OVERDUE, episode));

		verify(this.escalation).breach(any());
		assertThat(episode).hasPassed(MissingEpisodeProcess.TASK_ESCALATE_OVERDUE_RETURN_INTERVIEW)
			.isWaitingAtExactly(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		Task interview = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		assertThat(interview).hasCandidateGroup(Roles.RHI_WORKER).hasDueDate(at("2026-03-12T23:00:00Z"));
	}

	@Test
	void anInterviewDueAcrossTheOctoberClockChangeIs72RealHoursLater() {
		ProcessInstance episode = report("MIS-2026-000008", "2026-10-24T06:00:00Z", 24, false, false);

		// Saturday 11:00 BST; the clocks go back on the Sunday, so due Tuesday 10:00 GMT
		returned("MIS-2026-000008", "2026-10-24T10:00:00Z");

		Task interview = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		assertThat(interview).hasDueDate(at("2026-10-27T10:00:00Z"));
		Instant due = interview.getDueDate().toInstant();
		assertThat(Duration.between(Instant.parse("2026-10-24T10:00:00Z"), due)).isEqualTo(Duration.ofHours(72));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_NEARLY_DUE, "2026-10-26T10:00:00Z");
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_RETURN_INTERVIEW_OVERDUE, "2026-10-27T10:00:00Z");
	}

	@Test
	void repeatMissingRaisesAMultiAgencyMeeting() {
		// Monday 2 November 2026, 10:00 GMT: ten working days, no bank holiday among them
		ProcessInstance episode = report("MIS-2026-000009", "2026-11-02T10:00:00Z", 24, false, true);

		assertThat(episode).isWaitingAt(MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING)
			.hasNotPassed(MissingEpisodeProcess.END_NOT_REPEAT_MISSING);
		Task meeting = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING);
		assertThat(meeting).hasCandidateGroup(Roles.MISSING_COORDINATOR).hasDueDate(at("2026-11-16T10:00:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_REPEAT_MISSING_MEETING_OVERDUE, "2026-11-16T10:00:00Z");
	}

	@Test
	void aChildNotRepeatMissingHasNoMeeting() {
		ProcessInstance episode = report("MIS-2026-000010", 24, false, false);

		assertThat(episode).hasPassed(MissingEpisodeProcess.END_NOT_REPEAT_MISSING)
			.hasNotPassed(MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING)
			.isNotWaitingAt(MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING);
	}

	@Test
	void theStrategyDiscussionSurvivesTheReturn() {
		ProcessInstance episode = report("MIS-2026-000011", 8, true, false);

		returned("MIS-2026-000011", "2026-03-09T23:00:00Z");

		assertThat(episode).isWaitingAtExactly(MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION,
				MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		Task discussion = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(discussion).hasDueDate(at("2026-03-10T20:05:00Z"));
		assertTimerDue(episode, MissingEpisodeProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, "2026-03-10T20:05:00Z");
		Task interview = taskOf(episode, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		assertThat(interview).hasDueDate(at("2026-03-12T23:00:00Z"));

		complete(discussion);
		assertThat(episode).isWaitingAtExactly(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		complete(interview);

		assertThat(episode).isEnded()
			.hasPassed(MissingEpisodeProcess.END_STRATEGY_DISCUSSION_HELD,
					MissingEpisodeProcess.END_RETURN_INTERVIEW_RECORDED);
	}

	@Test
	void theRecordedInterviewEndsTheEpisode() {
		ProcessInstance episode = report("MIS-2026-000012", 24, false, false);
		returned("MIS-2026-000012", "2026-03-09T23:00:00Z");

		complete(taskOf(episode, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW));

		assertThat(episode).isEnded()
			.hasPassed(MissingEpisodeProcess.END_RETURN_INTERVIEW_RECORDED)
			.hasNotPassed(MissingEpisodeProcess.TASK_CALL_STRATEGY_DISCUSSION,
					MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		assertThat(taskQuery().processInstanceId(episode.getId()).count()).isZero();
		verify(this.alerts, never()).strategyDiscussionCalled(any(), any());
	}

	private static ProcessInstance report(String reference, int reviewHours, boolean high, boolean repeatMissing) {
		return report(reference, REPORTED, reviewHours, high, repeatMissing);
	}

	/**
	 * Starts the episode as {@link MissingEpisodeWorkflow#start} does: the child last
	 * seen two hours before the report, the report recorded (the engine's clock) five
	 * minutes after it.
	 */
	private static ProcessInstance report(String reference, String reportedAt, int reviewHours, boolean high,
			boolean repeatMissing) {
		Instant reported = Instant.parse(reportedAt);
		ClockUtil.setCurrentTime(Date.from(reported.plus(RECORDED_AFTER)));
		VariableMap variables = MissingEpisodeWorkflow.startVariables(reported.minus(LAST_SEEN_BEFORE), reported,
				reviewHours, high, repeatMissing);
		return runtimeService().startProcessInstanceByKey(MissingEpisodeProcess.PROCESS, reference, variables);
	}

	private static void returned(String reference, String returnedAt) {
		runtimeService().createMessageCorrelation(MissingEpisodeProcess.MESSAGE_CHILD_RETURNED)
			.processInstanceBusinessKey(reference)
			.setVariable(MissingEpisodeProcess.RETURNED_AT, at(returnedAt))
			.correlate();
	}

	/** The word that the grade is high, as {@link MissingEpisodeWorkflow} sends it. */
	private static void riskRaisedToHigh(String reference) {
		runtimeService().createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RISK_RAISED_TO_HIGH)
			.processInstanceBusinessKey(reference)
			.correlate();
	}

	private static void engineTimeIs(String instant) {
		ClockUtil.setCurrentTime(at(instant));
	}

	/** The open task of the step named: several may be open at once while missing. */
	private static Task taskOf(ProcessInstance episode, String step) {
		return taskQuery().processInstanceId(episode.getId()).taskDefinitionKey(step).singleResult();
	}

	private static long open(ProcessInstance episode, String step) {
		return taskQuery().processInstanceId(episode.getId()).taskDefinitionKey(step).count();
	}

	private static long riskRaisedToHighWaits(ProcessInstance episode) {
		return runtimeService().createEventSubscriptionQuery()
			.processInstanceId(episode.getId())
			.eventName(MissingEpisodeProcess.MESSAGE_RISK_RAISED_TO_HIGH)
			.count();
	}

	private static void assertTimerDue(ProcessInstance episode, String timer, String due) {
		assertThat(job(timer, episode).getDuedate()).as(timer).isEqualTo(at(due));
	}

	private static Date at(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
