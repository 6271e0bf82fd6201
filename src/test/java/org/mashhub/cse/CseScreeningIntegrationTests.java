package org.mashhub.cse;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.ChildRecords;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.missing.MissingFixtures;
import org.mashhub.referral.CseConcernRaised;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.Roles;
import org.mashhub.testing.Api;
import org.mashhub.testing.EventDelivery;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exploitation screening on the real stack: a threshold decision with the CSE box and a
 * missing report with signs of exploitation each put a screening in the coordinator's
 * queue, a further concern joins it, the coordinator scores it and the DMN explains the
 * level, a lowered level waits for a manager, the review falls due on the right day and
 * re-scores, and an old screening keeps its instrument's version.
 */
@IntegrationTest
class CseScreeningIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Tuesday 1 December 2026, 10:00 GMT. */
	private static final String NOW = "2026-12-01T10:00:00Z";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ChildRecords children;

	@Autowired
	Instruments instruments;

	@Autowired
	ScreeningOpenings openings;

	@Autowired
	ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	@Autowired
	CseScreeningIntegrationTests(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
	}

	private WebSession coordinator;

	@BeforeEach
	void signInOnTuesdayMorning() {
		at(NOW);
		this.coordinator = WebSession.signIn(this.port, "cleo.cse");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aThresholdDecisionWithACseConcernPutsAScreeningInTheCoordinatorsQueue() throws Exception {
		Api api = new Api(this.port);
		String familyName = CseFixtures.aFamilyName();
		HttpResponse<String> submitted = api.submitContact("""
				{"receivedAt": "2026-12-01T09:00:00Z",
				 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
				              "email": "jane.doe@police.example"},
				 "children": [{"givenNames": "Tia", "familyName": "%s", "dateOfBirth": "2012-02-02"}],
				 "concerns": "Seen getting into cars with older men after school.",
				 "categories": ["EXPLOITATION"],
				 "consent": {"status": "GIVEN", "givenBy": "Mother"}}""".formatted(familyName),
				UUID.randomUUID().toString(), Tokens.forPartner("police"));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String contact = JSON.readTree(submitted.body()).get("reference").asText();
		String screener = Tokens.forUser("sam.screener");
		String screen = triageTask(contact, ContactTriageProcess.TASK_SCREEN_CONTACT);
		accepted(api.send("POST", "/api/tasks/" + screen + "/claim", null, screener));
		accepted(api.send("POST", "/api/triage/tasks/" + screen + "/screening",
				"{\"rag\": \"AMBER\", \"summary\": \"Exploitation concern.\", \"newChildRecord\": true}", screener));
		String manager = Tokens.forUser("maya.manager");
		String decision = triageTask(contact, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		accepted(api.send("POST", "/api/tasks/" + decision + "/claim", null, manager));

		accepted(api.send("POST", "/api/triage/tasks/" + decision + "/decision", """
				{"levelOfNeed": 3, "outcome": "CIN_S17_ASSESSMENT", "rationale": "Exploitation risk.",
				 "cseConcern": true}""", manager));
		EventDelivery.awaitAllDelivered(this.jdbc);

		UUID child = childOf(contact);
		String reference = this.jdbc.sql("select reference from cse_screening where child_id = :child")
			.param("child", child)
			.query(String.class)
			.single();
		assertThat(this.jdbc
			.sql("select source || '|' || source_reference from cse_trigger t"
					+ " join cse_screening s on s.id = t.screening_id where s.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.list()).singleElement().asString().startsWith("FRONT_DOOR|" + contact);
		String screening = taskOf(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		assertThat(this.jdbc.sql("select array_to_string(candidate_groups, ',') from work_item where task_id = :task")
			.param("task", screening)
			.query(String.class)
			.single()).contains(Roles.CSE_COORDINATOR);
		assertThat(this.jdbc.sql("select subject_label from work_item where task_id = :task")
			.param("task", screening)
			.query(String.class)
			.single()).isEqualTo("Tia " + familyName + " (exploitation: not yet scored)");
		assertThat(chronologyKinds(child)).contains("CSE_CONCERN", "CSE_SCREENING_OPENED");
	}

	@Test
	void aMissingReportWithSignsOfExploitationOpensAScreeningAndAFurtherConcernJoinsIt() throws Exception {
		String familyName = MissingFixtures.aFamilyName();
		String report = MissingFixtures
			.aReport(familyName, "MEDIUM", MissingFixtures.LAST_SEEN, MissingFixtures.REPORTED)
			.replace("\"circumstances\"",
					"\"exploitationIndicators\": [\"Older or controlling adult\"], \"circumstances\"");
		at("2026-11-23T12:00:00Z");
		HttpResponse<String> reported = new Api(this.port).post("/api/missing-episodes", report,
				UUID.randomUUID().toString(), Tokens.forPartner("police"));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String episode = JSON.readTree(reported.body()).get("reference").asText();
		EventDelivery.awaitAllDelivered(this.jdbc);
		at(NOW);

		MultiValueMap<String, String> opening = CseFixtures.anOpening("Robin", familyName);
		CseFixtures.date(opening, "child.dateOfBirth", "6", "5", "2011");
		String joined = CseFixtures.redirectOf(this.coordinator.post("/cse/new", opening));

		String reference = joined.substring("/cse/screenings/".length());
		assertThat(this.jdbc
			.sql("select t.source from cse_trigger t join cse_screening s on s.id = t.screening_id"
					+ " where s.reference = :ref order by t.raised_at")
			.param("ref", reference)
			.query(String.class)
			.list()).containsExactly("MISSING_REPORT", "COORDINATOR");
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(CseScreeningProcess.PROCESS)
			.processInstanceBusinessKey(reference)
			.count()).as("one process per screening, never a second").isEqualTo(1);
		assertThat(this.coordinator.get(joined).body()).contains("Missing report " + episode);
	}

	@Test
	void theCoordinatorScoresItTheDecisionExplainsTheLevelAndALowerLevelWaitsForAManager() {
		String reference = opened("Lena");
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = aMediumScoring();

		HttpResponse<String> preview = this.coordinator.post("/cse/tasks/" + screen, with(form, "action", "preview"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("data-test=\"preview\"")
			.contains("data-rule=\"FLOOR_CONTROLLING_OLDER_ADULT\"")
			.contains("data-rule=\"BAND_MEDIUM\"");
		assertThat(count("select count(*) from cse_scoring s join cse_screening c on c.id = s.screening_id"
				+ " where c.reference = :ref", reference))
			.as("nothing saved by working it out")
			.isZero();

		form.set("level", "LOW");
		form.set("rationale", "The older adult is her brother, checked by police.");
		assertThat(CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form))).isEqualTo("/work");

		assertThat(screening(reference)).containsEntry("level", "MEDIUM")
			.containsEntry("computed_level", "MEDIUM")
			.containsEntry("awaiting_approval", true)
			.containsEntry("score", 6);
		assertThat(rulesFired(reference)).containsExactly("FLOOR_CONTROLLING_OLDER_ADULT", "BAND_MEDIUM");
		WebSession manager = WebSession.signIn(this.port, "stella.service");
		String approval = taskOf(reference, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL);
		CseFixtures.claim(manager, approval);
		assertThat(manager.get("/cse/tasks/" + approval).body()).contains("The older adult is her brother")
			.as("the approver reads the scorings, not the whole screening")
			.doesNotContain("data-test=\"screening-link\"");
		assertThat(manager.get("/cse/screenings/" + reference).statusCode()).isEqualTo(404);
		MultiValueMap<String, String> approve = new LinkedMultiValueMap<>();
		approve.set("approve", "yes");
		approve.set("note", "Agreed: police checks are clear.");
		assertThat(CseFixtures.redirectOf(manager.post("/cse/tasks/" + approval, approve))).isEqualTo("/work");

		assertThat(screening(reference)).containsEntry("level", "LOW").containsEntry("awaiting_approval", false);
		assertThat(this.jdbc
			.sql("select approval || '|' || final_level || '|' || approved_by || '|' || approval_note"
					+ " from cse_scoring s join cse_screening c on c.id = s.screening_id where c.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single()).isEqualTo("APPROVED|LOW|stella.service|Agreed: police checks are clear.");
		assertThat(taskOf(reference, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN)).isNotNull();
		// Scored at 10:00 on 1 December: at low, the review is due in 13 weeks, on 2
		// March
		assertThat(dueOf(taskOf(reference, CseScreeningProcess.TASK_REVIEW_SCREENING)))
			.isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
	}

	@Test
	void aRefusedLowerLevelKeepsTheComputedOneAndItsMeetingAgreesASafetyPlan() {
		String reference = opened("Nell");
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = aMediumScoring();
		form.set("level", "LOW");
		form.set("rationale", "Settled at home now.");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form));
		WebSession manager = WebSession.signIn(this.port, "stella.service");
		String approval = taskOf(reference, CseScreeningProcess.TASK_APPROVE_LOWER_LEVEL);
		CseFixtures.claim(manager, approval);
		MultiValueMap<String, String> refuse = new LinkedMultiValueMap<>();
		refuse.set("approve", "no");

		HttpResponse<String> withoutReason = manager.post("/cse/tasks/" + approval, refuse);
		assertThat(withoutReason.statusCode()).isEqualTo(200);
		assertThat(withoutReason.body()).contains("id=\"note-error\"");
		refuse.set("note", "The older adult is still around.");
		CseFixtures.redirectOf(manager.post("/cse/tasks/" + approval, refuse));

		assertThat(screening(reference)).containsEntry("level", "MEDIUM").containsEntry("awaiting_approval", false);
		assertThat(this.jdbc
			.sql("select approval || '|' || final_level || '|' || approved_by || '|' || approval_note"
					+ " from cse_scoring s join cse_screening c on c.id = s.screening_id where c.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single()).isEqualTo("REFUSED|MEDIUM|stella.service|The older adult is still around.");
		assertThat(dueOf(taskOf(reference, CseScreeningProcess.TASK_REVIEW_SCREENING)))
			.as("12 weeks from the scoring at medium")
			.isEqualTo(Instant.parse("2027-02-23T10:00:00Z"));
		at("2026-12-01T14:00:00Z");
		String meeting = claimed(reference, CseScreeningProcess.TASK_HOLD_RISK_MANAGEMENT_MEETING);
		MultiValueMap<String, String> held = new LinkedMultiValueMap<>();
		CseFixtures.dateTime(held, "heldAt", "1", "12", "2026", "13:30");
		held.set("attendees", "Cleo (CSE), PC Lee (police), Ms Ray (school)");
		held.set("outcome", "Disruption of the adult; daily check-ins at school.");
		held.set("safetyPlan.summary", "Keep Nell away from the adult and in school.");
		held.set("safetyPlan.actions[0].action", "Serve a child abduction warning notice");
		held.set("safetyPlan.actions[0].owner", "PC Lee");
		CseFixtures.date(held, "safetyPlan.actions[0].dueOn", "8", "12", "2026");
		held.set("safetyPlan.actions[1].action", "Daily check-in with the designated safeguarding lead");
		held.set("safetyPlan.actions[1].owner", "Ms Ray");
		CseFixtures.date(held, "safetyPlan.actions[1].dueOn", "4", "12", "2026");
		assertThat(CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + meeting, held))).isEqualTo("/work");

		assertThat(this.jdbc.sql("select kind || '|' || held_at || '|' || attendees || '|' || outcome || '|' ||"
				+ " recorded_by from cse_action a join cse_screening s on s.id = a.screening_id where s.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single())
			.isEqualTo("RISK_MANAGEMENT_MEETING|2026-12-01 13:30:00+00|Cleo (CSE), PC Lee (police),"
					+ " Ms Ray (school)|Disruption of the adult; daily check-ins at school.|cleo.cse");
		assertThat(planActions(reference, 1)).containsExactly(
				"Serve a child abduction warning notice|PC Lee|2026-12-08",
				"Daily check-in with the designated safeguarding lead|Ms Ray|2026-12-04");

		MultiValueMap<String, String> revised = new LinkedMultiValueMap<>();
		revised.set("safetyPlan.summary", "Keep Nell safe online too.");
		revised.set("safetyPlan.actions[0].action", "Block the adult's accounts");
		revised.set("safetyPlan.actions[0].owner", "Mum, with the school");
		CseFixtures.date(revised, "safetyPlan.actions[0].dueOn", "5", "12", "2026");
		CseFixtures.redirectOf(this.coordinator.post("/cse/screenings/" + reference + "/safety-plan", revised));

		assertThat(planActions(reference, 2))
			.containsExactly("Block the adult's accounts|Mum, with the school|2026-12-05");
		assertThat(planActions(reference, 1)).as("the first version is kept").hasSize(2);
		assertThat(this.jdbc
			.sql("select p.version || '|' || p.summary || '|' || p.recorded_by from cse_safety_plan p"
					+ " join cse_screening s on s.id = p.screening_id where s.reference = :ref order by p.version")
			.param("ref", reference)
			.query(String.class)
			.list()).containsExactly("1|Keep Nell away from the adult and in school.|cleo.cse",
					"2|Keep Nell safe online too.|cleo.cse");
	}

	@Test
	void theReviewIsDueIn12WeeksReScoresWithStaleIndicatorsDroppedOutAndClosesTheScreening() {
		String reference = opened("Ola");
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, aMediumScoring()));
		String review = taskOf(reference, CseScreeningProcess.TASK_REVIEW_SCREENING);
		assertThat(dueOf(review)).isEqualTo(Instant.parse("2027-02-23T10:00:00Z"));

		at("2027-02-22T11:00:00Z");
		CseFixtures.claim(this.coordinator, review);
		assertThat(this.coordinator.get("/cse/tasks/" + review).body()).as("the last scoring's answers are filled in")
			.contains("id=\"indicator.R1.answer-PRESENT\" value=\"PRESENT\" checked");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		// Seen last in May 2026: more than six months before the review, so it drops out
		CseFixtures.indicator(form, "R1", "PRESENT", "1", "5", "2026");
		CseFixtures.indicator(form, "B2", "PRESENT", "15", "2", "2027");
		form.add("cinFactors", "11A");
		form.set("summary", "The adult has moved away; school attendance is back to normal.");
		form.set("closeAsRiskReduced", "yes");
		assertThat(CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + review, form))).isEqualTo("/work");

		assertThat(screening(reference)).containsEntry("level", "LOW")
			.containsEntry("closed_reason", "RISK_REDUCED")
			.containsEntry("score", 2);
		assertThat(this.jdbc.sql("""
				select i.indicator_code || '|' || i.dropped_out from cse_scoring_indicator i
				join cse_scoring s on s.id = i.scoring_id join cse_screening c on c.id = s.screening_id
				where c.reference = :ref and s.kind = 'REVIEW' order by i.indicator_code""")
			.param("ref", reference)
			.query(String.class)
			.list()).containsExactly("B2|false", "R1|true");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
			.as("closed: its process ended")
			.isZero();
	}

	@Test
	void aScoringMissingAnIndicatorsFactsComesBackWithMessagesBesideThemAndWritesNothing() {
		String reference = opened("Pia");
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("indicator.R1.answer", "PRESENT");

		HttpResponse<String> page = this.coordinator.post("/cse/tasks/" + screen, form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"indicator.R1.observedOn-error\"")
			.contains("id=\"indicator.R1.agency-error\"")
			.contains("id=\"indicator.R1.basis-error\"")
			.contains("id=\"cinFactors-error\"")
			.contains("id=\"summary-error\"");
		assertThat(count("select count(*) from cse_scoring s join cse_screening c on c.id = s.screening_id"
				+ " where c.reference = :ref", reference))
			.isZero();
	}

	@Test
	void anOldScreeningKeepsItsInstrumentVersionAfterTheCouncilChangesTheTool() {
		Instrument first = this.instruments.load(new ClassPathResource("cse/small-test-instrument.json"));
		UUID child = this.children
			.register(new ChildRecords.NewChild("Ivo", CseFixtures.aFamilyName(), java.time.LocalDate.of(2011, 4, 4),
					null, null, null, null, false))
			.id();
		String reference = this.openings
			.raise(new ScreeningOpenings.Concern(child, TriggerSource.COORDINATOR, UUID.randomUUID().toString(),
					Instant.parse(NOW), "cleo.cse", "A council's own tool"), first)
			.orElseThrow()
			.reference();
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		CseFixtures.indicator(form, "L1", "PRESENT", "30", "11", "2026");
		form.add("cinFactors", "24A");
		form.set("summary", "Seen at a known address.");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form));

		this.instruments.load(new ClassPathResource("cse/small-test-instrument-v2.json"));

		assertThat(this.jdbc
			.sql("select s.instrument_version || '|' || s.score from cse_scoring s"
					+ " join cse_screening c on c.id = s.screening_id where c.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single()).as("scored with version 1, at the council's own weights: medium is 4").isEqualTo("1|4");
		assertThat(this.coordinator.get("/cse/screenings/" + reference).body())
			.contains("Seen at addresses known to the police")
			.contains("Small test instrument (version 1)");
		assertThat(this.instruments.latest("small-test-instrument").indicator("L1")).as("gone from version 2")
			.isEmpty();
		assertThatThrownBy(
				() -> this.instruments.load(new ClassPathResource("cse/small-test-instrument-v2.json", getClass()) {
					@Override
					public java.io.InputStream getInputStream() throws java.io.IOException {
						return new java.io.ByteArrayInputStream(new String(
								new ClassPathResource("cse/small-test-instrument-v2.json").getContentAsByteArray(),
								java.nio.charset.StandardCharsets.UTF_8)
							.replace("Gifts from", "Presents from")
							.getBytes(java.nio.charset.StandardCharsets.UTF_8));
					}
				}))
			.hasMessageContaining("version 2 of small-test-instrument was loaded before with other content");
	}

	@Test
	void twoChildrenLinkedToOnePlaceShowTogetherAndAnAssociateIsHiddenFromTheChildsWorker() throws Exception {
		String first = opened("Qin");
		String second = opened("Rae");
		String place = "Bus station " + CseFixtures.aFamilyName();
		MultiValueMap<String, String> link = new LinkedMultiValueMap<>();
		link.set("placeId", "");
		link.set("kind", "LOCATION");
		link.set("name", place);
		link.set("description", "The back entrance, evenings");
		link.set("note", "Seen there twice by police");
		CseFixtures.redirectOf(this.coordinator.post("/cse/screenings/" + first + "/places", link));
		UUID placeId = this.jdbc.sql("select id from cse_place where name = :name")
			.param("name", place)
			.query(UUID.class)
			.single();
		MultiValueMap<String, String> again = new LinkedMultiValueMap<>();
		again.set("placeId", placeId.toString());
		CseFixtures.redirectOf(this.coordinator.post("/cse/screenings/" + second + "/places", again));
		MultiValueMap<String, String> associate = new LinkedMultiValueMap<>();
		associate.set("kind", "ASSOCIATE");
		associate.set("name", "'Daz', about 30 " + CseFixtures.aFamilyName());
		CseFixtures.redirectOf(this.coordinator.post("/cse/screenings/" + first + "/places", associate));

		assertThat(this.jdbc
			.sql("select kind || '|' || description || '|' || recorded_by from cse_place" + " where id = :id")
			.param("id", placeId)
			.query(String.class)
			.single()).isEqualTo("LOCATION|The back entrance, evenings|cleo.cse");
		assertThat(this.jdbc
			.sql("select s.reference || '|' || coalesce(l.note, '') || '|' || l.linked_by"
					+ " from cse_place_link l join cse_screening s on s.id = l.screening_id where l.place_id = :id"
					+ " order by l.linked_at, s.reference")
			.param("id", placeId)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(first + "|Seen there twice by police|cleo.cse", second + "||cleo.cse");
		String panel = this.coordinator.get("/cse").body();
		assertThat(panel).contains("data-place=\"" + place + "\"");
		assertThat(panel.substring(panel.indexOf("data-place=\"" + place + "\""))).contains(first).contains(second);

		UUID child = this.jdbc.sql("select child_id from cse_screening where reference = :ref")
			.param("ref", first)
			.query(UUID.class)
			.single();
		this.children.allocate(child, "alex.assessor");
		HttpResponse<String> worker = WebSession.signIn(this.port, "alex.assessor").get("/cse/screenings/" + first);
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.body()).contains(place)
			.doesNotContain("Daz")
			.as("not the other child who shares the place")
			.doesNotContain(second);
		assertThat(WebSession.signIn(this.port, "sam.screener").get("/cse/screenings/" + first).statusCode())
			.isEqualTo(404);
		assertThat(this.coordinator.get("/cse/screenings/" + first).body()).contains("Daz");
	}

	@Test
	void aConcernHeardTwiceIsRecordedOnce() {
		UUID child = aChildBorn(java.time.LocalDate.of(2012, 1, 1));
		ScreeningOpenings.Concern concern = new ScreeningOpenings.Concern(child, TriggerSource.MISSING_REPORT,
				"MIS-TEST-" + UUID.randomUUID(), Instant.parse(NOW), "mia.missing", "Signs of exploitation");

		assertThat(this.openings.raise(concern)).get().extracting(ScreeningOpenings.Outcome::opened).isEqualTo(true);
		assertThat(this.openings.raise(concern)).as("delivered again").isEmpty();
		assertThat(this.jdbc.sql("select count(*) from cse_trigger where source_reference = :ref")
			.param("ref", concern.sourceReference())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aConcernAboutAYoungAdultOpensNothingAndTellsTheCoordinators() {
		UUID adult = aChildBorn(java.time.LocalDate.of(2007, 1, 1));
		String source = "C-TEST-" + UUID.randomUUID() + "/1";

		assertThat(this.openings.raise(new ScreeningOpenings.Concern(adult, TriggerSource.FRONT_DOOR, source,
				Instant.parse(NOW), "maya.manager", "A CSE concern")))
			.isEmpty();

		assertThat(this.jdbc.sql("select count(*) from cse_screening where child_id = :child")
			.param("child", adult)
			.query(Integer.class)
			.single()).isZero();
		assertThat(noticeTo(Roles.CSE_COORDINATOR, source)).contains("18 or over");
	}

	@Test
	void aFrontDoorConcernWithNoChildRecordTellsTheCoordinatorsToOpenOne() {
		String source = "C-TEST-" + UUID.randomUUID() + "/1";

		this.transaction.executeWithoutResult((status) -> this.events
			.publishEvent(new CseConcernRaised(source, null, "maya.manager", Instant.parse(NOW))));
		EventDelivery.awaitAllDelivered(this.jdbc);

		assertThat(noticeTo(Roles.CSE_COORDINATOR, source)).contains("no child record");
	}

	private UUID aChildBorn(java.time.LocalDate born) {
		return this.children
			.register(new ChildRecords.NewChild("Zed", CseFixtures.aFamilyName(), born, null, null, null, null, false))
			.id();
	}

	private String noticeTo(String group, String reference) {
		return this.jdbc
			.sql("select message || ' ' || link from notice where recipient_group = :group and reference = :ref")
			.param("group", group)
			.param("ref", reference)
			.query(String.class)
			.single();
	}

	/**
	 * Present R1 (high, a controlling older adult) and B2 (medium), possible E1: score 6,
	 * medium.
	 */
	private static MultiValueMap<String, String> aMediumScoring() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		CseFixtures.indicator(form, "R1", "PRESENT", "28", "11", "2026");
		form.set("indicator.R1.note", "Seen with a man of about 30 who tells her where to go.");
		CseFixtures.indicator(form, "B2", "PRESENT", "20", "11", "2026");
		form.set("indicator.B2.basis", "EVIDENCE");
		CseFixtures.indicator(form, "E1", "POSSIBLE", "25", "11", "2026");
		form.add("cinFactors", "11A");
		form.add("cinFactors", "24A");
		form.set("summary", "A controlling older adult and unexplained gifts.");
		return form;
	}

	private String opened(String givenName) {
		String redirect = CseFixtures
			.redirectOf(this.coordinator.post("/cse/new", CseFixtures.anOpening(givenName, CseFixtures.aFamilyName())));
		return redirect.substring("/cse/screenings/".length());
	}

	private String claimed(String reference, String step) {
		String taskId = taskOf(reference, step);
		CseFixtures.claim(this.coordinator, taskId);
		return taskId;
	}

	private String taskOf(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private String triageTask(String contact, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(contact + "/1")
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private UUID childOf(String contact) {
		return this.jdbc
			.sql("select child_id from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", contact)
			.query(UUID.class)
			.single();
	}

	private Instant dueOf(String taskId) {
		return this.tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate().toInstant();
	}

	private Map<String, Object> screening(String reference) {
		return this.jdbc.sql("select * from cse_screening where reference = :ref")
			.param("ref", reference)
			.query()
			.singleRow();
	}

	private List<String> rulesFired(String reference) throws RuntimeException {
		String json = this.jdbc
			.sql("select s.rules_fired::text from cse_scoring s join cse_screening c"
					+ " on c.id = s.screening_id where c.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single();
		try {
			return JSON.readTree(json).findValuesAsText("rule");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> planActions(String reference, int version) {
		return this.jdbc.sql("""
				select a.action || '|' || a.owner || '|' || a.due_on from cse_safety_plan_action a
				join cse_safety_plan p on p.id = a.plan_id join cse_screening s on s.id = p.screening_id
				where s.reference = :ref and p.version = :version order by a.position""")
			.param("ref", reference)
			.param("version", version)
			.query(String.class)
			.list();
	}

	private int count(String sql, String reference) {
		return this.jdbc.sql(sql).param("ref", reference).query(Integer.class).single();
	}

	private List<String> chronologyKinds(UUID child) throws Exception {
		HttpResponse<String> read = new Api(this.port).get("/api/children/" + child + "/chronology",
				Tokens.forUser("maya.manager"));
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		JsonNode entries = JSON.readTree(read.body());
		return entries.findValuesAsText("kind");
	}

	private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String name, String value) {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(form);
		copy.set(name, value);
		return copy;
	}

	private static void accepted(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
