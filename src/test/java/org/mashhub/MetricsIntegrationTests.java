package org.mashhub;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.TimedSteps;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' view: {@code /actuator/prometheus} for hub-admin or the scrape token,
 * with open and overdue work by process, SLA warnings and breaches by policy, jobs due
 * and failed, undelivered events and the mail outbox; readiness with the database and the
 * timers.
 */
@IntegrationTest
class MetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void theScrapeTokenOrAHubAdminReadsTheMetricsAndNobodyElse() {
		Api api = new Api(this.port);

		assertThat(api.get("/actuator/prometheus", IntegrationStack.SCRAPE_TOKEN).statusCode()).isEqualTo(200);
		assertThat(api.get("/actuator/prometheus", Tokens.forUser("ada.admin")).statusCode()).isEqualTo(200);
		assertThat(api.get("/actuator/prometheus", Tokens.forUser("maya.manager")).statusCode()).isEqualTo(403);
		assertThat(api.get("/actuator/prometheus", "not-the-token").statusCode()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

	@Test
	void theMetricsFollowTheWorkTheDeadlinesAndTheOutbox() {
		String process = "MetricsProcess" + UUID.randomUUID().toString().substring(0, 8);
		Instant past = Instant.parse("2020-01-01T00:00:00Z");
		this.jdbc
			.sql("""
					insert into work_item (task_id, process_instance_id, process_definition_key, process_type,
					  task_definition_key, task_name, priority, due_at, candidate_groups, created_at, state)
					values (:id, :id, :process, 'Metrics', 'Task_Step', 'Step', 50, :past, array['hub-admin'], :past, 'OPEN'),
					  (:id || '-2', :id || '-2', :process, 'Metrics', 'Task_Step', 'Step', 50, null, array['hub-admin'],
					   :past, 'OPEN')""")
			.param("id", "metrics-" + UUID.randomUUID())
			.param("process", process)
			.param("past", Timestamp.from(past))
			.update();
		this.jdbc
			.sql("""
					insert into mail_outbox (created_at, recipient, recipient_kind, subject, body, attempts, next_attempt_at,
					  last_error, given_up_at)
					values (:past, 'nobody@council.test', 'a person', 'MASH Hub: metrics', 'Body', 10, :past, 'refused',
					  :past)""")
			.param("past", Timestamp.from(past))
			.update();

		new TimedSteps(this.repository, this.runtime, this.tasks).start("COMPLAINT_STAGE_1_RESPONSE",
				"2026-11-23T10:00:00Z", "metrics-" + UUID.randomUUID());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String metrics = scrape();
			assertThat(value(metrics, "mash_work_open\\{process=\"" + process + "\"\\}")).isEqualTo(2);
			assertThat(value(metrics, "mash_work_overdue\\{process=\"" + process + "\"\\}")).isEqualTo(1);
			assertThat(value(metrics, "mash_mail_given_up")).isGreaterThanOrEqualTo(1);
			assertThat(metrics).contains("mash_sla_breaches_total{policy=\"COMPLAINT_STAGE_1_RESPONSE\"}");
		});
		String metrics = scrape();
		assertThat(metrics).contains("mash_sla_warnings_total{policy=", "mash_sla_breaches_total{policy=",
				"mash_jobs_due ", "mash_jobs_failed ", "mash_events_undelivered ", "mash_mail_waiting ",
				"mash_mail_failing ");
	}

	@Test
	void readinessAsksTheDatabaseAndTheTimers() {
		HttpResponse<String> ready = new Api(this.port).get("/actuator/health/readiness", Tokens.forUser("ada.admin"));

		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"db\"").contains("\"timers\"").contains("\"status\":\"UP\"");
	}

	private String scrape() {
		HttpResponse<String> scraped = new Api(this.port).get("/actuator/prometheus", IntegrationStack.SCRAPE_TOKEN);
		assertThat(scraped.statusCode()).isEqualTo(200);
		return scraped.body();
	}

	private static double value(String metrics, String series) {
		Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(metrics);
		assertThat(matcher.find()).as(series + " in the metrics").isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
