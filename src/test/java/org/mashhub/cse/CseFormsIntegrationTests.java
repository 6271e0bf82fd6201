package org.mashhub.cse;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.NhsNumbers;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the exploitation screening's forms, posted over a signed-in session as a
 * browser sends them, and what each stored read back from the tables: the opening, a
 * scoring raised above the computed level, each level's actions (one late, with its
 * reason for delay), and a panel day.
 */
@IntegrationTest
class CseFormsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	private WebSession coordinator;

	@BeforeEach
	void signInOnTuesdayMorning() {
		at("2026-12-01T10:00:00Z");
		this.coordinator = WebSession.signIn(this.port, "cleo.cse");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void everyFieldOfAnOpeningIsStored() {
		String familyName = CseFixtures.aFamilyName();
		String nhsNumber = NhsNumbers.random();
		MultiValueMap<String, String> form = CseFixtures.anOpening("Uma", familyName);
		form.set("child.nhsNumber", nhsNumber);
		CseFixtures.dateTime(form, "raisedAt", "1", "12", "2026", "09:15");

		String reference = referenceIn(CseFixtures.redirectOf(this.coordinator.post("/cse/new", form)));

		assertThat(
				row("""
						select s.child_given_names, s.child_family_name, s.child_date_of_birth::text as born, s.opened_by, s.opened_at,
						  s.instrument_id, s.instrument_version, c.nhs_number, t.source, t.raised_at, t.raised_by, t.summary
						from cse_screening s join child c on c.id = s.child_id join cse_trigger t on t.screening_id = s.id
						where s.reference = :ref""",
						reference))
			.containsEntry("child_given_names", "Uma")
			.containsEntry("child_family_name", familyName)
			.containsEntry("born", "2011-03-01")
			.containsEntry("opened_by", "cleo.cse")
			.containsEntry("opened_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T09:15:00Z")))
			.containsEntry("instrument_id", "mash-hub-exploitation-screening")
			.containsEntry("instrument_version", 1)
			.containsEntry("nhs_number", nhsNumber.replace(" ", ""))
			.containsEntry("source", "COORDINATOR")
			.containsEntry("raised_by", "cleo.cse")
			.containsEntry("summary", "School nurse: older men collecting her at the gates.")
			.containsEntry("raised_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T09:15:00Z")));
	}

	@Test
	void everyFieldOfTheApisOpeningIsStoredAndAFurtherOneJoinsIt() throws Exception {
		String familyName = CseFixtures.aFamilyName();
		String nhsNumber = NhsNumbers.random();
		String opening = """
				{"child": {"givenNames": "Ros", "familyName": "%s", "dateOfBirth": "2011-07-08", "nhsNumber": "%s"},
				 "raisedAt": "2026-12-01T08:30:00Z", "concern": "Youth worker: seen with older men at the station."}"""
			.formatted(familyName, nhsNumber);
		Api api = new Api(this.port);
		String coordinator = Tokens.forUser("cleo.cse");

		HttpResponse<String> opened = api.send("POST", "/api/cse/screenings", opening, coordinator);

		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		JsonNode outcome = JSON.readTree(opened.body());
		String reference = outcome.get("reference").asText();
		assertThat(outcome.get("opened").asBoolean()).isTrue();
		assertThat(opened.headers().firstValue("Location")).hasValue("/api/cse/screenings/" + reference);
		assertThat(row("""
				select s.child_given_names, s.child_family_name, s.child_date_of_birth::text as born, s.opened_at,
				  c.nhs_number, t.raised_at, t.summary
				from cse_screening s join child c on c.id = s.child_id join cse_trigger t on t.screening_id = s.id
				where s.reference = :ref""", reference)).containsEntry("child_given_names", "Ros")
			.containsEntry("child_family_name", familyName)
			.containsEntry("born", "2011-07-08")
			.containsEntry("nhs_number", nhsNumber.replace(" ", ""))
			.containsEntry("opened_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T08:30:00Z")))
			.containsEntry("raised_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T08:30:00Z")))
			.containsEntry("summary", "Youth worker: seen with older men at the station.");

		HttpResponse<String> joined = api.send("POST", "/api/cse/screenings", opening, coordinator);
		assertThat(joined.statusCode()).as("joins the open one").isEqualTo(200);
		assertThat(JSON.readTree(joined.body()).get("reference").asText()).isEqualTo(reference);
		assertThat(JSON.readTree(joined.body()).get("opened").asBoolean()).isFalse();
		HttpResponse<String> read = api.get("/api/cse/screenings/" + reference, coordinator);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(read.body()).get("triggers")).hasSize(2);
		assertThat(api.get("/api/cse/screenings/" + reference, Tokens.forUser("sam.screener")).statusCode())
			.isEqualTo(404);
	}

	@Test
	void everyFieldOfAScoringRaisedAboveTheComputedLevelIsStored() throws Exception {
		String reference = opened("Vic");
		at("2026-12-01T11:00:00Z");
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		CseFixtures.indicator(form, "O1", "PRESENT", "29", "11", "2026");
		form.set("indicator.O1.agency", "School or college");
		form.set("indicator.O1.basis", "EVIDENCE");
		form.set("indicator.O1.note", "Images found on her phone by the school.");
		CseFixtures.indicator(form, "M3", "POSSIBLE", "30", "11", "2026");
		form.set("indicator.M3.note", "Carer thinks she was out overnight.");
		form.set("indicator.H4.answer", "ABSENT");
		form.set("level", "HIGH");
		form.set("rationale", "She is frightened of the man who asked for the images.");
		form.add("cinFactors", "11A");
		form.add("cinFactors", "10A");
		form.set("summary", "Online grooming by an unknown adult.");
		CseFixtures.dateTime(form, "scoredAt", "1", "12", "2026", "10:30");

		assertThat(CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form))).isEqualTo("/work");

		Map<String, Object> scoring = row("""
				select s.kind, s.scored_at, s.scored_by, s.score, s.computed_level, s.proposed_level, s.final_level,
				  s.rationale, s.summary, s.decision_inputs::text as inputs
				from cse_scoring s join cse_screening c on c.id = s.screening_id where c.reference = :ref""",
				reference);
		assertThat(scoring).containsEntry("kind", "SCREENING")
			.containsEntry("scored_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T10:30:00Z")))
			.containsEntry("scored_by", "cleo.cse")
			.containsEntry("score", 3)
			.containsEntry("computed_level", "LOW")
			.containsEntry("proposed_level", "HIGH")
			.containsEntry("final_level", "HIGH")
			.containsEntry("rationale", "She is frightened of the man who asked for the images.")
			.containsEntry("summary", "Online grooming by an unknown adult.");
		JsonNode inputs = JSON.readTree((String) scoring.get("inputs"));
		assertThat(inputs.get("score").asInt()).isEqualTo(3);
		assertThat(inputs.get("age").asInt()).isEqualTo(15);
		assertThat(this.jdbc.sql("""
				select i.indicator_code || '|' || i.answer || '|' || i.observed_on || '|' || i.agency || '|' || i.basis
				  || '|' || i.note from cse_scoring_indicator i join cse_scoring s on s.id = i.scoring_id
				join cse_screening c on c.id = s.screening_id where c.reference = :ref order by i.indicator_code""")
			.param("ref", reference)
			.query(String.class)
			.list()).containsExactly("M3|POSSIBLE|2026-11-30|Police|CONCERN|Carer thinks she was out overnight.",
					"O1|PRESENT|2026-11-29|School or college|EVIDENCE|Images found on her phone by the school.");
		assertThat(row("select level, array_to_string(cin_factors, ',') as factors, last_scored_at from cse_screening"
				+ " where reference = :ref", reference))
			.containsEntry("level", "HIGH")
			.containsEntry("factors", "11A,10A")
			.containsEntry("last_scored_at", java.sql.Timestamp.from(Instant.parse("2026-12-01T10:30:00Z")));
		assertThat(timeline(reference)).anyMatch(
				(line) -> line.equals("Level raised to high: She is frightened of the man who asked for the images."));
	}

	@Test
	void theHighLevelsStrategyDiscussionAndReferralStoreEveryFieldAndALateOneItsReason() {
		String reference = scoredAt(opened("Wyn"), "HIGH");
		at("2026-12-01T15:00:00Z");
		String discussion = claimed(reference, CseScreeningProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		MultiValueMap<String, String> held = new LinkedMultiValueMap<>();
		CseFixtures.dateTime(held, "heldAt", "1", "12", "2026", "14:00");
		held.set("attendees", "Cleo (CSE), DS Khan (police), Dr Obi (health)");
		held.set("outcome", "Section 47 enquiries to start; police to investigate the adult.");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + discussion, held));

		// The referral was due in 5 working days, by 10:00 on 8 December
		at("2026-12-09T12:00:00Z");
		String referral = claimed(reference, CseScreeningProcess.TASK_REFER_TO_MACE);
		MultiValueMap<String, String> referred = new LinkedMultiValueMap<>();
		CseFixtures.dateTime(referred, "heldAt", "9", "12", "2026", "11:00");
		referred.set("outcome", "Referred to the panel of 15 December.");
		HttpResponse<String> withoutReason = this.coordinator.post("/cse/tasks/" + referral, referred);
		assertThat(withoutReason.statusCode()).isEqualTo(200);
		assertThat(withoutReason.body()).contains("id=\"reasonForDelay-error\"");
		referred.set("reasonForDelay", "The panel's referral form changed.");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + referral, referred));

		assertThat(this.jdbc.sql("""
				select a.kind || '|' || a.held_at || '|' || coalesce(a.attendees, '') || '|' || a.outcome
				from cse_action a join cse_screening s on s.id = a.screening_id where s.reference = :ref
				order by a.held_at""").param("ref", reference).query(String.class).list()).containsExactly(
				"STRATEGY_DISCUSSION|2026-12-01 14:00:00+00|Cleo (CSE), DS Khan (police), Dr Obi (health)|"
						+ "Section 47 enquiries to start; police to investigate the adult.",
				"MACE_REFERRAL|2026-12-09 11:00:00+00||Referred to the panel of 15 December.");
		assertThat(this.jdbc.sql("select status || '|' || delay_reason from deadline where task_id = :task")
			.param("task", referral)
			.query(String.class)
			.single()).isEqualTo("BREACHED|The panel's referral form changed.");
	}

	@Test
	void theLowLevelsAdviceOrStepDownIsStored() {
		String reference = scoredAt(opened("Xan"), "LOW");
		String stepDown = claimed(reference, CseScreeningProcess.TASK_ADVISE_OR_STEP_DOWN);
		MultiValueMap<String, String> given = new LinkedMultiValueMap<>();
		CseFixtures.dateTime(given, "heldAt", "1", "12", "2026", "10:00");
		given.set("outcome", "Stepped down to the Anytown early help team; advice to the carers on online safety.");

		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + stepDown, given));

		assertThat(this.jdbc
			.sql("select kind || '|' || held_at || '|' || outcome || '|' || recorded_by from cse_action a"
					+ " join cse_screening s on s.id = a.screening_id where s.reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single()).isEqualTo(
					"STEP_DOWN|2026-12-01 10:00:00+00|Stepped down to the Anytown early help team; advice to the carers on"
							+ " online safety.|cleo.cse");
	}

	@Test
	void aPanelDayIsRecordedOnceAndLaterViewsCountNewFromIt() {
		MultiValueMap<String, String> panel = new LinkedMultiValueMap<>();
		CseFixtures.date(panel, "heldOn", "24", "11", "2026");
		this.jdbc.sql("delete from cse_panel where held_on = date '2026-11-24'").update();

		assertThat(CseFixtures.redirectOf(this.coordinator.post("/cse/panels", panel))).isEqualTo("/cse");
		assertThat(this.coordinator.get("/cse").body()).contains("Last panel: Tuesday 24 November 2026.");
		assertThat(this.jdbc.sql("select recorded_by from cse_panel where held_on = date '2026-11-24'")
			.query(String.class)
			.single()).isEqualTo("cleo.cse");
		CseFixtures.redirectOf(this.coordinator.post("/cse/panels", panel));
		String page = this.coordinator.get("/cse").body();
		assertThat(page).as(page.substring(Math.max(0, page.indexOf("Record a panel") - 200)))
			.contains("id=\"heldOn-error\"");
	}

	private String scoredAt(String reference, String level) {
		String screen = claimed(reference, CseScreeningProcess.TASK_SCREEN_CHILD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("level", level);
		form.set("rationale", "The coordinator's judgement.");
		form.add("cinFactors", "11A");
		form.set("summary", "Scored for the test.");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form));
		return reference;
	}

	private String opened(String givenName) {
		return referenceIn(CseFixtures.redirectOf(
				this.coordinator.post("/cse/new", CseFixtures.anOpening(givenName, CseFixtures.aFamilyName()))));
	}

	private String claimed(String reference, String step) {
		String taskId = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
		CseFixtures.claim(this.coordinator, taskId);
		return taskId;
	}

	private Map<String, Object> row(String sql, String reference) {
		return this.jdbc.sql(sql).param("ref", reference).query().singleRow();
	}

	private List<String> timeline(String reference) {
		return this.jdbc
			.sql("select e.summary from cse_screening_event e join cse_screening s"
					+ " on s.id = e.screening_id where s.reference = :ref order by e.occurred_at, e.id")
			.param("ref", reference)
			.query(String.class)
			.list();
	}

	private static String referenceIn(String redirect) {
		return redirect.substring("/cse/screenings/".length());
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
