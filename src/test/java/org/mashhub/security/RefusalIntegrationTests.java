package org.mashhub.security;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals on the real stack: each is audited once, whoever decided it, and no input
 * turns into a 500 or an answer that is not a problem document.
 */
@IntegrationTest
class RefusalIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/api/notices?page=2147483647&size=200", "/api/tasks?page=2147483647&size=200",
			"/api/tasks?tab=UNASSIGNED&page=2147483647&size=1", "/api/audit/access?page=2147483647&size=200",
			"/api/deadlines/open?page=2147483647&size=200" })
	void aPageBeyondTheLastIsEmpty(String path) {
		HttpResponse<String> response = api().get(path, Tokens.forUser("maya.manager"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).matches("\\[\\]|.*\"items\":\\[\\].*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/notices?page=-1", "/api/tasks?size=0", "/api/tasks?page=99999999999",
			"/api/tasks?size=201", "/api/tasks?tab=NOPE", "/api/deadlines/not-a-uuid",
			"/api/children/not-a-uuid/chronology" })
	void aPageOrIdThatCannotBeIsAProblem(String path) {
		HttpResponse<String> response = api().get(path, Tokens.forUser("maya.manager"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anAddressTheServerWillNotServeIsAProblemOnTheApi() {
		HttpResponse<String> response = api().get("/api/tasks/%2e%2e%2f%2e%2e%2fadmin", Tokens.forUser("maya.manager"));

		assertThat(response.statusCode()).isBetween(400, 404);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + response.statusCode());
	}

	@Test
	void aModulesRefusalIsAuditedOnce() {
		String path = "/api/complaints/CMP-2026-" + uniqueNumber();

		HttpResponse<String> refused = api().get(path, Tokens.forUser("sam.screener"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Complaints are for the complaints team");
		assertThat(auditedRefusals("sam.screener", path)).containsExactly(AccessAudit.ACCESS_DENIED);
	}

	@Test
	void aHidingNotFoundIsAuditedOnce() {
		String path = "/api/complaints/CMP-2026-" + uniqueNumber();

		assertThat(api().get(path, Tokens.forUser("ian.investigator")).statusCode()).isEqualTo(404);

		assertThat(auditedRefusals("ian.investigator", path)).containsExactly(AccessAudit.NOT_FOUND);
	}

	@Test
	void aRoleRefusedByMethodSecurityIsAuditedOnce() {
		String path = "/api/children/" + UUID.randomUUID();

		assertThat(api().get(path, Tokens.forUser("paul.police")).statusCode()).isEqualTo(403);

		assertThat(auditedRefusals("paul.police", path)).containsExactly(AccessAudit.ACCESS_DENIED);
	}

	private java.util.List<String> auditedRefusals(String username, String path) {
		return this.jdbc.sql("select action from access_audit where username = :username and subject_id = :path")
			.param("username", username)
			.param("path", path)
			.query(String.class)
			.list();
	}

	private static String uniqueNumber() {
		return Long.toString(System.nanoTime() % 100000000L);
	}

	private Api api() {
		return new Api(this.port);
	}

}
