package org.mashhub.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Indexes for the engine's job acquisition. Every few seconds, and without pause in a
 * burst, each node's job executor asks for the jobs due now, oldest first, whose process
 * has no job in flight. Without these PostgreSQL reads every scheduled timer to answer
 * each part (at 100,000 SLA timers, 30 to 300 ms of database time per look): one index on
 * due dates, and one on the few jobs locked by a node. Added once the engine has made its
 * schema, like the engine's own indexes.
 * <p>
 * Acquisition asks only for jobs with a due date ({@code ensure-job-due-date-not-null}):
 * a job written before that setting, without one, is given its creation time so that it
 * still runs.
 */
@Component
class TimerAcquisitionIndex extends AbstractProcessEnginePlugin {

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create index if not exists mash_idx_job_duedate on act_ru_job (duedate_)");
			statement.execute("create index if not exists mash_idx_job_locked on act_ru_job (lock_exp_time_) "
					+ "where lock_owner_ is not null");
			statement.execute(
					"update act_ru_job set duedate_ = coalesce(create_time_, localtimestamp) where duedate_ is null");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not index the engine's job due dates", ex);
		}
	}

}
