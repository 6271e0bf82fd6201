package org.mashhub.sla;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor takes the oldest due job first, reading an index on due dates, checks
 * for jobs in flight on an index of locked jobs, and no job is left without a due date
 * (acquisition would never ask for it).
 */
@IntegrationTest
class TimerAcquisitionIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void jobsAreAcquiredOldestDueFirstFromAnIndexOnDueDates() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
		assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
		assertThat(this.jdbc.sql(
				"select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = 'mash_idx_job_duedate'")
			.query(String.class)
			.single()).contains("(duedate_)");
	}

	@Test
	void whetherAProcessHasAJobInFlightIsAnsweredFromTheLockedJobsOnly() {
		String plan = this.transactions.execute((status) -> {
			// Forbidding table scans shows whether the index can answer at all
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql("""
					explain select j.process_instance_id_ from act_ru_job j
					where j.exclusive_ = true and j.lock_owner_ is not null and j.lock_exp_time_ >= localtimestamp""")
				.query(String.class)
				.list());
		});
		assertThat(plan).contains("mash_idx_job_locked").doesNotContain("Seq Scan");
	}

	@Test
	void aJobWrittenWithoutADueDateIsGivenItsCreationTimeSoThatItStillRuns() {
		LocalDateTime created = LocalDateTime.parse("2026-11-20T09:30:00");
		this.jdbc.sql("""
				insert into act_ru_job (id_, rev_, type_, retries_, suspension_state_, priority_, create_time_,
				  handler_type_, exclusive_)
				values ('undated-job', 1, 'message', 3, 1, 0, :created, 'async-continuation', true)""")
			.param("created", created)
			.update();
		try {
			new TimerAcquisitionIndex().postProcessEngineBuild(this.engine);

			assertThat(this.jdbc.sql("select duedate_ from act_ru_job where id_ = 'undated-job'")
				.query(LocalDateTime.class)
				.single()).isEqualTo(created);
		}
		finally {
			this.jdbc.sql("delete from act_ru_job where id_ = 'undated-job'").update();
		}
	}

}
