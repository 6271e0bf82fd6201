package org.mashhub;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.notification.Notices;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query parameter of the API's lists changes what comes back: the work queue's
 * filters and orders, the access audit's filters, and the page sizes.
 */
@IntegrationTest
class ApiQueryFieldsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void theWorkQueueFiltersByProcessRagAndLatenessAndOrdersByDueRagOrAge() throws Exception {
		ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-23T12:00:00Z")));
		// One overdue red complaint step, one amber triage step due later, one green
		// triage step due latest but created first
		this.jdbc
			.sql("""
					insert into work_item (task_id, process_instance_id, process_definition_key, process_type,
					  task_definition_key, task_name, subject_label, subject_reference, priority, rag, due_at,
					  candidate_groups, created_at, state)
					values
					  ('filter-1', 'filter-1', 'ComplaintProcess', 'Complaint', 'Task_Step', 'Step', 'Qfilter One', 'filter-1',
					   50, 'RED', timestamptz '2026-11-23T09:00:00Z', array['housing-liaison'],
					   timestamptz '2026-11-20T10:00:00Z', 'OPEN'),
					  ('filter-2', 'filter-2', 'ContactTriageProcess', 'Contact triage', 'Task_Step', 'Step', 'Qfilter Two',
					   'filter-2', 50, 'AMBER', timestamptz '2026-11-24T09:00:00Z', array['housing-liaison'],
					   timestamptz '2026-11-20T11:00:00Z', 'OPEN'),
					  ('filter-3', 'filter-3', 'ContactTriageProcess', 'Contact triage', 'Task_Step', 'Step', 'Qfilter Three',
					   'filter-3', 50, 'GREEN', timestamptz '2026-11-25T09:00:00Z', array['housing-liaison'],
					   timestamptz '2026-11-20T09:00:00Z', 'OPEN')""")
			.update();
		try {
			String holly = Tokens.forUser("holly.housing");
			String list = "/api/tasks?tab=UNASSIGNED&q=qfilter";

			assertThat(labels(holly, list)).containsExactly("Qfilter One", "Qfilter Two", "Qfilter Three");
			assertThat(labels(holly, list + "&processType=ContactTriageProcess")).containsExactly("Qfilter Two",
					"Qfilter Three");
			assertThat(labels(holly, list + "&rag=AMBER")).containsExactly("Qfilter Two");
			assertThat(labels(holly, list + "&overdue=true")).containsExactly("Qfilter One");
			assertThat(labels(holly, list + "&sort=CREATED")).as("newest first")
				.containsExactly("Qfilter Two", "Qfilter One", "Qfilter Three");
			assertThat(labels(holly, list + "&sort=RAG").get(0)).isEqualTo("Qfilter One");
			assertThat(labels(holly, list + "&page=1&size=2")).containsExactly("Qfilter Three");
			JsonNode counts = json(holly, "/api/tasks/counts?q=qfilter&processType=ContactTriageProcess&rag=GREEN")
				.get("counts");
			assertThat(counts.get("UNASSIGNED").asInt()).isEqualTo(1);
			assertThat(json(holly, "/api/tasks/counts?q=qfilter&overdue=true").get("counts").get("UNASSIGNED").asInt())
				.isEqualTo(1);
		}
		finally {
			this.jdbc.sql("delete from work_item where task_id like 'filter-%'").update();
		}
	}

	@Test
	void theAccessAuditFiltersBySubjectAndTimeAndPagesBySize() throws Exception {
		String who = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				insert into access_audit (occurred_at, username, action, subject_type, subject_id, reason)
				values (timestamptz '2026-11-20T10:00:00Z', :who, 'VIEW', 'complaint', 'CMP-A', null),
				       (timestamptz '2026-11-21T10:00:00Z', :who, 'VIEW', 'contact-triage', 'C-B/1', null),
				       (timestamptz '2026-11-22T10:00:00Z', :who, 'VIEW', 'complaint', 'CMP-C', null)""")
			.param("who", who)
			.update();
		String manager = Tokens.forUser("maya.manager");
		String audit = "/api/audit/access?username=" + who;

		assertThat(subjects(manager, audit + "&subjectType=complaint")).containsExactly("CMP-C", "CMP-A");
		assertThat(subjects(manager, audit + "&subjectId=C-B/1")).containsExactly("C-B/1");
		assertThat(subjects(manager, audit + "&from=2026-11-21T00:00:00Z")).containsExactly("CMP-C", "C-B/1");
		assertThat(subjects(manager, audit + "&to=2026-11-21T10:00:00Z")).as("to is exclusive")
			.containsExactly("CMP-A");
		assertThat(subjects(manager, audit + "&size=1")).containsExactly("CMP-C");
		assertThat(subjects(manager, audit + "&size=1&page=2")).containsExactly("CMP-A");
	}

	@Test
	void noticesAndTheOpenLedgerComeInPagesOfTheSizeAsked() throws Exception {
		String reference = "N-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.notices.toUser("sid.screener", reference, "Assigned to you " + i, "/work");
		}
		String sid = Tokens.forUser("sid.screener");

		assertThat(json(sid, "/api/notices?size=1")).hasSize(1);
		assertThat(json(sid, "/api/notices?size=2&page=0")).hasSize(2);
		assertThat(json(sid, "/api/notices?size=200").findValuesAsText("reference").stream().filter(reference::equals))
			.hasSize(3);
		assertThat(json(Tokens.forUser("maya.manager"), "/api/deadlines/open?size=1").size()).isLessThanOrEqualTo(1);
	}

	private List<String> labels(String token, String path) throws Exception {
		return json(token, path).get("items").findValuesAsText("subjectLabel");
	}

	private List<String> subjects(String token, String path) throws Exception {
		return json(token, path).findValuesAsText("subjectId");
	}

	private JsonNode json(String token, String path) throws Exception {
		HttpResponse<String> response = new Api(this.port).get(path, token);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
