package org.mashhub.tasks;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.notification.Notices;
import org.mashhub.security.AccessAudit;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.Deadlines;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.TimedSteps;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work queue over the API on the real engine, database and Keycloak: the read model
 * follows the engine, people see only their teams' work, and claims, completions and
 * reassignments hold.
 */
@IntegrationTest
class WorkQueueIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	Deadlines deadlines;

	@Autowired
	Notices notices;

	@Autowired
	AccessAudit audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	TimedSteps steps;

	@BeforeEach
	void deployTheTimedStepProcess() {
		this.steps = new TimedSteps(this.repository, this.runtime, this.tasks);
	}

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void aNewTaskIsInTheQueueWithItsDueDateAndTeam() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-new");

		JsonNode item = json(send("GET", "/api/tasks/" + taskId, null, Tokens.forUser("sam.screener")));

		assertThat(item.get("dueAt").asText()).isEqualTo("2026-11-23T16:00:00Z");
		assertThat(item.get("warnAt").asText()).isEqualTo("2026-11-23T14:00:00Z");
		assertThat(item.get("candidateGroups").toString()).isEqualTo("[\"mash-social-worker\"]");
		assertThat(item.get("slaClock").asText()).isEqualTo("WORKING_DAYS");
		assertThat(item.get("subjectReference").asText()).isEqualTo("queue-new");
		assertThat(item.get("state").asText()).isEqualTo("OPEN");
	}

	@Test
	void someoneOutsideTheTeamNeverSeesTheTask() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-hidden");
		String education = Tokens.forUser("eddie.education");

		for (String tab : List.of("ASSIGNED", "UNASSIGNED", "DUE")) {
			assertThat(send("GET", "/api/tasks?tab=" + tab + "&q=queue-hidden", null, education).body()).as(tab)
				.doesNotContain(taskId)
				.contains("\"items\":[]");
		}
		assertThat(json(send("GET", "/api/tasks/counts?q=queue-hidden", null, education)).get("counts").toString())
			.isEqualTo("{\"ASSIGNED\":0,\"UNASSIGNED\":0,\"DUE\":0}");
		assertThat(send("GET", "/api/tasks/" + taskId, null, education).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/tasks/" + taskId + "/claim", null, education).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/tasks?tab=UNASSIGNED&q=queue-hidden", null, Tokens.forUser("sam.screener")).body())
			.contains(taskId);
		assertThat(json(send("GET", "/api/tasks/counts?q=queue-hidden", null, Tokens.forUser("sam.screener")))
			.get("counts")
			.get("UNASSIGNED")
			.asInt()).isOne();
	}

	@Test
	void aLateTaskIsCompletedOnlyWithAReasonForDelay() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-late");
		String sam = Tokens.forUser("sam.screener");
		assertThat(send("POST", "/api/tasks/" + taskId + "/claim", null, sam).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/tasks?tab=ASSIGNED&q=queue-late", null, sam).body()).contains(taskId);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T10:00:00Z")));

		HttpResponse<String> refused = send("POST", "/api/tasks/" + taskId + "/complete", "{}", sam);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(refused).get("errors").has("reasonForDelay")).isTrue();
		assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isOne();

		assertThat(send("POST", "/api/tasks/" + taskId + "/complete",
				"{\"reasonForDelay\":\"Waited for the police check\"}", sam)
			.statusCode()).isEqualTo(204);
		Deadline done = this.deadlines.forSubject("SlaTimedStepProcess", "queue-late").get(0);
		assertThat(done.delayReason()).isEqualTo("Waited for the police check");
		assertThat(done.delayReasonBy()).isEqualTo("sam.screener");
		assertThat(json(send("GET", "/api/tasks/" + taskId, null, sam)).get("state").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void aManagerReassignsWithAReasonTheNewOwnerIsToldAndItIsAudited() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-reassign");
		String sam = Tokens.forUser("sam.screener");
		send("GET", "/api/tasks", null, Tokens.forUser("sid.screener"));
		send("POST", "/api/tasks/" + taskId + "/claim", null, sam);
		int version = json(send("GET", "/api/tasks/" + taskId, null, sam)).get("version").asInt();

		HttpResponse<String> moved = send("POST", "/api/tasks/reassignment",
				reassignment(taskId, version, "sid.screener"), Tokens.forUser("maya.manager"));

		assertThat(moved.statusCode()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sid.screener");
		assertThat(json(send("GET", "/api/tasks/" + taskId, null, sam)).get("assignee").asText())
			.isEqualTo("sid.screener");
		assertThat(this.notices.forReader("sid.screener", List.of(), 0, 20))
			.anySatisfy((notice) -> assertThat(notice.message())
				.isEqualTo("Assigned to you by Maya Manager: Do the timed step"));
		assertThat(this.notices.forReader("sam.screener", List.of(), 0, 20))
			.anySatisfy((notice) -> assertThat(notice.message()).startsWith("Moved to Sid Screener by Maya Manager"));
		// Each is e-mailed at the address Keycloak gave when they last called (the test
		// server keeps messages by mailbox, not in arrival order)
		// sent by the outbox once the reassignment commits: wait for these two, not any
		// two
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(Arrays.stream(IntegrationStack.mail().getReceivedMessages())
				.filter((mail) -> subject(mail).equals("MASH Hub: Timed step queue-reassign"))
				.map(WorkQueueIntegrationTests::recipient))
				.containsExactlyInAnyOrder("sid.screener@mash-hub.invalid", "sam.screener@mash-hub.invalid"));
		List<AccessAudit.Entry> audited = this.transactions.execute((status) -> this.audit
			.find(new AccessAudit.Query("maya.manager", "REASSIGN", "task", taskId, null, null, 0, 10)));
		assertThat(audited).singleElement()
			.satisfies((entry) -> assertThat(entry.reason()).isEqualTo("Sam is on leave"));
	}

	@Test
	void twoManagersReassigningTheSameTaskAtOnceOneSucceedsTheOtherGets409() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-race");
		send("GET", "/api/tasks", null, Tokens.forUser("sid.screener"));
		send("GET", "/api/tasks", null, Tokens.forUser("sam.screener"));
		int version = json(send("GET", "/api/tasks/" + taskId, null, Tokens.forUser("sam.screener"))).get("version")
			.asInt();
		String maya = Tokens.forUser("maya.manager");
		String mo = Tokens.forUser("mo.manager");
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<HttpResponse<String>> first = CompletableFuture
			.supplyAsync(() -> sendTogether(together, reassignment(taskId, version, "sid.screener"), maya));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture
			.supplyAsync(() -> sendTogether(together, reassignment(taskId, version, "sam.screener"), mo));

		List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
		assertThat(statuses).containsExactlyInAnyOrder(204, 409);
		HttpResponse<String> loser = (first.get().statusCode() == 409) ? first.get() : second.get();
		assertThat(loser.body()).contains("changed by someone else");
		String winner = (first.get().statusCode() == 204) ? "sid.screener" : "sam.screener";
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
	}

	@Test
	void aBulkClaimTakesEveryTaskOrNone() throws Exception {
		String first = startAt("2026-11-20T16:00:00Z", "queue-bulk-1");
		String second = startAt("2026-11-20T16:00:00Z", "queue-bulk-2");
		String sam = Tokens.forUser("sam.screener");
		send("POST", "/api/tasks/" + second + "/claim", null, Tokens.forUser("sid.screener"));

		HttpResponse<String> refused = send("POST", "/api/tasks/claims",
				"{\"taskIds\":[\"" + first + "\",\"" + second + "\"]}", sam);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(this.tasks.createTaskQuery().taskId(first).singleResult().getAssignee()).as("none").isNull();

		send("POST", "/api/tasks/" + second + "/unclaim", null, Tokens.forUser("sid.screener"));
		assertThat(send("POST", "/api/tasks/claims", "{\"taskIds\":[\"" + first + "\",\"" + second + "\"]}", sam)
			.statusCode()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskAssignee("sam.screener").taskIdIn(first, second).count())
			.isEqualTo(2);
	}

	@Test
	void reassignmentIsRefusedToPractitionersAndToPeopleOutsideTheTeam() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-refused");
		send("GET", "/api/tasks", null, Tokens.forUser("eddie.education"));
		send("GET", "/api/tasks", null, Tokens.forUser("sid.screener"));

		assertThat(send("POST", "/api/tasks/reassignment", reassignment(taskId, 0, "sid.screener"),
				Tokens.forUser("sam.screener"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> outside = send("POST", "/api/tasks/reassignment",
				reassignment(taskId, 0, "eddie.education"), Tokens.forUser("maya.manager"));
		assertThat(outside.statusCode()).isEqualTo(422);
		assertThat(outside.body()).contains("Eddie Education is not in the team");
		HttpResponse<String> noReason = send("POST", "/api/tasks/reassignment",
				"{\"tasks\":[{\"taskId\":\"" + taskId + "\",\"version\":0}],\"to\":\"sid.screener\"}",
				Tokens.forUser("maya.manager"));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"reason\"");
	}

	@Test
	void theQueueAgreesWithTheEngine() throws Exception {
		String taskId = startAt("2026-11-20T16:00:00Z", "queue-consistent");
		send("POST", "/api/tasks/" + taskId + "/claim", null, Tokens.forUser("sam.screener"));
		this.runtime.deleteProcessInstance(
				this.tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(), "withdrawn");

		assertThat(send("GET", "/api/tasks/consistency", null, Tokens.forUser("maya.manager")).statusCode())
			.isEqualTo(403);
		JsonNode report = json(send("GET", "/api/tasks/consistency", null, Tokens.forUser("ada.admin")));
		assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
		assertThat(
				json(send("GET", "/api/tasks/" + taskId, null, Tokens.forUser("sam.screener"))).get("state").asText())
			.isEqualTo("CANCELLED");
	}

	private String startAt(String receivedAt, String businessKey) {
		return this.steps.start("CONTACT_DECISION", receivedAt, businessKey);
	}

	private static String reassignment(String taskId, int version, String to) {
		return "{\"tasks\":[{\"taskId\":\"" + taskId + "\",\"version\":" + version + "}],\"to\":\"" + to
				+ "\",\"reason\":\"Sam is on leave\"}";
	}

	private HttpResponse<String> sendTogether(CyclicBarrier together, String body, String token) {
		try {
			together.await();
			return send("POST", "/api/tasks/reassignment", body, token);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void dueTodayCountsMyWorkAndMyTeamsUnassignedWorkDueByTheEndOfToday() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T12:00:00Z")));
		// Due hourly from 10:00: 14 of them by midnight; the first 4 are holly's own
		this.jdbc.sql("""
				insert into work_item (task_id, process_instance_id, process_definition_key, process_type,
				  task_definition_key, task_name, subject_label, subject_reference, priority, due_at, candidate_groups,
				  assignee, created_at, state)
				select 'due-today-' || n, 'due-today-' || n, 'TimedStep', 'Timed step', 'Task_Step', 'Step',
				  'Duetoday Child ' || n, 'due-today-' || n, 50,
				  timestamptz '2026-11-23T09:00:00Z' + n * interval '1 hour', array['housing-liaison'],
				  case when n <= 4 then 'holly.housing' end, timestamptz '2026-11-20T09:00:00Z', 'OPEN'
				from generate_series(1, 30) n""").update();
		try {
			JsonNode counts = json(send("GET", "/api/tasks/counts?q=duetoday", null, Tokens.forUser("holly.housing")))
				.get("counts");
			assertThat(counts.get("ASSIGNED").asInt()).isEqualTo(4);
			assertThat(counts.get("UNASSIGNED").asInt()).isEqualTo(26);
			assertThat(counts.get("DUE").asInt()).isEqualTo(14);
		}
		finally {
			this.jdbc.sql("delete from work_item where task_id like 'due-today-%'").update();
		}
	}

	@Test
	void aNameSearchFindsTheNamesStartingSoSoonestDueFirstHoweverShortTheSearch() throws Exception {
		this.jdbc
			.sql("""
					insert into work_item (task_id, process_instance_id, process_definition_key, process_type,
					  task_definition_key, task_name, subject_label, subject_reference, priority, due_at, candidate_groups,
					  created_at, state)
					select 'name-search-' || n, 'name-search-' || n, 'TimedStep', 'Timed step', 'Task_Step', 'Step',
					  (array['Xanthe Vale', 'Xander Hale', 'Xavi Rae', 'Xanthe Bloom', 'Rae Xanthe'])[n], 'name-search-' || n,
					  50, timestamptz '2026-11-23T09:00:00Z' + n * interval '1 hour', array['housing-liaison'],
					  timestamptz '2026-11-20T09:00:00Z', 'OPEN'
					from generate_series(1, 5) n""")
			.update();
		try {
			String holly = Tokens.forUser("holly.housing");
			// Xander shares the first three letters, so only the whole search rules him
			// out
			assertThat(labels(send("GET", "/api/tasks?tab=UNASSIGNED&q=xanth", null, holly)))
				.containsExactly("Xanthe Vale", "Xanthe Bloom");
			assertThat(labels(send("GET", "/api/tasks?tab=UNASSIGNED&q=Xa", null, holly)))
				.containsExactly("Xanthe Vale", "Xander Hale", "Xavi Rae", "Xanthe Bloom");
			assertThat(labels(send("GET", "/api/tasks?tab=UNASSIGNED&q=XANDER%20H", null, holly)))
				.containsExactly("Xander Hale");
			assertThat(
					json(send("GET", "/api/tasks/counts?q=xanth", null, holly)).get("counts").get("UNASSIGNED").asInt())
				.isEqualTo(2);
		}
		finally {
			this.jdbc.sql("delete from work_item where task_id like 'name-search-%'").update();
		}
	}

	private static List<String> labels(HttpResponse<String> response) throws Exception {
		return json(response).get("items").findValuesAsText("subjectLabel");
	}

	@Test
	void countsStopAtTheLimitWhilePagesGoOnSoonestDueFirst() throws Exception {
		// A team's queue beyond the count limit, written straight into the read model
		this.jdbc.sql("""
				insert into work_item (task_id, process_instance_id, process_definition_key, process_type,
				  task_definition_key, task_name, subject_label, subject_reference, priority, due_at, candidate_groups,
				  created_at, state)
				select 'count-limit-' || n, 'count-limit-' || n, 'TimedStep', 'Timed step', 'Task_Step', 'Step',
				  'Limitless Child ' || n, 'count-limit-' || lpad(n::text, 4, '0'), 50,
				  timestamptz '2026-11-23T09:00:00Z' + n * interval '1 minute', array['housing-liaison'],
				  timestamptz '2026-11-20T09:00:00Z', 'OPEN'
				from generate_series(1, 1001) n""").update();
		try {
			String holly = Tokens.forUser("holly.housing");
			JsonNode counts = json(send("GET", "/api/tasks/counts?q=limitless", null, holly));
			assertThat(counts.get("countLimit").asInt()).isEqualTo(1000);
			assertThat(counts.get("counts").get("UNASSIGNED").asInt()).isEqualTo(1000);
			assertThat(counts.get("counts").get("ASSIGNED").asInt()).isZero();

			JsonNode first = json(send("GET", "/api/tasks?tab=UNASSIGNED&q=limitless&size=50", null, holly));
			assertThat(first.get("items")).hasSize(50);
			assertThat(first.get("hasMore").asBoolean()).isTrue();
			assertThat(first.get("items").get(0).get("subjectReference").asText()).isEqualTo("count-limit-0001");
			assertThat(first.get("items").get(49).get("subjectReference").asText()).isEqualTo("count-limit-0050");

			// Paging goes on past the count limit, to the very last item
			JsonNode last = json(send("GET", "/api/tasks?tab=UNASSIGNED&q=limitless&size=50&page=20", null, holly));
			assertThat(last.get("items")).hasSize(1);
			assertThat(last.get("hasMore").asBoolean()).isFalse();
			assertThat(last.get("items").get(0).get("subjectReference").asText()).isEqualTo("count-limit-1001");

			// With a digit in it, the search is for a reference
			JsonNode byReference = json(send("GET", "/api/tasks?tab=UNASSIGNED&q=COUNT-LIMIT-100", null, holly));
			assertThat(byReference.get("items").findValuesAsText("subjectReference"))
				.containsExactly("count-limit-1000", "count-limit-1001");
		}
		finally {
			this.jdbc.sql("delete from work_item where task_id like 'count-limit-%'").update();
		}
	}

	private HttpResponse<String> send(String method, String path, String json, String token) {
		return new Api(this.port).send(method, path, json, token);
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
