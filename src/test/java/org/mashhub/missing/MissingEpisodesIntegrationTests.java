package org.mashhub.missing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.ChildRecords;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missing episodes over the API on the real stack: the police system reports a child
 * missing and their return with its own token, idempotently; the rules on dates and
 * overlaps; who may read an episode; the independence of the return home interview.
 */
@IntegrationTest
class MissingEpisodesIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ChildRecords children;

	private Api api;

	private final String police = Tokens.forPartner("police");

	@BeforeEach
	void atNoonOnMonday() {
		this.api = new Api(this.port);
		at("2026-11-23T12:00:00Z");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void thePoliceSystemReportsAChildMissingAndReadsItsOwnReport() throws Exception {
		HttpResponse<String> reported = report(MissingFixtures.aReport(MissingFixtures.aFamilyName()));

		assertThat(reported.statusCode()).isEqualTo(201);
		String reference = json(reported).get("reference").asText();
		assertThat(reference).startsWith("MIS-2026-");
		JsonNode episode = json(this.api.get("/api/missing-episodes/" + reference, this.police));
		assertThat(episode.get("reading").asText()).isEqualTo("OWN_REPORT");
		assertThat(episode.at("/episode/report/startedAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
		assertThat(episode.at("/episode/report/reportingAgency").asText()).isEqualTo("POLICE");
		assertThat(episode.get("timeline")).as("the council's work is not the police's").isEmpty();
		assertThat(taskOf(reference, MissingEpisodeProcess.TASK_REVIEW_RISK).getDueDate().toInstant())
			.as("a medium-risk review 24 hours after the report")
			.isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
	}

	@Test
	void theReturnStartsThe72HoursAndASecondReportOfItChangesNothing() throws Exception {
		String reference = reported(MissingFixtures.aFamilyName());
		at("2026-11-23T16:00:00Z");

		HttpResponse<String> first = this.api.send("POST", "/api/missing-episodes/" + reference + "/return",
				MissingFixtures.aReturn(MissingFixtures.RETURNED), this.police);
		HttpResponse<String> second = this.api.send("POST", "/api/missing-episodes/" + reference + "/return",
				MissingFixtures.aReturn(MissingFixtures.RETURNED.plusSeconds(3600)), this.police);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json(first).get("interviewDueAt").asText()).isEqualTo("2026-11-26T15:00:00Z");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).as("answers as the first did").isEqualTo(first.body());
		assertThat(this.jdbc.sql("select returned_at from missing_episode where reference = :reference")
			.param("reference", reference)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(MissingFixtures.RETURNED);
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW)
			.list()).hasSize(1);
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(MissingEpisodeProcess.TASK_REVIEW_RISK)
			.count()).as("reviews stop at the return").isZero();
	}

	@Test
	void theSameKeyAnswersAsTheFirstTimeAndADifferentReportUnderItIsAConflict() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = this.api.post("/api/missing-episodes", MissingFixtures.aReport(familyName), key,
				this.police);
		HttpResponse<String> again = this.api.post("/api/missing-episodes", MissingFixtures.aReport(familyName), key,
				this.police);
		HttpResponse<String> other = this.api.post("/api/missing-episodes",
				MissingFixtures.aReport(MissingFixtures.aFamilyName()), key, this.police);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(json(again).get("reference").asText()).isEqualTo(json(first).get("reference").asText());
		assertThat(other.statusCode()).isEqualTo(409);
		assertThat(episodesOf(familyName)).isEqualTo(1);
	}

	@Test
	void aReportWithoutAnIdempotencyKeyIsRefused() {
		HttpResponse<String> refused = this.api.send("POST", "/api/missing-episodes",
				MissingFixtures.aReport(MissingFixtures.aFamilyName()), this.police);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Idempotency-Key");
	}

	@Test
	void aReturnForAChildNotRecordedAsMissingIsAConflictAndNoEpisode() throws Exception {
		long before = this.jdbc.sql("select count(*) from missing_episode").query(Long.class).single();

		HttpResponse<String> refused = this.api.send("POST", "/api/missing-episodes/MIS-2026-999999/return",
				MissingFixtures.aReturn(MissingFixtures.RETURNED), this.police);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(this.jdbc.sql("select count(*) from missing_episode").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aChildAlreadyMissingCannotBeReportedMissingAgain() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		reported(familyName);

		HttpResponse<String> again = report(MissingFixtures.aReport(familyName, "HIGH",
				MissingFixtures.LAST_SEEN.plusSeconds(3600), MissingFixtures.REPORTED.plusSeconds(3600)));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(json(again).at("/errors/child").asText()).contains("already recorded as missing");
		assertThat(episodesOf(familyName)).isEqualTo(1);
	}

	@Test
	void anEpisodeMayNotOverlapAnEarlierOne() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		String reference = reported(familyName);
		at("2026-11-23T16:00:00Z");
		this.api.send("POST", "/api/missing-episodes/" + reference + "/return",
				MissingFixtures.aReturn(MissingFixtures.RETURNED), this.police);

		HttpResponse<String> overlapping = report(MissingFixtures.aReport(familyName, "LOW",
				Instant.parse("2026-11-23T14:00:00Z"), Instant.parse("2026-11-23T15:30:00Z")));

		assertThat(overlapping.statusCode()).isEqualTo(400);
		assertThat(json(overlapping).at("/errors/lastSeenAt").asText()).contains("overlaps episode " + reference);
	}

	@Test
	void theDatesOfAReportAreCheckedAgainstBirthAndNow() throws Exception {
		HttpResponse<String> beforeBirth = report(MissingFixtures.aReport(MissingFixtures.aFamilyName(), "LOW",
				Instant.parse("2010-01-01T10:00:00Z"), MissingFixtures.REPORTED));
		HttpResponse<String> future = report(MissingFixtures.aReport(MissingFixtures.aFamilyName(), "LOW",
				Instant.parse("2026-11-24T10:00:00Z"), null));
		HttpResponse<String> unknownGrade = report(MissingFixtures.aReport(MissingFixtures.aFamilyName(), "SEVERE",
				MissingFixtures.LAST_SEEN, MissingFixtures.REPORTED));

		assertThat(json(beforeBirth).at("/errors/lastSeenAt").asText()).contains("before the child was born");
		assertThat(json(future).at("/errors/lastSeenAt").asText()).contains("future");
		assertThat(json(unknownGrade).at("/errors/riskGrade").asText()).contains("NO_APPARENT_RISK");
		assertThat(List.of(beforeBirth.statusCode(), future.statusCode(), unknownGrade.statusCode())).containsOnly(400);
	}

	@Test
	void aReturnBeforeTheEpisodeBeganIsRefused() throws Exception {
		String reference = reported(MissingFixtures.aFamilyName());

		HttpResponse<String> refused = this.api.send("POST", "/api/missing-episodes/" + reference + "/return",
				MissingFixtures.aReturn(Instant.parse("2026-11-23T07:00:00Z")), this.police);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).at("/errors/returnedAt").asText()).contains("before the episode began");
	}

	@Test
	void anotherAgencysSystemAndStaffWithoutAPartSeeNoEpisode() throws Exception {
		String reference = reported(MissingFixtures.aFamilyName());

		assertThat(this.api.get("/api/missing-episodes/" + reference, Tokens.forPartner("health")).statusCode())
			.isEqualTo(404);
		assertThat(this.api.get("/api/missing-episodes/" + reference, Tokens.forUser("cara.complaints")).statusCode())
			.isEqualTo(404);
		assertThat(this.api.get("/api/missing-episodes/" + reference, Tokens.forUser("ravi.rhi")).statusCode())
			.as("no interview is due while the child is missing")
			.isEqualTo(404);
		JsonNode coordinator = json(this.api.get("/api/missing-episodes/" + reference, Tokens.forUser("mia.missing")));
		assertThat(coordinator.get("reading").asText()).isEqualTo("WHOLE_EPISODE");
		assertThat(coordinator.get("timeline")).isNotEmpty();
	}

	@Test
	void theInterviewWorkerReadsTheEpisodeButNotTheChildsRecord() throws Exception {
		String reference = returned(MissingFixtures.aFamilyName());
		String rhi = Tokens.forUser("ravi.rhi");

		JsonNode episode = json(this.api.get("/api/missing-episodes/" + reference, rhi));

		assertThat(episode.get("reading").asText()).isEqualTo("FOR_INTERVIEW");
		assertThat(episode.at("/episode/child/placement").asText()).isEqualTo("The Oaks children's home");
		assertThat(episode.get("reviews")).isEmpty();
		assertThat(this.api.get("/api/children/" + episode.at("/episode/child/id").asText() + "/chronology", rhi)
			.statusCode()).isIn(403, 404);
	}

	@Test
	void theChildsSocialWorkerMayNotClaimOrBeGivenTheirInterview() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		String reference = returned(familyName);
		UUID child = UUID
			.fromString(json(this.api.get("/api/missing-episodes/" + reference, Tokens.forUser("mia.missing")))
				.at("/episode/child/id")
				.asText());
		this.children.allocate(child, "ravi.rhi");
		Task interview = taskOf(reference, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);

		HttpResponse<String> claimed = this.api.send("POST", "/api/tasks/" + interview.getId() + "/claim", null,
				Tokens.forUser("ravi.rhi"));
		HttpResponse<String> given = this.api.send(
				"POST", "/api/tasks/reassignment", "{\"tasks\": [{\"taskId\": \"" + interview.getId()
						+ "\", \"version\": 0}], \"to\": \"ravi.rhi\"," + " \"reason\": \"Ravi knows the child\"}",
				Tokens.forUser("mia.missing"));

		assertThat(claimed.statusCode()).isEqualTo(422);
		assertThat(claimed.body()).contains("independent of the child's care");
		assertThat(given.statusCode()).isEqualTo(422);
		assertThat(this.tasks.createTaskQuery().taskId(interview.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void theDashboardCountsTheReturnsOfThePeriodAskedFor() throws Exception {
		String reference = returned(MissingFixtures.aFamilyName());
		String coordinator = Tokens.forUser("mia.missing");

		JsonNode interviews = json(
				this.api.get("/api/missing/dashboard/interviews?from=2026-11-23&to=2026-11-23", coordinator));
		JsonNode awaiting = json(this.api.get("/api/missing/dashboard/awaiting-interview", coordinator));
		HttpResponse<String> backwards = this.api.get("/api/missing/dashboard/interviews?from=2026-11-24&to=2026-11-23",
				coordinator);

		assertThat(interviews.get(0).get("providerType").asText()).isEqualTo("ALL");
		assertThat(interviews.get(0).get("returns").asInt()).isEqualTo(this.jdbc.sql("""
				select count(*) from missing_episode
				where returned_at >= '2026-11-23T00:00:00Z' and returned_at < '2026-11-24T00:00:00Z'""")
			.query(Integer.class)
			.single());
		assertThat(awaiting.findValuesAsText("reference")).contains(reference);
		assertThat(json(this.api.get("/api/missing/dashboard/interviews?from=2026-01-05&to=2026-01-05", coordinator))
			.get(0)
			.get("returns")
			.asInt()).as("no child returned that day").isZero();
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(json(backwards).at("/errors/from").asText()).contains("start on or before");
		assertThat(this.api.get("/api/missing/dashboard/missing-now", Tokens.forUser("ravi.rhi")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aThirdEpisodeIn90DaysRaisesAMeetingAndFlagsTheChildWhereverTheyAreShown() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		returned(familyName);
		// Late enough for the second return's prevention interview (half an hour after
		// it)
		at("2026-11-23T18:30:00Z");
		String second = json(report(MissingFixtures.aReport(familyName, "LOW", Instant.parse("2026-11-23T17:00:00Z"),
				Instant.parse("2026-11-23T17:30:00Z"))))
			.get("reference")
			.asText();
		assertThat(this.api
			.send("POST", "/api/missing-episodes/" + second + "/return",
					MissingFixtures.aReturn(Instant.parse("2026-11-23T17:45:00Z")), this.police)
			.statusCode()).isEqualTo(200);
		at("2026-11-23T20:00:00Z");

		JsonNode third = json(report(MissingFixtures.aReport(familyName, "LOW", Instant.parse("2026-11-23T19:00:00Z"),
				Instant.parse("2026-11-23T19:30:00Z"))));

		assertThat(third.get("repeatMissing").asBoolean()).isTrue();
		String reference = third.get("reference").asText();
		assertThat(taskOf(reference, MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING)).isNotNull();
		UUID child = UUID.fromString(third.get("childId").asText());
		this.children.allocate(child, "alex.assessor");
		JsonNode record = json(this.api.get("/api/children/" + child, Tokens.forUser("alex.assessor")));
		assertThat(record.get("caseFlags").toString()).contains("repeat missing")
			.contains("missing now (" + reference + ")");
		JsonNode repeat = json(this.api.get("/api/missing/dashboard/repeat-missing", Tokens.forUser("mia.missing")));
		assertThat(repeat.findParents("childId"))
			.filteredOn((row) -> row.get("childId").asText().equals(child.toString()))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("episodes").asInt()).isEqualTo(3);
				assertThat(row.get("lastReference").asText()).isEqualTo(reference);
				assertThat(row.get("missingNow").asBoolean()).isTrue();
			});
		assertThat(this.jdbc
			.sql("select subject_label from work_item where subject_reference = :reference and state = 'OPEN'")
			.param("reference", reference)
			.query(String.class)
			.list()).allMatch((label) -> label.contains("repeat missing"));
	}

	private HttpResponse<String> report(String json) {
		return this.api.post("/api/missing-episodes", json, UUID.randomUUID().toString(), this.police);
	}

	private String reported(String familyName) throws Exception {
		HttpResponse<String> reported = report(MissingFixtures.aReport(familyName));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		return json(reported).get("reference").asText();
	}

	private String returned(String familyName) throws Exception {
		String reference = reported(familyName);
		at("2026-11-23T16:00:00Z");
		HttpResponse<String> returned = this.api.send("POST", "/api/missing-episodes/" + reference + "/return",
				MissingFixtures.aReturn(MissingFixtures.RETURNED), this.police);
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
		// Known to the staff directory, as after their first sign-in
		this.api.get("/api/tasks", Tokens.forUser("ravi.rhi"));
		return reference;
	}

	private Task taskOf(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult();
	}

	private int episodesOf(String familyName) {
		return this.jdbc.sql("select count(*) from missing_episode where child_family_name = :name")
			.param("name", familyName)
			.query(Integer.class)
			.single();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

}
