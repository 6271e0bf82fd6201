package org.mashhub;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on the real database: Flyway has built its tables and the engine has deployed
 * every model in bpmn/.
 */
@IntegrationTest
class PlatformIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	@Test
	void flywayHasAppliedEveryMigrationSuccessfully() {
		List<String> failed = this.jdbc.sql("select version from flyway_schema_history where not success")
			.query(String.class)
			.list();
		Integer applied = this.jdbc.sql("select count(*) from flyway_schema_history where success")
			.query(Integer.class)
			.single();

		assertThat(failed).isEmpty();
		assertThat(applied).isPositive();
		assertThat(this.jdbc.sql("select to_regclass('access_audit') is not null").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void theContactTriageModelIsDeployedFromTheBpmnFolder() {
		assertThat(this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(ContactTriageProcess.PROCESS)
			.latestVersion()
			.singleResult()).isNotNull()
			.satisfies((definition) -> assertThat(definition.getResourceName())
				.isEqualTo("bpmn/referral/ContactTriageProcess.bpmn"));
	}

	@Test
	void theEngineRunsOnPostgreSql() {
		String schema = this.jdbc.sql("select version_ from act_ge_schema_log order by timestamp_ desc limit 1")
			.query(String.class)
			.single();

		assertThat(schema).startsWith("7.24");
	}

}
