package org.mashhub.referral;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.EventDelivery;
import org.mashhub.testing.Tokens;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's triage worked through the API the way its people work it, for the tests of
 * the front door: submit, claim, screen, decide, and find a child's task, due date and
 * record. Each step asserts it was accepted.
 */
final class TriageSteps {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Api api;

	private final TaskService tasks;

	private final JdbcClient jdbc;

	TriageSteps(Api api, TaskService tasks, JdbcClient jdbc) {
		this.api = api;
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	/**
	 * The child's chronology as a MASH manager reads it, once every event so far is
	 * delivered.
	 */
	JsonNode chronologyOf(UUID child) throws Exception {
		EventDelivery.awaitAllDelivered(this.jdbc);
		HttpResponse<String> read = this.api.get("/api/children/" + child + "/chronology",
				Tokens.forUser("maya.manager"));
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return JSON.readTree(read.body());
	}

	/** Submits a contact with a fresh Idempotency-Key; returns its reference. */
	String submit(String contact, String token) throws Exception {
		HttpResponse<String> response = this.api.submitContact(contact, UUID.randomUUID().toString(), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("reference").asText();
	}

	HttpResponse<String> post(String path, String json, String token) {
		return this.api.send("POST", path, json, token);
	}

	void claim(String taskId, String token) {
		HttpResponse<String> claimed = this.api.send("POST", "/api/tasks/" + taskId + "/claim", null, token);
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
	}

	/** Claims the contact's screening for the screener and screens it. */
	void screen(String reference, String screening, String screener) {
		String taskId = taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		claim(taskId, screener);
		HttpResponse<String> screened = post("/api/triage/tasks/" + taskId + "/screening", screening, screener);
		assertThat(screened.statusCode()).as(screened.body()).isEqualTo(204);
	}

	/** A manager decides the screened contact; business support claims its feedback. */
	void decideAndClaimFeedback(String reference, String outcome) {
		String manager = Tokens.forUser("maya.manager");
		String decision = taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		claim(decision, manager);
		HttpResponse<String> decided = post("/api/triage/tasks/" + decision + "/decision",
				"{\"levelOfNeed\": 3, \"outcome\": \"" + outcome + "\", \"rationale\": \"Decided on the screening.\"}",
				manager);
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
		claim(taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER), Tokens.forUser("bella.support"));
	}

	/** The first child's open task at that step. */
	String taskOf(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	/** The first child's open task at that step for that group (an agency's request). */
	String taskOf(String reference, String step, String group) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.taskDefinitionKey(step)
			.taskCandidateGroup(group)
			.singleResult()
			.getId();
	}

	Instant dueOf(String taskId) {
		return this.jdbc.sql("select due_at from work_item where task_id = :taskId")
			.param("taskId", taskId)
			.query(Instant.class)
			.single();
	}

	/** The record the first child of the contact was linked to. */
	UUID childOf(String reference) {
		return this.jdbc
			.sql("select child_id from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(UUID.class)
			.single();
	}

	/**
	 * A family name no other test uses, so searches and matches meet only this test's
	 * children.
	 */
	static String uniqueFamilyName() {
		return "Triage" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

}
