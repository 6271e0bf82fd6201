package org.mashhub.referral.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = "bpmn/referral/ContactTriageProcess.bpmn")
class ContactTriageProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	private static final Date RECEIVED = Date.from(Instant.parse("2026-11-20T16:00:00Z"));

	private static final Date DUE = Date.from(Instant.parse("2026-11-23T16:00:00Z"));

	private static final Date WARN = Date.from(Instant.parse("2026-11-23T14:00:00Z"));

	private final Sla sla = mock(Sla.class);

	private final SlaEscalation escalation = mock(SlaEscalation.class);

	@BeforeEach
	void useTestEngineWithTheSlaBeans() {
		init(engine.getProcessEngine());
		when(this.sla.due("CONTACT_DECISION", RECEIVED)).thenReturn(DUE);
		when(this.sla.warn("CONTACT_DECISION", RECEIVED)).thenReturn(WARN);
		ProcessTestEngine.beans().put("sla", this.sla);
		ProcessTestEngine.beans().put("deadline", mock(DeadlineTaskListener.class));
		ProcessTestEngine.beans().put("slaEscalation", this.escalation);
	}

	@Test
	void aContactWaitsForAMashSocialWorkerToScreenIt() {
		ProcessInstance contact = receive("contact-1");

		assertThat(contact).isWaitingAt(ContactTriage.TASK_SCREEN_CONTACT);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_SOCIAL_WORKER);
		Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup(Roles.BUSINESS_SUPPORT).count())
			.as("business support may log contacts but never screen them")
			.isZero();
	}

	@Test
	void aScreenedContactGoesToAMashManagerForTheThresholdDecisionDueByTheDecisionTarget() {
		ProcessInstance contact = receive("contact-2");

		complete(task(contact));

		assertThat(contact).isWaitingAt(ContactTriage.TASK_THRESHOLD_DECISION);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_MANAGER);
		Assertions.assertThat(job(ContactTriage.TIMER_DECISION_OVERDUE, contact).getDuedate()).isEqualTo(DUE);
		Assertions.assertThat(job(ContactTriage.TIMER_DECISION_NEARLY_DUE, contact).getDuedate()).isEqualTo(WARN);
		complete(task(contact));
		assertThat(contact).hasPassedInOrder(ContactTriage.TASK_SCREEN_CONTACT, ContactTriage.TASK_THRESHOLD_DECISION,
				ContactTriage.END_CONTACT_DECIDED);
		assertThat(contact).isEnded();
	}

	@Test
	void anOverdueDecisionIsEscalatedAndStillWaitsForTheManager() {
		ProcessInstance contact = receive("contact-3");
		complete(task(contact));

		execute(job(ContactTriage.TIMER_DECISION_OVERDUE, contact));

		assertThat(contact).hasPassed(ContactTriage.TASK_ESCALATE_OVERDUE_DECISION)
			.isWaitingAt(ContactTriage.TASK_THRESHOLD_DECISION);
		verify(this.escalation).breach(any(DelegateExecution.class));
	}

	private static ProcessInstance receive(String contactId) {
		return runtimeService().startProcessInstanceByKey(ContactTriage.PROCESS, contactId,
				Map.of(ContactTriage.RECEIVED_AT, RECEIVED));
	}

}
