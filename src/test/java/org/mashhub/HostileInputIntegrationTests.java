package org.mashhub;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.ApiSamples;
import org.mashhub.testing.EventDelivery;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON endpoint that writes, driven with malformed and hostile bodies made from a
 * well-formed one (ApiSamples): wrong types, unknown and missing fields, huge numbers and
 * texts, deep nesting, impossible dates and offsets, control characters, invalid UTF-8,
 * and bodies that are not JSON at all. Each answer is a 4xx problem document and nothing
 * is stored. The screening, the acknowledgement, the deadline and the creating endpoints
 * are driven against real, claimed work, so a body that slipped through would show.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Tables a refusal may write to: the audit of refusals, and who was seen when. */
	private static final List<String> BOOKKEEPING = List.of("access_audit", "staff_member", "event_publication",
			"flyway_schema_history");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void noHostileBodyIsAnythingButA4xxProblemAndNoneStoresAnything() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T17:00:00Z")));
		Api api = new Api(this.port);
		Map<String, String> tokens = new LinkedHashMap<>();
		for (String user : List.of("sam.screener", "maya.manager", "bella.support", "cara.complaints", "stella.service",
				"ada.admin", "paul.police", "cleo.cse")) {
			tokens.put(user, Tokens.forUser(user));
		}
		tokens.put("police-system", Tokens.forPartner("police"));
		String contact = JSON
			.readTree(api.submitContact(
					ApiSamples.BODIES.get("POST /api/contacts")
						.replace("943 476 5919", "")
						.replace("Sample", "Hostile" + UUID.randomUUID().toString().substring(0, 6)),
					UUID.randomUUID().toString(), tokens.get("police-system"))
				.body())
			.get("reference")
			.asText();
		String screening = taskOf(contact + "/1", ContactTriageProcess.TASK_SCREEN_CONTACT);
		assertThat(
				api.send("POST", "/api/tasks/" + screening + "/claim", null, tokens.get("sam.screener")).statusCode())
			.isEqualTo(204);
		HttpResponse<String> logged = api.send("POST", "/api/complaints", ApiSamples.BODIES.get("POST /api/complaints"),
				tokens.get("bella.support"));
		String complaint = JSON.readTree(logged.body()).get("reference").asText();
		String acknowledgement = taskOf(complaint, ComplaintProcess.TASK_ACKNOWLEDGE);
		assertThat(api.send("POST", "/api/tasks/" + acknowledgement + "/claim", null, tokens.get("cara.complaints"))
			.statusCode()).isEqualTo(204);
		String deadline = this.jdbc.sql("select id from deadline where task_id = :taskId")
			.param("taskId", acknowledgement)
			.query(String.class)
			.single();
		String episode = JSON
			.readTree(api.post("/api/missing-episodes",
					ApiSamples.BODIES.get("POST /api/missing-episodes")
						.replace("Sample", "Hostile" + UUID.randomUUID().toString().substring(0, 6)),
					UUID.randomUUID().toString(), tokens.get("police-system"))
				.body())
			.get("reference")
			.asText();
		String dummy = "00000000-0000-0000-0000-000000000001";

		List<Target> targets = new ArrayList<>();
		for (Map.Entry<String, String> sample : ApiSamples.BODIES.entrySet()) {
			String[] methodAndPattern = sample.getKey().split(" ", 2);
			if (sample.getValue().isEmpty()) {
				continue;
			}
			String pattern = methodAndPattern[1];
			String path = pattern
				.replace("{taskId}",
						pattern.contains("/screening") ? screening
								: pattern.contains("/acknowledgement") ? acknowledgement : dummy)
				.replace("{reference}",
						pattern.startsWith("/api/complaints") ? complaint
								: pattern.startsWith("/api/missing-episodes") ? episode : contact)
				.replace("{position}", "1")
				.replace("{deadlineId}", deadline)
				.replace("{id}", pattern.startsWith("/api/deadlines") ? deadline : "1");
			targets.add(new Target(methodAndPattern[0], path, tokens.get(principalFor(pattern)), sample.getValue()));
		}

		// The sample episode's signs of exploitation open a screening, once delivered
		EventDelivery.awaitAllDelivered(this.jdbc);
		Map<String, Long> before = rowCounts();
		List<String> wrong = new ArrayList<>();
		int sent = 0;
		for (Target target : targets) {
			for (Hostile hostile : hostileBodies(target.sample())) {
				byte[] body = hostile.body();
				HttpResponse<String> answer = target.path().equals("/api/contacts")
						|| target.path().equals("/api/missing-episodes")
								? api.sendBytes("POST", target.path(), body, target.token(),
										UUID.randomUUID().toString())
								: api.sendBytes(target.method(), target.path(), body, target.token(), null);
				sent++;
				boolean problem = answer.headers()
					.firstValue("Content-Type")
					.orElse("")
					.startsWith("application/problem+json");
				if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !problem) {
					wrong.add(target.method() + " " + target.path() + " answered " + answer.statusCode() + " to "
							+ hostile.what() + ": " + abbreviate(answer.body()));
				}
			}
		}

		assertThat(sent).as("hostile bodies sent").isGreaterThan(1000);
		assertThat(wrong).as("answers that were not a 4xx problem").isEmpty();
		assertThat(rowCounts()).as("nothing stored").isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().taskId(screening).taskAssignee("sam.screener").count()).isOne();
		assertThat(this.tasks.createTaskQuery().taskId(acknowledgement).taskAssignee("cara.complaints").count())
			.isOne();
	}

	/**
	 * Who sends each endpoint's requests: someone whose role lets them reach its rules.
	 */
	private static String principalFor(String pattern) {
		if (pattern.equals("/api/contacts") || pattern.startsWith("/api/missing-episodes")) {
			return "police-system";
		}
		if (pattern.startsWith("/api/cse")) {
			return "cleo.cse";
		}
		if (pattern.startsWith("/api/calendar")) {
			return "ada.admin";
		}
		if (pattern.startsWith("/api/deadlines") || pattern.endsWith("/extension")) {
			return "stella.service";
		}
		if (pattern.startsWith("/api/complaints/tasks") || pattern.startsWith("/api/complaints/")) {
			return "cara.complaints";
		}
		if (pattern.equals("/api/complaints")) {
			return "bella.support";
		}
		if (pattern.contains("/answer")) {
			return "paul.police";
		}
		if (pattern.contains("/decision") || pattern.startsWith("/api/tasks/reassignment")) {
			return "maya.manager";
		}
		return "sam.screener";
	}

	/** The sample broken every way: field by field, then as a whole. */
	static List<Hostile> hostileBodies(String sample) throws Exception {
		List<Hostile> bodies = new ArrayList<>();
		JsonNode root = JSON.readTree(sample);
		for (JsonPointer path : leaves(root, JsonPointer.empty())) {
			JsonNode value = root.at(path);
			for (JsonNode replacement : replacementsFor(value)) {
				bodies.add(Hostile.of(path + " = " + abbreviate(JSON.writeValueAsString(replacement)),
						JSON.writeValueAsString(replace(root, path, replacement))));
			}
		}
		ObjectNode extra = root.deepCopy();
		extra.put("unexpectedField", "surprise");
		bodies.add(Hostile.of("an unknown field", JSON.writeValueAsString(extra)));
		bodies.add(Hostile.of("no fields", "{}"));
		bodies.add(Hostile.of("no body", ""));
		bodies.add(Hostile.of("null", "null"));
		bodies.add(Hostile.of("an array", "[]"));
		bodies.add(Hostile.of("a text", "\"text\""));
		bodies.add(Hostile.of("a number", "12"));
		bodies.add(Hostile.of("half a body", sample.substring(0, sample.length() / 2)));
		String first = root.fieldNames().next();
		bodies.add(Hostile.of("a field given twice", sample.replaceFirst("\\{", "{\"" + first + "\": 1, ")));
		bodies.add(Hostile.of("5,000 levels of nesting", "{\"nested\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
		bodies.add(Hostile.of("70,000 characters", "{\"" + first + "\": \"" + "x".repeat(70_000) + "\"}"));
		byte[] invalidUtf8 = sample.getBytes(StandardCharsets.UTF_8);
		int quote = sample.indexOf(": \"") + 3;
		invalidUtf8[quote] = (byte) 0xC3;
		invalidUtf8[quote + 1] = (byte) 0x28;
		bodies.add(new Hostile("invalid UTF-8 in a text", invalidUtf8));
		bodies.add(new Hostile("a byte-order mark of UTF-16", new byte[] { (byte) 0xFF, (byte) 0xFE, '{', '}' }));
		return bodies;
	}

	/** A broken body, and what was broken. */
	record Hostile(String what, byte[] body) {

		static Hostile of(String what, String body) {
			return new Hostile(what, body.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** Values no field of that kind takes. */
	private static List<JsonNode> replacementsFor(JsonNode value) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		List<JsonNode> replacements = new ArrayList<>();
		replacements.add(json.objectNode().put("nested", 1));
		replacements.add(json.arrayNode().add(1));
		if (value.isTextual()) {
			String text = value.asText();
			replacements.add(json.numberNode(12345));
			replacements.add(json.booleanNode(true));
			replacements.add(json.textNode(text + "\u0000"));
			replacements.add(json.textNode("\u001b[31m" + text));
			replacements.add(json.textNode(text + "\u0007\u0008"));
			if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
				replacements.add(json.textNode("2026-02-30"));
				replacements.add(json.textNode("2026-13-01"));
				replacements.add(json.textNode("2026-11-20T25:61:00Z"));
				replacements.add(json.textNode("2026-11-20T10:00:00+25:00"));
				replacements.add(json.textNode("+999999999-01-01"));
				replacements.add(json.textNode("yesterday"));
			}
			if (text.matches("[A-Z_]+")) {
				replacements.add(json.textNode("PURPLE"));
				replacements.add(json.textNode(text.toLowerCase()));
			}
		}
		else if (value.isNumber()) {
			replacements.add(json.textNode(value.asText()));
			replacements.add(json.booleanNode(true));
			replacements.add(json.numberNode(new java.math.BigInteger("99999999999999999999999999")));
			replacements.add(json.numberNode(-2147483649L));
			replacements.add(json.numberNode(1e308 * 10));
			replacements.add(json.numberNode(1.5));
		}
		else if (value.isBoolean()) {
			replacements.add(json.textNode("yes"));
			replacements.add(json.numberNode(1));
		}
		else if (value.isArray()) {
			replacements.add(json.textNode("x"));
			replacements.add(json.objectNode());
		}
		else if (value.isObject()) {
			replacements.add(json.textNode("x"));
			replacements.add(json.numberNode(1));
		}
		return replacements;
	}

	/** The JSON Pointers of a document's values, objects and arrays included. */
	private static List<JsonPointer> leaves(JsonNode node, JsonPointer at) {
		List<JsonPointer> paths = new ArrayList<>();
		if (node.isObject()) {
			Iterator<String> names = node.fieldNames();
			while (names.hasNext()) {
				String name = names.next();
				JsonPointer path = at.appendProperty(name);
				paths.add(path);
				paths.addAll(leaves(node.get(name), path));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				JsonPointer path = at.appendIndex(i);
				paths.add(path);
				paths.addAll(leaves(node.get(i), path));
			}
		}
		return paths;
	}

	private static JsonNode replace(JsonNode root, JsonPointer path, JsonNode value) {
		JsonNode copy = root.deepCopy();
		JsonNode parent = copy.at(path.head());
		if (parent instanceof ArrayNode array) {
			array.set(path.last().getMatchingIndex(), value);
		}
		else {
			((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
		}
		return copy;
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list()) {
			if (!BOOKKEEPING.contains(table.toLowerCase())) {
				counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
			}
		}
		return counts;
	}

	private String taskOf(String businessKey, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…" : text;
	}

	record Target(String method, String path, String token, String sample) {
	}

}
