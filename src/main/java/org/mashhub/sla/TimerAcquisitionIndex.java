package org.mashhub.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * An index on the engine's job due dates. Every few seconds each node's job executor asks
 * for the jobs due now, oldest first; without it PostgreSQL reads every scheduled timer
 * to answer (at 100,000s of SLA timers, a third of a second of database time per look).
 * Added once the engine has made its schema, like the engine's own indexes.
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
			statement.execute(
					"update act_ru_job set duedate_ = coalesce(create_time_, localtimestamp) where duedate_ is null");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not index the engine's job due dates", ex);
		}
	}

}
