package org.mashhub.testing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.mashhub.sla.ShippedSla;

/**
 * One engine for every process test in the JVM, on its own database of the real test
 * PostgreSQL (no second SQL dialect), with no job executor: tests fire timers themselves.
 * It parses models as the app's engine does, so a timed step closes and cancels its
 * deadline here too.
 */
public final class ProcessTestEngine {

	private static final Map<Object, Object> BEANS = new HashMap<>();

	private static ProcessEngine engine;

	private ProcessTestEngine() {
	}

	/**
	 * The extension for {@code @RegisterExtension}: deploys a test's models and removes
	 * them after.
	 */
	public static ProcessEngineExtension extension() {
		return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
	}

	/**
	 * Beans the models' expressions may name; the engine reads this map at every
	 * resolution.
	 */
	public static Map<Object, Object> beans() {
		return BEANS;
	}

	public static synchronized ProcessEngine engine() {
		if (engine == null) {
			IntegrationStack.postgres().createDatabase("process_tests");
			StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
			configuration.setProcessEngineName("process-tests");
			configuration.setJdbcDriver("org.postgresql.Driver");
			configuration.setJdbcUrl(IntegrationStack.postgres().jdbcUrl("process_tests"));
			configuration.setJdbcUsername(IntegrationStack.postgres().username());
			configuration.setJdbcPassword("");
			configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
			configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
			configuration.setJobExecutorActivate(false);
			configuration.setEnforceHistoryTimeToLive(true);
			configuration.setBeans(BEANS);
			configuration.getProcessEnginePlugins().add(ShippedSla.parsing());
			engine = configuration.buildProcessEngine();
		}
		return engine;
	}

}
