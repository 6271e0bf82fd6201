package org.mashhub.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.notification.Notice;
import org.mashhub.notification.Notices;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right role is not enough: a reader with no relation to the object gets 404 (or 403
 * where the object's existence is already theirs to know), for every kind of object the
 * API reads. Each case beside one where the same reader may.
 */
@IntegrationTest
class ObjectAccessIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	Notices notices;

	@BeforeEach
	void fixTheClock() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T17:00:00Z")));
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void anotherAgencysInformationRequestAndItsTaskAreNotAnAgencysToRead() throws Exception {
		String reference = aScreenedContactAskingPoliceAndHealth();
		String policeTask = checkTask(reference, "police-liaison");
		String healthTask = checkTask(reference, "health-liaison");
		String health = Tokens.forUser("hana.health");
		String police = Tokens.forUser("paul.police");
		String policeCheck = JSON.readTree(api().get("/api/triage/tasks/" + policeTask, police).body())
			.get("check")
			.get("id")
			.asText();

		assertThat(api().get("/api/triage/tasks/" + policeTask, health).statusCode()).isEqualTo(404);
		assertThat(api().get("/api/agency-checks/" + policeCheck, health).statusCode()).isEqualTo(403);
		assertThat(api().get("/api/tasks/" + policeTask, health).statusCode()).isEqualTo(404);
		assertThat(api().get("/api/triage/tasks/" + healthTask, health).statusCode()).isEqualTo(200);
		assertThat(api().get("/api/agency-checks/" + policeCheck, police).statusCode()).isEqualTo(200);
	}

	@Test
	void aPartnerSystemReadsTheContactsItSentAndNoOtherAgencys() throws Exception {
		String reference = aScreenedContactAskingPoliceAndHealth();

		assertThat(api().get("/api/contacts/" + reference, Tokens.forPartner("health")).statusCode()).isEqualTo(404);
		assertThat(api().get("/api/contacts/" + reference, Tokens.forPartner("police")).statusCode()).isEqualTo(200);
		assertThat(api().get("/api/contacts/" + reference + "/triage", Tokens.forPartner("police")).statusCode())
			.as("a partner system reads what it sent, not the front door's work")
			.isEqualTo(403);
	}

	@Test
	void aContactsDeadlinesAreNotAnAgencyLiaisonsOrTheComplaintsTeamsToRead() throws Exception {
		String reference = aScreenedContactAskingPoliceAndHealth();
		String path = "/api/deadlines?subjectType=ContactTriageProcess&subjectId=" + reference + "/1";

		for (String unrelated : List.of("paul.police", "hana.health", "cara.complaints", "alex.assessor",
				"ada.admin")) {
			assertThat(api().get(path, Tokens.forUser(unrelated)).statusCode()).as(unrelated).isEqualTo(404);
		}
		assertThat(api().get(path, Tokens.forUser("sam.screener")).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherPersonsNoticeIsNotTheirsToOpenOrMarkRead() {
		String reference = "T-" + UUID.randomUUID();
		this.notices.toUser("maya.manager", reference, "Assigned to you", "/work");
		Notice mayas = this.notices.forReader("maya.manager", List.of(), 0, 200)
			.stream()
			.filter((notice) -> notice.reference().equals(reference))
			.findFirst()
			.orElseThrow();

		assertThat(api().send("POST", "/api/notices/" + mayas.id() + "/read", null, Tokens.forUser("mo.manager"))
			.statusCode()).isEqualTo(404);
		assertThat(api().send("POST", "/api/notices/" + mayas.id() + "/read", null, Tokens.forUser("maya.manager"))
			.statusCode()).isEqualTo(204);
	}

	@Test
	void anotherTeamsTaskIsNotThereForAnyoneOutsideIt() throws Exception {
		String reference = aScreenedContactAskingPoliceAndHealth();
		String policeTask = checkTask(reference, "police-liaison");

		for (String outsider : List.of("cara.complaints", "hana.health", "alex.assessor", "bella.support")) {
			assertThat(api().get("/api/tasks/" + policeTask, Tokens.forUser(outsider)).statusCode()).as(outsider)
				.isEqualTo(404);
			assertThat(api().send("POST", "/api/tasks/" + policeTask + "/claim", null, Tokens.forUser(outsider))
				.statusCode()).as(outsider).isEqualTo(404);
		}
		assertThat(api().get("/api/tasks/" + policeTask, Tokens.forUser("mo.manager")).statusCode())
			.as("a manager of the police liaisons' work")
			.isEqualTo(200);
	}

	private String aScreenedContactAskingPoliceAndHealth() throws Exception {
		String family = "Object" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> submitted = api().submitContact("""
				{"receivedAt": "2026-11-20T16:00:00Z",
				 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
				              "email": "jane.doe@police.example"},
				 "children": [{"givenNames": "Ola", "familyName": "%s", "dateOfBirth": "2015-06-01"}],
				 "concerns": "Neglect.", "categories": ["NEGLECT"],
				 "consent": {"status": "GIVEN", "givenBy": "Mother"}}""".formatted(family),
				UUID.randomUUID().toString(), Tokens.forPartner("police"));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String reference = JSON.readTree(submitted.body()).get("reference").asText();
		String screener = Tokens.forUser("sam.screener");
		String screening = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.taskDefinitionKey(ContactTriageProcess.TASK_SCREEN_CONTACT)
			.singleResult()
			.getId();
		assertThat(api().send("POST", "/api/tasks/" + screening + "/claim", null, screener).statusCode())
			.isEqualTo(204);
		HttpResponse<String> screened = api().send("POST", "/api/triage/tasks/" + screening + "/screening",
				"""
						{"rag": "AMBER", "summary": "Neglect.", "newChildRecord": true,
						 "agencyChecks": [{"agency": "POLICE", "question": "Any call-outs?", "shareConcerns": false},
						                  {"agency": "HEALTH", "question": "Registered with a GP?", "shareConcerns": false}]}""",
				screener);
		assertThat(screened.statusCode()).as(screened.body()).isEqualTo(204);
		return reference;
	}

	private String checkTask(String reference, String group) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.taskDefinitionKey(ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK)
			.taskCandidateGroup(group)
			.singleResult()
			.getId();
	}

	private Api api() {
		return new Api(this.port);
	}

}
