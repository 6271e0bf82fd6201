package org.mashhub.referral.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mashhub.security.Roles;
import org.mashhub.sla.DeadlineTaskListener;
import org.mashhub.sla.Sla;
import org.mashhub.sla.SlaEscalation;
import org.mashhub.testing.ProcessTestEngine;
import org.mockito.ArgumentMatcher;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of the contact triage, with its steps' beans standing in: where it waits,
 * who may act, when its timers fall due, and what it calls.
 */
@Deployment(resources = "bpmn/referral/ContactTriageProcess.bpmn")
class ContactTriageProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	/** Friday 20 November 2026, 16:00 GMT. */
	private static final Date RECEIVED = Date.from(Instant.parse("2026-11-20T16:00:00Z"));

	private static final Date SCREENED = Date.from(Instant.parse("2026-11-20T17:00:00Z"));

	private static final Date DECISION_DUE = Date.from(Instant.parse("2026-11-23T16:00:00Z"));

	private static final Date DECISION_WARNING = Date.from(Instant.parse("2026-11-23T14:00:00Z"));

	/** Amber: 24 hours from the rating. */
	private static final Date AMBER_DUE = Date.from(Instant.parse("2026-11-21T17:00:00Z"));

	/** 45 working days from receipt. */
	private static final Date ASSESSMENT_DUE = Date.from(Instant.parse("2027-01-27T16:00:00Z"));

	private static final Date STRATEGY_DISCUSSION_DUE = Date.from(Instant.parse("2026-11-23T17:00:00Z"));

	private final Sla sla = mock(Sla.class);

	private final DeadlineTaskListener deadline = mock(DeadlineTaskListener.class);

	private final SlaEscalation escalation = mock(SlaEscalation.class);

	private final IdentityAndHistoryCheck identity = mock(IdentityAndHistoryCheck.class);

	private final AgencyChecks agencyChecks = mock(AgencyChecks.class);

	private final TriageAlerts alerts = mock(TriageAlerts.class);

	@BeforeEach
	void useTestEngineWithStandInBeans() {
		init(engine.getProcessEngine());
		when(this.sla.due("CONTACT_DECISION", RECEIVED)).thenReturn(DECISION_DUE);
		when(this.sla.warn("CONTACT_DECISION", RECEIVED)).thenReturn(DECISION_WARNING);
		when(this.sla.due("RAG_AMBER", SCREENED)).thenReturn(AMBER_DUE);
		when(this.sla.due("ASSESSMENT", RECEIVED)).thenReturn(ASSESSMENT_DUE);
		when(this.sla.due("STRATEGY_DISCUSSION", SCREENED)).thenReturn(STRATEGY_DISCUSSION_DUE);
		ProcessTestEngine.beans().put("sla", this.sla);
		ProcessTestEngine.beans().put("deadline", this.deadline);
		ProcessTestEngine.beans().put("slaEscalation", this.escalation);
		ProcessTestEngine.beans().put("identityAndHistoryCheck", this.identity);
		ProcessTestEngine.beans().put("agencyChecks", this.agencyChecks);
		ProcessTestEngine.beans().put("triageAlerts", this.alerts);
		childHasNoOpenCase();
	}

	@Test
	void anOpenCaseGoesToTheAllocatedWorkerWithoutScreeningAndTheReferrerIsTold() {
		doAnswer((call) -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable(ContactTriageProcess.OPEN_CASE, true);
			execution.setVariable(ContactTriageProcess.ALLOCATED_WORKER, "alex.assessor");
			execution.setVariable(ContactTriageProcess.OPERATION_ENCOMPASS, false);
			execution.setVariable(ContactTriageProcess.MARAC_REFERRAL, false);
			return null;
		}).when(this.identity).run(any());

		ProcessInstance contact = receive("C-2026-000001/1");

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER);
		assertThat(task(contact)).isAssignedTo("alex.assessor");
		complete(task(contact));
		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		complete(task(contact));
		assertThat(contact).isEnded()
			.hasPassed(ContactTriageProcess.END_REFERRER_TOLD)
			.hasNotPassed(ContactTriageProcess.TASK_SCREEN_CONTACT, ContactTriageProcess.TASK_THRESHOLD_DECISION);
	}

	@Test
	void aPoliceDomesticAbuseNotificationHasTheSchoolToldBesideScreening() {
		doAnswer((call) -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable(ContactTriageProcess.OPEN_CASE, false);
			execution.setVariable(ContactTriageProcess.ALLOCATED_WORKER, null);
			execution.setVariable(ContactTriageProcess.OPERATION_ENCOMPASS, true);
			return null;
		}).when(this.identity).run(any());

		ProcessInstance contact = receive("C-2026-000013/1");

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_TELL_SCHOOL,
				ContactTriageProcess.TASK_SCREEN_CONTACT);
		assertThat(task(ContactTriageProcess.TASK_TELL_SCHOOL, contact)).hasCandidateGroup(Roles.EDUCATION_LIAISON);
	}

	@Test
	void highRiskDomesticAbuseOnAnOpenCaseIsReferredToMaracWithoutWaitingForScreening() {
		doAnswer((call) -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable(ContactTriageProcess.OPEN_CASE, true);
			execution.setVariable(ContactTriageProcess.ALLOCATED_WORKER, "alex.assessor");
			execution.setVariable(ContactTriageProcess.OPERATION_ENCOMPASS, false);
			execution.setVariable(ContactTriageProcess.MARAC_REFERRAL, true);
			return null;
		}).when(this.identity).run(any());

		ProcessInstance contact = receive("C-2026-000014/1");

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER,
				ContactTriageProcess.TASK_REFER_OPEN_CASE_TO_MARAC);
		assertThat(task(ContactTriageProcess.TASK_REFER_OPEN_CASE_TO_MARAC, contact))
			.hasCandidateGroup(Roles.MASH_SOCIAL_WORKER);
	}

	@Test
	void aContactWaitsForAMashSocialWorkerToScreenIt() {
		ProcessInstance contact = receive("C-2026-000002/1");

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_SCREEN_CONTACT)
			.hasPassed(ContactTriageProcess.END_NO_SCHOOL_TO_TELL);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_SOCIAL_WORKER).hasFormKey("/triage/tasks/{taskId}");
		Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup(Roles.BUSINESS_SUPPORT).count())
			.as("business support may log contacts but never screen them")
			.isZero();
	}

	@Test
	void anUnscreenedContactIsEscalatedWhenTheDecisionTargetPassesAndStillWaitsForScreening() {
		ProcessInstance contact = receive("C-2026-000012/1");

		Assertions.assertThat(job(ContactTriageProcess.TIMER_SCREENING_OVERDUE, contact).getDuedate())
			.as("screening is due when the decision is: the contact never waits unseen")
			.isEqualTo(DECISION_DUE);
		execute(job(ContactTriageProcess.TIMER_SCREENING_OVERDUE, contact));

		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_ESCALATE_OVERDUE_SCREENING,
					ContactTriageProcess.END_SCREENING_ESCALATED)
			.isWaitingAtExactly(ContactTriageProcess.TASK_SCREEN_CONTACT);
		verify(this.escalation).breach(any(DelegateExecution.class));
	}

	@Test
	void aContactNearlyDueForScreeningWarnsTheManagersAndStillWaitsForScreening() {
		ProcessInstance contact = receive("C-2026-000015/1");

		Assertions.assertThat(job(ContactTriageProcess.TIMER_SCREENING_NEARLY_DUE, contact).getDuedate())
			.isEqualTo(DECISION_WARNING);
		execute(job(ContactTriageProcess.TIMER_SCREENING_NEARLY_DUE, contact));

		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_WARN_SCREENING_NEARLY_DUE, ContactTriageProcess.END_SCREENING_WARNED)
			.isWaitingAtExactly(ContactTriageProcess.TASK_SCREEN_CONTACT);
		verify(this.escalation).warn(any(DelegateExecution.class));
		verify(this.escalation, never()).breach(any());
	}

	@Test
	void aGreenContactWithNoChecksIsDecidedNoFurtherActionAndOnlyTheReferrerIsTold() {
		ProcessInstance contact = receive("C-2026-000003/1");

		screen(contact, "GREEN", false, false);

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_THRESHOLD_DECISION)
			.hasPassed(ContactTriageProcess.END_NO_MARAC_REFERRAL)
			.hasNotPassed(ContactTriageProcess.TASK_ALERT_MANAGERS_TO_RED_CONTACT);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_MANAGER);
		Assertions.assertThat(job(ContactTriageProcess.TIMER_DECISION_OVERDUE, contact).getDuedate())
			.isEqualTo(DECISION_DUE);
		Assertions.assertThat(job(ContactTriageProcess.TIMER_DECISION_NEARLY_DUE, contact).getDuedate())
			.isEqualTo(DECISION_WARNING);
		decide(contact, "NFA_ADVICE");
		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		assertThat(task(contact)).hasCandidateGroup(Roles.BUSINESS_SUPPORT).hasCandidateGroup(Roles.MASH_SOCIAL_WORKER);
		complete(task(contact));
		assertThat(contact).isEnded()
			.hasPassed(ContactTriageProcess.END_NO_FURTHER_MASH_ACTION, ContactTriageProcess.END_REFERRER_TOLD);
		verify(this.alerts, never()).redContact(any());
	}

	@Test
	void anAmberContactAsksEachChosenAgencyInParallelDueByTheAmberTargetAndMovesOnWhenAllAnswer() {
		ProcessInstance contact = receive("C-2026-000004/1");
		twoChecks();

		screen(contact, "AMBER", true, false);

		List<Task> checks = taskQuery().processInstanceId(contact.getId())
			.taskDefinitionKey(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK)
			.list();
		Assertions.assertThat(checks).hasSize(2);
		Assertions.assertThat(taskQuery().taskCandidateGroup(Roles.POLICE_LIAISON).count()).isEqualTo(1);
		Assertions.assertThat(taskQuery().taskCandidateGroup(Roles.HEALTH_LIAISON).count()).isEqualTo(1);
		Assertions
			.assertThat(managementService().createJobQuery()
				.processInstanceId(contact.getId())
				.activityId(ContactTriageProcess.TIMER_NO_RESPONSE_IN_TIME)
				.list())
			.hasSize(2)
			.allSatisfy((timer) -> Assertions.assertThat(timer.getDuedate()).isEqualTo(AMBER_DUE));
		assertThat(contact).isNotWaitingAt(ContactTriageProcess.TASK_THRESHOLD_DECISION);
		checks.forEach((check) -> taskService().complete(check.getId()));
		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_THRESHOLD_DECISION)
			.hasNotPassed(ContactTriageProcess.TASK_CLOSE_UNANSWERED_CHECK);
	}

	@Test
	void aCheckUnansweredWhenTheRagTargetPassesClosesAsNoResponseAndTheCaseMovesOn() {
		ProcessInstance contact = receive("C-2026-000005/1");
		policeAnswersAndHealthsTargetPasses(contact);

		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_CLOSE_UNANSWERED_CHECK, ContactTriageProcess.END_NO_RESPONSE_IN_TIME)
			.isWaitingAtExactly(ContactTriageProcess.TASK_THRESHOLD_DECISION);
		Assertions.assertThat(taskQuery().taskCandidateGroup(Roles.HEALTH_LIAISON).count())
			.as("the unanswered request is withdrawn from health's list")
			.isZero();
		verify(this.agencyChecks).noResponseInTime(any());
	}

	@Test
	void aTimedStepClosesItsDeadlineWhenDoneAndCancelsItWhenItGoesUndone() {
		ProcessInstance contact = receive("C-2026-000017/1");
		policeAnswersAndHealthsTargetPasses(contact);

		// The model names only the opening; parsing adds the close and the cancel
		verify(this.deadline).close(argThat(step(ContactTriageProcess.TASK_SCREEN_CONTACT)));
		verify(this.deadline).close(argThat(step(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK)));
		verify(this.deadline).cancel(argThat(step(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK)));
		verify(this.deadline, never()).cancel(argThat(step(ContactTriageProcess.TASK_SCREEN_CONTACT)));
	}

	@Test
	void aRedContactTellsTheManagersAtOnceAndAStrategyDiscussionStartsTheAssessmentDueFromReceipt() {
		ProcessInstance contact = receive("C-2026-000006/1");

		screen(contact, "RED", false, false);

		assertThat(contact).hasPassed(ContactTriageProcess.TASK_ALERT_MANAGERS_TO_RED_CONTACT)
			.isWaitingAtExactly(ContactTriageProcess.TASK_THRESHOLD_DECISION);
		verify(this.alerts).redContact(any());
		decide(contact, "STRATEGY_DISCUSSION_S47");
		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER,
				ContactTriageProcess.TASK_HOLD_STRATEGY_DISCUSSION,
				ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT);
		assertThat(task(ContactTriageProcess.TASK_HOLD_STRATEGY_DISCUSSION, contact))
			.hasCandidateGroup(Roles.ASSESSMENT_SOCIAL_WORKER);
		assertThat(task(ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT, contact))
			.hasCandidateGroup(Roles.ASSESSMENT_SOCIAL_WORKER);
		Assertions.assertThat(job(ContactTriageProcess.TIMER_ASSESSMENT_OVERDUE, contact).getDuedate())
			.as("45 working days from the contact's receipt, not from the decision")
			.isEqualTo(ASSESSMENT_DUE);
		Assertions.assertThat(job(ContactTriageProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, contact).getDuedate())
			.as("1 working day from the decision")
			.isEqualTo(STRATEGY_DISCUSSION_DUE);
		verify(this.sla).due(eq("ASSESSMENT"), eq(RECEIVED));
	}

	@Test
	void aChildInNeedOutcomeHandsToTheAssessmentTeamAndAnOverdueAssessmentIsEscalated() {
		ProcessInstance contact = receive("C-2026-000007/1");
		screen(contact, "AMBER", false, false);

		decide(contact, "CIN_S17_ASSESSMENT");

		assertThat(contact)
			.isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER,
					ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT)
			.hasNotPassed(ContactTriageProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		execute(job(ContactTriageProcess.TIMER_ASSESSMENT_OVERDUE, contact));
		verify(this.escalation).breach(any(DelegateExecution.class));
		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_ESCALATE_OVERDUE_ASSESSMENT,
					ContactTriageProcess.END_ASSESSMENT_ESCALATED)
			.isWaitingAt(ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT);
	}

	@Test
	void anOverdueStrategyDiscussionIsEscalatedAndStillWaitsForTheAssessmentTeam() {
		ProcessInstance contact = receive("C-2026-000016/1");
		screen(contact, "RED", false, false);
		decide(contact, "STRATEGY_DISCUSSION_S47");

		execute(job(ContactTriageProcess.TIMER_STRATEGY_DISCUSSION_OVERDUE, contact));

		verify(this.escalation).breach(any(DelegateExecution.class));
		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_ESCALATE_OVERDUE_STRATEGY_DISCUSSION,
					ContactTriageProcess.END_STRATEGY_DISCUSSION_ESCALATED)
			.isWaitingAt(ContactTriageProcess.TASK_HOLD_STRATEGY_DISCUSSION);
	}

	@Test
	void highRiskDomesticAbuseAddsAMaracReferralBesideTheDecision() {
		ProcessInstance contact = receive("C-2026-000008/1");

		screen(contact, "AMBER", false, true);

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_REFER_TO_MARAC,
				ContactTriageProcess.TASK_THRESHOLD_DECISION);
		assertThat(task(ContactTriageProcess.TASK_REFER_TO_MARAC, contact)).hasCandidateGroup(Roles.MASH_SOCIAL_WORKER);
		complete(task(ContactTriageProcess.TASK_REFER_TO_MARAC, contact));
		assertThat(contact).hasPassed(ContactTriageProcess.END_MARAC_REFERRAL_MADE)
			.isWaitingAtExactly(ContactTriageProcess.TASK_THRESHOLD_DECISION);
	}

	@Test
	void aStepDownGoesToEarlyHelp() {
		ProcessInstance contact = receive("C-2026-000009/1");
		screen(contact, "GREEN", false, false);

		decide(contact, "EARLY_HELP");

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER,
				ContactTriageProcess.TASK_STEP_DOWN_TO_EARLY_HELP);
		assertThat(task(ContactTriageProcess.TASK_STEP_DOWN_TO_EARLY_HELP, contact))
			.hasCandidateGroup(Roles.EARLY_HELP);
	}

	@Test
	void passingToTheAllocatedWorkerAfterScreeningTellsTheReferrerOnce() {
		ProcessInstance contact = receive("C-2026-000010/1");
		screen(contact, "GREEN", false, false);

		Map<String, Object> decision = new HashMap<>();
		decision.put(ContactTriageProcess.OUTCOME, "PASS_TO_ALLOCATED_WORKER");
		decision.put(ContactTriageProcess.DECIDED_AT, SCREENED);
		decision.put(ContactTriageProcess.ALLOCATED_WORKER, "alex.assessor");
		complete(task(contact), decision);

		assertThat(contact).isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER,
				ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER);
		assertThat(task(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER, contact)).isAssignedTo("alex.assessor");
		complete(task(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER, contact));
		assertThat(contact).hasPassed(ContactTriageProcess.END_PASSED_TO_ALLOCATED_WORKER)
			.isWaitingAtExactly(ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
	}

	@Test
	void anOverdueDecisionIsEscalatedAndStillWaitsForTheManager() {
		ProcessInstance contact = receive("C-2026-000011/1");
		screen(contact, "GREEN", false, false);

		execute(job(ContactTriageProcess.TIMER_DECISION_OVERDUE, contact));

		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_ESCALATE_OVERDUE_DECISION, ContactTriageProcess.END_DECISION_ESCALATED)
			.isWaitingAt(ContactTriageProcess.TASK_THRESHOLD_DECISION);
		verify(this.escalation).breach(any(DelegateExecution.class));
	}

	@Test
	void aDecisionNearlyDueWarnsTheManagersAndStillWaitsForThem() {
		ProcessInstance contact = receive("C-2026-000018/1");
		screen(contact, "GREEN", false, false);

		execute(job(ContactTriageProcess.TIMER_DECISION_NEARLY_DUE, contact));

		assertThat(contact)
			.hasPassed(ContactTriageProcess.TASK_WARN_DECISION_NEARLY_DUE, ContactTriageProcess.END_DECISION_WARNED)
			.isWaitingAt(ContactTriageProcess.TASK_THRESHOLD_DECISION);
		verify(this.escalation).warn(any(DelegateExecution.class));
	}

	private static ArgumentMatcher<DelegateTask> step(String taskDefinitionKey) {
		return (task) -> taskDefinitionKey.equals(task.getTaskDefinitionKey());
	}

	private void childHasNoOpenCase() {
		doAnswer((call) -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable(ContactTriageProcess.OPEN_CASE, false);
			execution.setVariable(ContactTriageProcess.ALLOCATED_WORKER, null);
			execution.setVariable(ContactTriageProcess.OPERATION_ENCOMPASS, false);
			return null;
		}).when(this.identity).run(any());
	}

	/**
	 * Amber, police and health asked: the police answer, and the RAG target passes with
	 * health's request unanswered.
	 */
	private void policeAnswersAndHealthsTargetPasses(ProcessInstance contact) {
		twoChecks();
		screen(contact, "AMBER", true, false);
		Task police = taskQuery().processInstanceId(contact.getId())
			.taskCandidateGroup(Roles.POLICE_LIAISON)
			.singleResult();
		taskService().complete(police.getId());
		execute(managementService().createJobQuery()
			.processInstanceId(contact.getId())
			.activityId(ContactTriageProcess.TIMER_NO_RESPONSE_IN_TIME)
			.singleResult());
	}

	private void twoChecks() {
		when(this.agencyChecks.asked(any())).thenReturn(List.of("check-police", "check-health"));
		when(this.agencyChecks.liaisonGroup("check-police")).thenReturn(Roles.POLICE_LIAISON);
		when(this.agencyChecks.liaisonGroup("check-health")).thenReturn(Roles.HEALTH_LIAISON);
	}

	private static ProcessInstance receive(String triageReference) {
		return runtimeService().startProcessInstanceByKey(ContactTriageProcess.PROCESS, triageReference, Map
			.of(ContactTriageProcess.RECEIVED_AT, RECEIVED, ContactTriageProcess.DECISION_POLICY, "CONTACT_DECISION"));
	}

	private static void screen(ProcessInstance contact, String rag, boolean checks, boolean marac) {
		Map<String, Object> screening = new HashMap<>();
		screening.put(ContactTriageProcess.RAG, rag);
		screening.put(ContactTriageProcess.RAG_POLICY, "RAG_" + rag);
		screening.put(ContactTriageProcess.RAG_SET_AT, SCREENED);
		screening.put(ContactTriageProcess.SCREENED_AT, SCREENED);
		screening.put(ContactTriageProcess.AGENCY_CHECKS_ASKED, checks);
		screening.put(ContactTriageProcess.MARAC_REFERRAL, marac);
		complete(task(ContactTriageProcess.TASK_SCREEN_CONTACT, contact), screening);
	}

	private static void decide(ProcessInstance contact, String outcome) {
		complete(task(ContactTriageProcess.TASK_THRESHOLD_DECISION, contact),
				Map.of(ContactTriageProcess.OUTCOME, outcome, ContactTriageProcess.DECIDED_AT, SCREENED));
	}

}
