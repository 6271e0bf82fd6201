package org.mashhub.sla;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job that keeps failing is tried again after 1, 5 and 15 minutes and then becomes an
 * incident (Cockpit, mash_jobs_failed), never a storm of retries.
 */
@IntegrationTest
class FailedJobIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	private ProcessInstance instance;

	@AfterEach
	void removeTheInstanceAndResetTheClock() {
		if (this.instance != null) {
			this.runtime.deleteProcessInstance(this.instance.getId(), "test over");
		}
		ClockUtil.reset();
	}

	@Test
	void aFailingJobBacksOffThreeTimesAndThenBecomesAnIncident() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("FailingJobProcess")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Fails")
			.camundaAsyncBefore()
			.camundaExpression("${noSuchVariable}")
			.endEvent()
			.done();
		this.repository.createDeployment().addModelInstance("failing-job.bpmn", model).deploy();
		ClockUtil.setCurrentTime(Date.from(NOW));
		this.instance = this.runtime.startProcessInstanceByKey("FailingJobProcess");

		// The first run and three retries, each after a longer wait
		assertThat(failOnce().getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(60)));
		assertThat(failOnce().getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(300)));
		assertThat(failOnce().getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(900)));
		assertThat(failOnce().getRetries()).isZero();

		assertThat(this.runtime.createIncidentQuery().processInstanceId(this.instance.getId()).count()).isOne();
		assertThat(this.runtime.createIncidentQuery()
			.processInstanceId(this.instance.getId())
			.singleResult()
			.getIncidentMessage()).contains("noSuchVariable");
	}

	/** Runs the job once, as the executor would; it fails. Returns it as it is then. */
	private Job failOnce() {
		String id = job().getId();
		assertThatThrownBy(() -> this.management.executeJob(id)).hasMessageContaining("noSuchVariable");
		return job();
	}

	private Job job() {
		return this.management.createJobQuery().processInstanceId(this.instance.getId()).singleResult();
	}

}
