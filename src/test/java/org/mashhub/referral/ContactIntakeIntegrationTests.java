package org.mashhub.referral;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner API for contacts on the real stack: one triage per child, precise 400s,
 * idempotent retries, and each agency submitting for itself only.
 */
@IntegrationTest
class ContactIntakeIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	/** The front door's clock: Friday 20 November 2026, 17:00. */
	private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

	@BeforeEach
	void fixTheClock() {
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aPoliceSystemSubmitsAContactAndEachSiblingGetsATriageInTheScreenersQueue() throws Exception {
		HttpResponse<String> response = post(ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T16:00:00Z"),
				"police-1", Tokens.forPartner("police"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode receipt = JSON.readTree(response.body());
		String reference = receipt.get("reference").asText();
		assertThat(reference).matches("C-\\d{4}-\\d{6}");
		assertThat(response.headers().firstValue("Location")).hasValue("/api/contacts/" + reference);
		assertThat(receipt.get("children").size()).isEqualTo(2);
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.list()
			.stream()
			.map(org.camunda.bpm.engine.task.Task::getName))
			.as("a police domestic-abuse notification: the school is told too")
			.containsExactlyInAnyOrder("Screen contact and set RAG", "Tell the school (Operation Encompass)");
		String screener = Tokens.forUser("sam.screener");
		assertThat(new Api(this.port).get("/api/tasks?tab=UNASSIGNED&q=amy", screener).body())
			.contains("\"subjectLabel\":\"Amy Test\"")
			.contains(reference + "/1");
		Api api = new Api(this.port);
		HttpResponse<String> read = api.get("/api/contacts/" + reference, screener);
		assertThat(read.statusCode()).as("the Location answers").isEqualTo(200);
		assertThat(JSON.readTree(read.body()).get("children").get(1).get("givenNames").asText()).isEqualTo("Ben");
		assertThat(api.get("/api/contacts/" + reference, Tokens.forUser("paul.police")).statusCode())
			.as("an agency liaison never reads the whole contact")
			.isEqualTo(403);
		assertThat(api.get("/api/contacts/" + reference, Tokens.forPartner("police")).statusCode())
			.as("the system that sent it")
			.isEqualTo(200);
		assertThat(api.get("/api/contacts/" + reference, Tokens.forUser("bella.support")).statusCode())
			.as("business support that did not record it")
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select concerns from contact where reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).as("free text kept exactly as given")
			.isEqualTo("Police attended a domestic incident at <b>home</b>; children present.");
	}

	@Test
	void aRetryWithTheSameKeyAndBodyCreatesNothingTwiceAndADifferentBodyIs409() throws Exception {
		String body = ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T15:00:00Z");
		String police = Tokens.forPartner("police");
		HttpResponse<String> first = post(body, "police-retry", police);
		int contactsBefore = contacts();

		HttpResponse<String> retry = post(body, "police-retry", police);

		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(retry.body()).get("reference"))
			.isEqualTo(JSON.readTree(first.body()).get("reference"));
		assertThat(contacts()).isEqualTo(contactsBefore);
		HttpResponse<String> different = post(body.replace("PC Jane Doe", "PC John Roe"), "police-retry", police);
		assertThat(different.statusCode()).isEqualTo(409);
		assertThat(different.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(contacts()).isEqualTo(contactsBefore);
	}

	@Test
	void invalidInputNamesEveryInvalidFieldAndStoresNothing() throws Exception {
		int contactsBefore = contacts();
		String invalid = """
				{
				  "receivedAt": "%s",
				  "referrer": {"name": "", "agency": "POLICE", "feedbackRoute": "PHONE"},
				  "children": [{"givenNames": "Amy", "familyName": "", "nhsNumber": "9434765918"}],
				  "concerns": "x",
				  "categories": [],
				  "consent": {"status": "GIVEN"},
				  "domesticAbuse": {"dashTicks": 30, "safeToContactVictim": true}
				}""".formatted(NOW.minus(8, ChronoUnit.DAYS));

		HttpResponse<String> response = post(invalid, "police-invalid", Tokens.forPartner("police"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(response.body()).get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("referrer.name", "children[0].familyName", "categories",
					"domesticAbuse.dashTicks", "receivedAt", "consent.givenBy", "referrer.phone",
					"domesticAbuse.safeContactRoute", "children[0].nhsNumber");
		assertThat(contacts()).isEqualTo(contactsBefore);
	}

	@Test
	void aPartnerCannotSubmitForAnotherAgencyNorCanAnAgencyLiaisonUser() throws Exception {
		String body = ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T16:30:00Z");

		assertThat(post(body, "health-1", Tokens.forPartner("health")).statusCode()).isEqualTo(403);
		assertThat(post(body, "eddie-1", Tokens.forUser("eddie.education")).statusCode()).isEqualTo(403);
		assertThat(post(body, "anon-1", null).statusCode()).isEqualTo(401);
		assertThat(post(body, null, Tokens.forPartner("police")).statusCode()).as("no Idempotency-Key").isEqualTo(400);
	}

	@Test
	void anOversizedBodyIsRefusedUnread() throws Exception {
		String huge = "{\"concerns\":\"" + "x".repeat(70 * 1024) + "\"}";

		HttpResponse<String> response = post(huge, "huge-1", Tokens.forPartner("police"));

		assertThat(response.statusCode()).isEqualTo(413);
	}

	private HttpResponse<String> post(String json, String idempotencyKey, String token) {
		return new Api(this.port).submitContact(json, idempotencyKey, token);
	}

	private int contacts() {
		return this.jdbc.sql("select count(*) from contact").query(Integer.class).single();
	}

}
