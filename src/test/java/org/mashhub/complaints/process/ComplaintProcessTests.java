package org.mashhub.complaints.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashhub.security.Roles;
import org.mashhub.sla.ShippedSla;
import org.mashhub.sla.SlaEscalation;
import org.mashhub.testing.ProcessTestEngine;
import org.mashhub.testing.TaskDueDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Every path of the complaints procedure, timed by the shipped SLA policies on the real
 * working-day calendar: due dates are asserted to the second on dates that cross
 * weekends, Christmas, Easter and the May and August bank holidays (Europe/London, so
 * summer dates are an hour behind in UTC).
 */
@Deployment(resources = "bpmn/complaints/ComplaintProcess.bpmn")
class ComplaintProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	private final SlaEscalation escalation = mock(SlaEscalation.class);

	private final ComplaintStages stages = mock(ComplaintStages.class);

	@BeforeEach
	void useTestEngineWithTheShippedCalendar() {
		init(engine.getProcessEngine());
		ProcessTestEngine.beans().put("sla", ShippedSla.sla());
		ProcessTestEngine.beans().put("deadline", new TaskDueDates(ShippedSla.sla()));
		ProcessTestEngine.beans().put("slaEscalation", this.escalation);
		ProcessTestEngine.beans().put("complaintStages", this.stages);
	}

	@Test
	void aComplaintReceivedOnASaturdayIsAcknowledgedByWednesdayAtClose() {
		ProcessInstance complaint = receive("CMP-2026-00001", "2026-11-21T10:00:00Z");

		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_ACKNOWLEDGE);
		assertThat(task(complaint)).hasCandidateGroup(Roles.COMPLAINTS_MANAGER).hasDueDate(at("2026-11-25T17:00:00Z"));
		assertThat(job(ComplaintProcess.TIMER_ACKNOWLEDGEMENT_OVERDUE, complaint).getDuedate())
			.isEqualTo(at("2026-11-25T17:00:00Z"));
	}

	@Test
	void stage1AcrossChristmasIsDueOnNewYearsEveAndClosesWhenNoStage2RequestComes() {
		ProcessInstance complaint = receive("CMP-2026-00002", "2026-12-15T10:00:00Z");
		assertThat(task(complaint)).hasDueDate(at("2026-12-18T10:00:00Z"));

		complete(task(complaint),
				Map.of(ComplaintProcess.ACCEPTED, true, ComplaintProcess.STAGE_1_RESPONDER, "ian.investigator"));

		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_RESPOND_STAGE_1);
		// 10 working days, skipping Christmas Day and the Boxing Day substitute (28th)
		assertThat(task(complaint)).isAssignedTo("ian.investigator").hasDueDate(at("2026-12-31T10:00:00Z"));
		assertThat(job(ComplaintProcess.TIMER_STAGE_1_RESPONSE_OVERDUE, complaint).getDuedate())
			.isEqualTo(at("2026-12-31T10:00:00Z"));

		complete(task(complaint), Map.of(ComplaintProcess.STAGE_1_RESPONDED_AT, at("2026-12-31T09:00:00Z")));

		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.GATEWAY_STAGE_2_ASKED);
		// 20 working days from the response, New Year's Day not one of them
		assertThat(job(ComplaintProcess.CATCH_STAGE_2_WINDOW_PASSED, complaint).getDuedate())
			.isEqualTo(at("2027-01-29T09:00:00Z"));
		execute(job(ComplaintProcess.CATCH_STAGE_2_WINDOW_PASSED, complaint));
		verify(this.stages).stage2WindowPassed(any());
		assertThat(complaint).isEnded().hasPassed(ComplaintProcess.END_RESOLVED_AT_STAGE_1);
	}

	@Test
	void aComplaintNotAcceptedEndsAtItsAcknowledgement() {
		ProcessInstance complaint = receive("CMP-2026-00003", "2026-11-23T09:30:00Z");

		complete(task(complaint), Map.of(ComplaintProcess.ACCEPTED, false));

		assertThat(complaint).isEnded()
			.hasPassed(ComplaintProcess.END_NOT_ACCEPTED)
			.hasNotPassed(ComplaintProcess.TASK_RESPOND_STAGE_1);
	}

	@Test
	void anOverdueStage1ResponseIsEscalatedAndStaysWithItsResponder() {
		ProcessInstance complaint = receive("CMP-2026-00004", "2026-11-23T09:30:00Z");
		complete(task(complaint),
				Map.of(ComplaintProcess.ACCEPTED, true, ComplaintProcess.STAGE_1_RESPONDER, "ian.investigator"));

		execute(job(ComplaintProcess.TIMER_STAGE_1_RESPONSE_OVERDUE, complaint));

		verify(this.escalation).breach(any());
		assertThat(complaint)
			.hasPassed(ComplaintProcess.TASK_ESCALATE_OVERDUE_STAGE_1_RESPONSE,
					ComplaintProcess.END_STAGE_1_RESPONSE_ESCALATED)
			.isWaitingAtExactly(ComplaintProcess.TASK_RESPOND_STAGE_1);
		assertThat(task(complaint)).isAssignedTo("ian.investigator");
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("timers")
	void eachTimerOfATimedStepRunsItsOwnEscalationAndTheStepStillWaits(String step, String timer, String escalation,
			String end, boolean warning) {
		Map<String, Object> everyStepsAnchors = new HashMap<>();
		everyStepsAnchors.put(ComplaintProcess.STAGE_1_RESPONDER, "ian.investigator");
		everyStepsAnchors.put(ComplaintProcess.STAGE_2_REQUESTED_AT, at("2027-03-08T10:00:00Z"));
		everyStepsAnchors.put(ComplaintProcess.WRITTEN_RECORD_AGREED_AT, at("2027-03-15T10:00:00Z"));
		everyStepsAnchors.put(ComplaintProcess.INVESTIGATING_OFFICER, "ian.investigator");
		everyStepsAnchors.put(ComplaintProcess.STAGE_2_WORKING_DAYS, 25);
		everyStepsAnchors.put(ComplaintProcess.STAGE_3_REQUESTED_AT, at("2027-07-23T13:00:00Z"));
		everyStepsAnchors.put(ComplaintProcess.PANEL_MET_AT, at("2027-09-07T08:00:00Z"));
		everyStepsAnchors.put(ComplaintProcess.PANEL_REPORT_AT, at("2027-09-15T10:00:00Z"));
		ProcessInstance complaint = startBefore(step, "CMP-2027-00010", everyStepsAnchors);

		execute(job(timer, complaint));

		assertThat(complaint).hasPassed(timer, escalation, end).isWaitingAtExactly(step);
		if (warning) {
			verify(this.escalation).warn(any());
			verify(this.escalation, never()).breach(any());
		}
		else {
			verify(this.escalation).breach(any());
			verify(this.escalation, never()).warn(any());
		}
	}

	/** Every timer of every timed step: its step, its escalation and where that ends. */
	static Stream<Arguments> timers() {
		return Stream.of(overdue(ComplaintProcess.TASK_ACKNOWLEDGE, ComplaintProcess.TIMER_ACKNOWLEDGEMENT_OVERDUE,
				ComplaintProcess.TASK_ESCALATE_OVERDUE_ACKNOWLEDGEMENT, ComplaintProcess.END_ACKNOWLEDGEMENT_ESCALATED),
				nearlyDue(ComplaintProcess.TASK_RESPOND_STAGE_1, ComplaintProcess.TIMER_STAGE_1_RESPONSE_NEARLY_DUE,
						ComplaintProcess.TASK_WARN_STAGE_1_RESPONSE_NEARLY_DUE,
						ComplaintProcess.END_STAGE_1_RESPONSE_WARNED),
				overdue(ComplaintProcess.TASK_RESPOND_STAGE_1, ComplaintProcess.TIMER_STAGE_1_RESPONSE_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_STAGE_1_RESPONSE,
						ComplaintProcess.END_STAGE_1_RESPONSE_ESCALATED),
				overdue(ComplaintProcess.TASK_AGREE_WRITTEN_RECORD, ComplaintProcess.TIMER_WRITTEN_RECORD_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_WRITTEN_RECORD,
						ComplaintProcess.END_WRITTEN_RECORD_ESCALATED),
				nearlyDue(ComplaintProcess.TASK_INVESTIGATE_STAGE_2, ComplaintProcess.TIMER_INVESTIGATION_NEARLY_DUE,
						ComplaintProcess.TASK_WARN_INVESTIGATION_NEARLY_DUE, ComplaintProcess.END_INVESTIGATION_WARNED),
				overdue(ComplaintProcess.TASK_INVESTIGATE_STAGE_2, ComplaintProcess.TIMER_INVESTIGATION_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_INVESTIGATION,
						ComplaintProcess.END_INVESTIGATION_ESCALATED),
				overdue(ComplaintProcess.TASK_ADJUDICATE_STAGE_2, ComplaintProcess.TIMER_ADJUDICATION_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_ADJUDICATION,
						ComplaintProcess.END_ADJUDICATION_ESCALATED),
				nearlyDue(ComplaintProcess.TASK_CONVENE_PANEL, ComplaintProcess.TIMER_PANEL_NEARLY_DUE,
						ComplaintProcess.TASK_WARN_PANEL_NEARLY_DUE, ComplaintProcess.END_PANEL_WARNED),
				overdue(ComplaintProcess.TASK_CONVENE_PANEL, ComplaintProcess.TIMER_PANEL_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_PANEL, ComplaintProcess.END_PANEL_ESCALATED),
				overdue(ComplaintProcess.TASK_RECORD_PANEL_REPORT, ComplaintProcess.TIMER_PANEL_REPORT_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_PANEL_REPORT,
						ComplaintProcess.END_PANEL_REPORT_ESCALATED),
				nearlyDue(ComplaintProcess.TASK_RESPOND_TO_PANEL, ComplaintProcess.TIMER_COUNCIL_RESPONSE_NEARLY_DUE,
						ComplaintProcess.TASK_WARN_COUNCIL_RESPONSE_NEARLY_DUE,
						ComplaintProcess.END_COUNCIL_RESPONSE_WARNED),
				overdue(ComplaintProcess.TASK_RESPOND_TO_PANEL, ComplaintProcess.TIMER_COUNCIL_RESPONSE_OVERDUE,
						ComplaintProcess.TASK_ESCALATE_OVERDUE_COUNCIL_RESPONSE,
						ComplaintProcess.END_COUNCIL_RESPONSE_ESCALATED));
	}

	@Test
	void aComplaintRunsThroughAllThreeStagesWithEveryStepDueByTheWorkingDayCalendar() {
		ProcessInstance complaint = receive("CMP-2027-00005", "2027-02-01T10:00:00Z");
		complete(task(complaint),
				Map.of(ComplaintProcess.ACCEPTED, true, ComplaintProcess.STAGE_1_RESPONDER, "ian.investigator"));
		assertThat(task(complaint)).hasDueDate(at("2027-02-15T10:00:00Z"));
		complete(task(complaint), Map.of(ComplaintProcess.STAGE_1_RESPONDED_AT, at("2027-02-12T15:00:00Z")));

		correlate(ComplaintProcess.MESSAGE_STAGE_2_REQUESTED, "CMP-2027-00005", ComplaintProcess.STAGE_2_REQUESTED_AT,
				"2027-03-08T10:00:00Z");
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		assertThat(task(complaint)).hasCandidateGroup(Roles.COMPLAINTS_MANAGER).hasDueDate(at("2027-03-22T10:00:00Z"));
		complete(task(complaint), Map.of(ComplaintProcess.WRITTEN_RECORD_AGREED_AT, at("2027-03-15T10:00:00Z"),
				ComplaintProcess.INVESTIGATING_OFFICER, "ian.investigator", ComplaintProcess.STAGE_2_WORKING_DAYS, 25));

		// 25 working days from the agreed record, past Good Friday and Easter Monday,
		// into
		// summer time
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		assertThat(task(complaint)).isAssignedTo("ian.investigator").hasDueDate(at("2027-04-21T09:00:00Z"));
		assertThat(job(ComplaintProcess.TIMER_INVESTIGATION_OVERDUE, complaint).getDuedate())
			.isEqualTo(at("2027-04-21T09:00:00Z"));
		complete(task(complaint));
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_ADJUDICATE_STAGE_2);
		assertThat(task(complaint)).hasCandidateGroup(Roles.SERVICE_MANAGER).hasDueDate(at("2027-04-21T09:00:00Z"));
		complete(task(complaint), Map.of(ComplaintProcess.STAGE_2_RESPONDED_AT, at("2027-04-20T14:00:00Z")));

		correlate(ComplaintProcess.MESSAGE_STAGE_3_REQUESTED, "CMP-2027-00005", ComplaintProcess.STAGE_3_REQUESTED_AT,
				"2027-07-23T13:00:00Z");
		// 30 working days, past the August bank holiday
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_CONVENE_PANEL);
		assertThat(task(complaint)).hasDueDate(at("2027-09-06T13:00:00Z"));
		complete(task(complaint), Map.of(ComplaintProcess.PANEL_MET_AT, at("2027-09-07T08:00:00Z")));
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_RECORD_PANEL_REPORT);
		assertThat(task(complaint)).hasDueDate(at("2027-09-14T08:00:00Z"));
		complete(task(complaint), Map.of(ComplaintProcess.PANEL_REPORT_AT, at("2027-09-15T10:00:00Z")));
		assertThat(complaint).isWaitingAtExactly(ComplaintProcess.TASK_RESPOND_TO_PANEL);
		assertThat(task(complaint)).hasCandidateGroup(Roles.SERVICE_MANAGER).hasDueDate(at("2027-10-06T10:00:00Z"));
		complete(task(complaint));

		assertThat(complaint).isEnded().hasPassed(ComplaintProcess.END_REVIEW_COMPLETED);
		verify(this.stages, never()).stage2WindowPassed(any());
	}

	@Test
	void anExtendedStage2GivesItsLaterStepsSixtyFiveWorkingDaysAcrossTheMayBankHolidays() {
		ProcessInstance complaint = startBefore(ComplaintProcess.TASK_INVESTIGATE_STAGE_2, "CMP-2027-00006",
				Map.of(ComplaintProcess.WRITTEN_RECORD_AGREED_AT, at("2027-03-15T10:00:00Z"),
						ComplaintProcess.INVESTIGATING_OFFICER, "ian.investigator",
						ComplaintProcess.STAGE_2_WORKING_DAYS, 65));

		assertThat(task(complaint)).hasDueDate(at("2027-06-18T09:00:00Z"));
		complete(task(complaint));
		assertThat(task(complaint)).hasDueDate(at("2027-06-18T09:00:00Z"));
		assertThat(job(ComplaintProcess.TIMER_ADJUDICATION_OVERDUE, complaint).getDuedate())
			.isEqualTo(at("2027-06-18T09:00:00Z"));
	}

	@Test
	void noReviewPanelRequestClosesTheComplaintAtStage2() {
		ProcessInstance complaint = startBefore(ComplaintProcess.GATEWAY_STAGE_3_ASKED, "CMP-2027-00007",
				Map.of(ComplaintProcess.STAGE_2_RESPONDED_AT, at("2027-04-21T08:00:00Z")));

		// 20 working days, the early May bank holiday not one of them
		assertThat(job(ComplaintProcess.CATCH_STAGE_3_WINDOW_PASSED, complaint).getDuedate())
			.isEqualTo(at("2027-05-20T08:00:00Z"));
		execute(job(ComplaintProcess.CATCH_STAGE_3_WINDOW_PASSED, complaint));

		verify(this.stages).stage3WindowPassed(any());
		assertThat(complaint).isEnded().hasPassed(ComplaintProcess.END_RESOLVED_AT_STAGE_2);
	}

	@Test
	void withdrawalEndsTheComplaintWhereverItIsAndCancelsItsStep() {
		ProcessInstance complaint = receive("CMP-2026-00008", "2026-11-23T09:30:00Z");
		complete(task(complaint),
				Map.of(ComplaintProcess.ACCEPTED, true, ComplaintProcess.STAGE_1_RESPONDER, "ian.investigator"));

		runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_WITHDRAWN)
			.processInstanceBusinessKey("CMP-2026-00008")
			.correlateAll();

		assertThat(complaint).isEnded()
			.hasPassed(ComplaintProcess.END_WITHDRAWN)
			.hasNotPassed(ComplaintProcess.END_RESOLVED_AT_STAGE_1);
		assertThat(taskQuery().processInstanceId(complaint.getId()).count()).isZero();
	}

	@Test
	void aWithdrawalWhileWaitingForTheComplainantEndsTheWait() {
		ProcessInstance complaint = startBefore(ComplaintProcess.GATEWAY_STAGE_2_ASKED, "CMP-2027-00009",
				Map.of(ComplaintProcess.STAGE_1_RESPONDED_AT, at("2027-02-12T15:00:00Z")));

		runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_WITHDRAWN)
			.processInstanceBusinessKey("CMP-2027-00009")
			.correlateAll();

		assertThat(complaint).isEnded().hasPassed(ComplaintProcess.END_WITHDRAWN);
		verify(this.stages, never()).stage2WindowPassed(any());
	}

	private static Arguments nearlyDue(String step, String timer, String warning, String end) {
		return Arguments.of(step, timer, warning, end, true);
	}

	private static Arguments overdue(String step, String timer, String escalation, String end) {
		return Arguments.of(step, timer, escalation, end, false);
	}

	private static ProcessInstance receive(String reference, String receivedAt) {
		return runtimeService().startProcessInstanceByKey(ComplaintProcess.PROCESS, reference,
				Map.of(ComplaintProcess.RECEIVED_AT, at(receivedAt)));
	}

	private static ProcessInstance startBefore(String activity, String reference, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put(ComplaintProcess.RECEIVED_AT, at("2027-01-04T10:00:00Z"));
		return runtimeService().createProcessInstanceByKey(ComplaintProcess.PROCESS)
			.businessKey(reference)
			.setVariables(all)
			.startBeforeActivity(activity)
			.execute();
	}

	private static void correlate(String message, String reference, String variable, String at) {
		runtimeService().createMessageCorrelation(message)
			.processInstanceBusinessKey(reference)
			.setVariable(variable, at(at))
			.correlate();
	}

	private static Date at(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
