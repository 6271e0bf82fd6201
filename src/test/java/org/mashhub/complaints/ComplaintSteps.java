package org.mashhub.complaints;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.mashhub.testing.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint worked through the API the way the complaints team works it, for the
 * complaints tests: log, read, claim, extend, find a step's task, timer, due date and
 * stage row, and move the engine clock. Each step asserts it was accepted.
 */
final class ComplaintSteps {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Api api;

	private final TaskService tasks;

	private final ManagementService management;

	private final JdbcClient jdbc;

	private final String manager;

	/**
	 * @param manager the complaints manager's token, who reads the complaints
	 */
	ComplaintSteps(Api api, TaskService tasks, ManagementService management, JdbcClient jdbc, String manager) {
		this.api = api;
		this.tasks = tasks;
		this.management = management;
		this.jdbc = jdbc;
		this.manager = manager;
	}

	/** Logs a complaint; returns its reference. */
	String log(String complaint, String token) throws Exception {
		HttpResponse<String> logged = post("/api/complaints", complaint, token);
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		return JSON.readTree(logged.body()).get("reference").asText();
	}

	/** The complaint as the complaints manager reads it. */
	JsonNode complaint(String reference) throws Exception {
		HttpResponse<String> found = this.api.get("/api/complaints/" + reference, this.manager);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return JSON.readTree(found.body());
	}

	HttpResponse<String> extend(String reference, String json, String token) {
		return post("/api/complaints/" + reference + "/extension", json, token);
	}

	HttpResponse<String> post(String path, String json, String token) {
		return this.api.send("POST", path, json, token);
	}

	static void ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	void claim(String taskId, String token) {
		ok(this.api.send("POST", "/api/tasks/" + taskId + "/claim", null, token));
	}

	String taskOf(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	/** The complaint's one timer at that event. */
	Job timerOf(String reference, String activity) {
		List<Job> timers = this.management.createJobQuery()
			.processInstanceId(this.jdbc.sql("select process_instance_id from complaint where reference = :reference")
				.param("reference", reference)
				.query(String.class)
				.single())
			.activityId(activity)
			.list();
		assertThat(timers).hasSize(1);
		return timers.get(0);
	}

	Instant dueOf(String taskId) {
		return this.jdbc.sql("select due_at from work_item where task_id = :taskId")
			.param("taskId", taskId)
			.query(Instant.class)
			.single();
	}

	<T> T stageRow(String reference, int stage, String column, Class<T> type) {
		return this.jdbc
			.sql("select s." + column + " from complaint_stage s join complaint c on c.id = s.complaint_id "
					+ "where c.reference = :reference and s.stage = :stage")
			.param("reference", reference)
			.param("stage", stage)
			.query(type)
			.single();
	}

	/** Moves the engine clock to a fixed instant. */
	static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
