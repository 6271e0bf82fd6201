package org.mashhub;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Api;
import org.mashhub.testing.ApiSamples;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under the app and comes back: meanwhile every request that needs
 * it is a 503 (a problem with Retry-After for the API, the error page in words for
 * people), never a 401 for a valid token nor a 500, and health is down; afterwards the
 * app works again without a restart.
 */
@IntegrationTest
class DatabaseOutageIntegrationTests {

	@LocalServerPort
	int port;

	/**
	 * An hour after the sample contact was received, so it is valid and reaches the
	 * database.
	 */
	@BeforeEach
	void onTheSampleContactsDay() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T17:00:00Z")));
	}

	@AfterEach
	void bringTheDatabaseBack() {
		IntegrationStack.database().restore();
		ClockUtil.reset();
	}

	@Test
	void whileTheDatabaseIsAwayTheApiAnswers503AndAfterwardsTheAppWorksAgain() {
		Api api = new Api(this.port);
		String manager = Tokens.forUser("maya.manager");
		String police = Tokens.forPartner("police");
		WebSession session = WebSession.signIn(this.port, "maya.manager");
		assertThat(api.get("/api/tasks", manager).statusCode()).isEqualTo(200);

		IntegrationStack.database().cut();

		HttpResponse<String> work = api.get("/api/tasks", manager);
		assertThat(work.statusCode()).isEqualTo(503);
		assertThat(work.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(work.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(work.body()).contains("The database cannot be reached just now");
		assertThat(api.submitContact(ApiSamples.BODIES.get("POST /api/contacts"), UUID.randomUUID().toString(), police)
			.statusCode()).as("a partner's valid token is never refused as a bad one").isEqualTo(503);
		assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(503);
		HttpResponse<String> page = session.get("/notices");
		assertThat(page.statusCode()).as("a page says so, in words").isEqualTo(503);
		assertThat(page.body()).contains("Sorry, MASH Hub is unavailable for a moment")
			.contains("The database cannot be reached just now");

		IntegrationStack.database().restore();

		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/tasks", manager).statusCode() == 200);
		assertThat(api.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
		assertThat(session.get("/notices").statusCode()).isEqualTo(200);
	}

}
