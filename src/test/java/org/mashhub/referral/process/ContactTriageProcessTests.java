package org.mashhub.referral.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mashhub.security.Roles;
import org.mashhub.testing.ProcessTestEngine;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

@Deployment(resources = "bpmn/referral/ContactTriageProcess.bpmn")
class ContactTriageProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	@BeforeEach
	void useTestEngine() {
		init(engine.getProcessEngine());
	}

	@Test
	void aContactWaitsForAMashSocialWorkerToScreenIt() {
		ProcessInstance contact = runtimeService().startProcessInstanceByKey(ContactTriage.PROCESS, "contact-1");

		assertThat(contact).isWaitingAt(ContactTriage.TASK_SCREEN_CONTACT);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_SOCIAL_WORKER);
		Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup(Roles.BUSINESS_SUPPORT).count())
			.as("business support may log contacts but never screen them")
			.isZero();
	}

	@Test
	void aScreenedContactGoesToAMashManagerForTheThresholdDecision() {
		ProcessInstance contact = runtimeService().startProcessInstanceByKey(ContactTriage.PROCESS, "contact-2");

		complete(task(contact));

		assertThat(contact).isWaitingAt(ContactTriage.TASK_THRESHOLD_DECISION);
		assertThat(task(contact)).hasCandidateGroup(Roles.MASH_MANAGER);
		complete(task(contact));
		assertThat(contact).hasPassedInOrder(ContactTriage.TASK_SCREEN_CONTACT, ContactTriage.TASK_THRESHOLD_DECISION,
				ContactTriage.END_CONTACT_DECIDED);
		assertThat(contact).isEnded();
	}

}
