package org.mashhub.missing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.ChildRecords;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the missing children's forms, posted over a signed-in session as a
 * browser sends them, and what each stored read back from the tables: the report of a
 * carer's call, the return, a risk review that raises the grade, the strategy discussion
 * it calls, and the return home interview, in time and late.
 */
@IntegrationTest
class MissingFormsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ChildRecords children;

	private WebSession coordinator;

	@BeforeEach
	void signInAtNoonOnMonday() {
		this.coordinator = WebSession.signIn(this.port, "mia.missing");
		at("2026-11-23T12:00:00Z");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void everyFieldOfACarersCallIsStored() {
		String familyName = MissingFixtures.aFamilyName();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("child.givenNames", "Casey");
		form.set("child.familyName", familyName);
		date(form, "child.dateOfBirth", "6", "5", "2012");
		form.set("child.nhsNumber", "");
		form.set("child.gender", "Female");
		form.set("placement", "14 Elm Way (foster placement)");
		form.set("placingAuthority", "Shire County Council");
		form.set("placingAuthorityContact", "missing@shire.example");
		form.set("type", "A");
		form.set("riskGrade", "LOW");
		dateTime(form, "lastSeenAt", "23", "11", "2026", "07:45");
		dateTime(form, "leftAt", "23", "11", "2026", "08:15");
		form.set("circumstances", "Went to her boyfriend's flat; the carer knows where.");
		form.add("exploitationIndicators", "Older or controlling adult");
		form.add("exploitationIndicators", "Unexplained money or gifts");
		form.set("reportedByName", "Jo Carer");
		form.set("reportedByRole", "Foster carer");
		dateTime(form, "reportedAt", "23", "11", "2026", "09:30");
		form.set("policeReference", "P-" + familyName);

		String reference = episodeIn(redirectOf(this.coordinator.post("/missing/new", form)));

		Map<String, Object> row = episode(reference);
		assertThat(row).containsEntry("child_given_names", "Casey")
			.containsEntry("child_family_name", familyName)
			.containsEntry("type", "A")
			.containsEntry("risk_grade", "LOW")
			.containsEntry("placement", "14 Elm Way (foster placement)")
			.containsEntry("placing_authority", "Shire County Council")
			.containsEntry("placing_authority_contact", "missing@shire.example")
			.containsEntry("circumstances", "Went to her boyfriend's flat; the carer knows where.")
			.containsEntry("reported_by_name", "Jo Carer")
			.containsEntry("reported_by_role", "Foster carer")
			.containsEntry("police_reference", "P-" + familyName)
			.containsEntry("channel", "STAFF")
			.containsEntry("recorded_by", "mia.missing");
		assertThat(instant(row, "last_seen_at")).isEqualTo(Instant.parse("2026-11-23T07:45:00Z"));
		assertThat(instant(row, "left_at")).isEqualTo(Instant.parse("2026-11-23T08:15:00Z"));
		assertThat(instant(row, "started_at")).as("the later of the two").isEqualTo(instant(row, "left_at"));
		assertThat(instant(row, "reported_at")).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
		assertThat(row.get("child_date_of_birth").toString()).isEqualTo("2012-05-06");
		assertThat(strings(row, "exploitation_indicators")).containsExactly("Older or controlling adult",
				"Unexplained money or gifts");
		assertThat(row.get("exploitation_concern_raised_at")).as("once per episode").isNotNull();
		assertThat(timeline(reference))
			.anyMatch((line) -> line.contains("Placing authority told: Shire County Council"));
	}

	@Test
	void aReportWithoutTheChildsNameComesBackWithTheMessageBesideTheField() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("child.givenNames", "");
		form.set("type", "M");

		HttpResponse<String> page = this.coordinator.post("/missing/new", form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"child.givenNames-error\"")
			.contains("Enter the child&#39;s given names.");
	}

	@Test
	void everyFieldOfTheReturnIsStored() throws Exception {
		String reference = reported();
		at("2026-11-23T16:00:00Z");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		dateTime(form, "returnedAt", "23", "11", "2026", "15:00");
		form.set("foundBy", "Came back herself");
		form.set("foundWhere", "The placement");
		dateTime(form, "preventionInterviewAt", "23", "11", "2026", "15:40");
		form.set("preventionInterviewBy", "PC Lee");

		assertThat(redirectOf(this.coordinator.post("/missing/episodes/" + reference + "/return", form)))
			.isEqualTo("/missing/episodes/" + reference);

		Map<String, Object> row = episode(reference);
		assertThat(instant(row, "returned_at")).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
		assertThat(row).containsEntry("found_by", "Came back herself")
			.containsEntry("found_where", "The placement")
			.containsEntry("prevention_interview_by", "PC Lee")
			.containsEntry("return_recorded_by", "mia.missing");
		assertThat(instant(row, "prevention_interview_at")).isEqualTo(Instant.parse("2026-11-23T15:40:00Z"));
		assertThat(instant(row, "interview_due_at")).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
	}

	@Test
	void aReviewThatRaisesTheGradeIsAuditedShortensTheNextReviewAndCallsAStrategyDiscussion() throws Exception {
		String reference = reported();
		String review = taskOf(reference, MissingEpisodeProcess.TASK_REVIEW_RISK);
		claim(review);
		at("2026-11-23T13:00:00Z");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("riskGrade", "HIGH");
		form.set("reason", "Seen getting into a car with an older man");
		form.set("notes", "Police checking the area; phone off.");
		form.set("reasonForDelay", "");

		assertThat(redirectOf(this.coordinator.post("/missing/tasks/" + review, form))).isEqualTo("/work");

		assertThat(episode(reference)).containsEntry("risk_grade", "HIGH");
		assertThat(instant(episode(reference), "last_reviewed_at")).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
		Map<String, Object> recorded = this.jdbc.sql("""
				select r.* from missing_risk_review r join missing_episode e on e.id = r.episode_id
				where e.reference = :reference""").param("reference", reference).query().singleRow();
		assertThat(recorded).containsEntry("grade_from", "MEDIUM")
			.containsEntry("grade_to", "HIGH")
			.containsEntry("reason", "Seen getting into a car with an older man")
			.containsEntry("notes", "Police checking the area; phone off.")
			.containsEntry("reviewed_by", "mia.missing");
		assertThat(this.jdbc
			.sql("select count(*) from access_audit where action = 'CHANGE_RISK_GRADE' and subject_id = :ref")
			.param("ref", reference)
			.query(Integer.class)
			.single()).isOne();
		String next = taskOf(reference, MissingEpisodeProcess.TASK_REVIEW_RISK);
		assertThat(this.tasks.createTaskQuery().taskId(next).singleResult().getDueDate().toInstant())
			.as("high risk: 8 hours after this review")
			.isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
		assertThat(taskOf(reference, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION)).isNotNull();
	}

	@Test
	void everyFieldOfTheStrategyDiscussionIsStored() throws Exception {
		String reference = reported("HIGH");
		String discussion = taskOf(reference, MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION);
		claim(discussion);
		at("2026-11-23T14:00:00Z");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		dateTime(form, "heldAt", "23", "11", "2026", "13:30");
		form.set("attendees", "Mia (coordinator), DS Khan (police), Nurse Obi (health)");
		form.set("outcome", "Section 47 enquiry not needed yet; police search continues");
		form.set("actions", "Police to check known addresses by 16:00 (DS Khan)");

		assertThat(redirectOf(this.coordinator.post("/missing/tasks/" + discussion, form))).isEqualTo("/work");

		Map<String, Object> meeting = this.jdbc.sql("""
				select m.* from missing_meeting m join missing_episode e on e.id = m.episode_id
				where e.reference = :reference""").param("reference", reference).query().singleRow();
		assertThat(meeting).containsEntry("kind", "STRATEGY_DISCUSSION")
			.containsEntry("attendees", "Mia (coordinator), DS Khan (police), Nurse Obi (health)")
			.containsEntry("outcome", "Section 47 enquiry not needed yet; police search continues")
			.containsEntry("actions", "Police to check known addresses by 16:00 (DS Khan)")
			.containsEntry("recorded_by", "mia.missing");
		assertThat(instant(meeting, "held_at")).isEqualTo(Instant.parse("2026-11-23T13:30:00Z"));
	}

	@Test
	void everyFieldOfAReturnHomeInterviewHeldInTimeIsStored() throws Exception {
		String reference = returned();
		WebSession rhi = WebSession.signIn(this.port, "ravi.rhi");
		String interview = taskOf(reference, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		claim(rhi, interview);
		at("2026-11-25T11:00:00Z");
		MultiValueMap<String, String> form = interviewForm();

		assertThat(redirectOf(rhi.post("/missing/tasks/" + interview, form))).isEqualTo("/work");

		Map<String, Object> row = this.jdbc.sql("""
				select i.* from return_interview i join missing_episode e on e.id = i.episode_id
				where e.reference = :reference""").param("reference", reference).query().singleRow();
		assertThat(row).containsEntry("offered_how", "In person at the placement")
			.containsEntry("offered_by", "Ravi (RHI service)")
			.containsEntry("outcome", "HELD")
			.containsEntry("held_where", "Youth centre")
			.containsEntry("interviewer", "ravi.rhi")
			.containsEntry("provider_type", "COMMISSIONED_SERVICE")
			.containsEntry("before_episode", "Argument about phone use")
			.containsEntry("during_episode", "Stayed with a friend's older brother")
			.containsEntry("after_episode", "Came back by bus")
			.containsEntry("factors_note", "Feels watched at the home")
			.containsEntry("harm", "None disclosed")
			.containsEntry("child_words", "I just needed space")
			.containsEntry("actions", "Referral to youth service")
			.containsEntry("intelligence_to_police", true)
			.containsEntry("intelligence_note", "Address of the older brother, 25 Nov")
			.containsEntry("recorded_by", "ravi.rhi");
		assertThat(instant(row, "offered_at")).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
		assertThat(instant(row, "held_at")).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
		assertThat(instant(row, "due_at")).as("the ledger's 72 hours").isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
		assertThat(strings(row, "push_factors")).containsExactly("Boundaries or rules", "Not listened to");
		assertThat(strings(row, "pull_factors")).containsExactly("Friends");
		assertThat(strings(row, "exploitation_indicators")).containsExactly("Older or controlling adult");
		assertThat(this.jdbc.sql("select status from deadline where task_id = :task")
			.param("task", interview)
			.query(String.class)
			.single()).isEqualTo("MET");
	}

	@Test
	void aLateInterviewNeedsAReasonForDelay() throws Exception {
		String reference = returned();
		WebSession rhi = WebSession.signIn(this.port, "ravi.rhi");
		String interview = taskOf(reference, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		claim(rhi, interview);
		at("2026-11-27T11:00:00Z");
		MultiValueMap<String, String> declined = new LinkedMultiValueMap<>();
		dateTime(declined, "offeredAt", "24", "11", "2026", "10:00");
		declined.set("offeredHow", "Phone");
		declined.set("offeredBy", "Ravi");
		declined.set("outcome", "DECLINED");
		declined.set("outcomeReason", "Did not want to talk");
		declined.set("carerKnows", "Stayed with a friend");
		declined.set("intelligenceToPolice", "no");

		HttpResponse<String> refused = rhi.post("/missing/tasks/" + interview, declined);
		declined.set("reasonForDelay", "Child in hospital until 26 November");
		String done = redirectOf(rhi.post("/missing/tasks/" + interview, declined));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("reasonForDelay-error");
		assertThat(done).isEqualTo("/work");
		Map<String, Object> deadline = this.jdbc.sql("select * from deadline where task_id = :task")
			.param("task", interview)
			.query()
			.singleRow();
		assertThat(deadline).containsEntry("status", "BREACHED")
			.containsEntry("delay_reason", "Child in hospital until 26 November");
		assertThat(this.jdbc.sql("""
				select outcome || '/' || outcome_reason || '/' || carer_knows from return_interview i
				join missing_episode e on e.id = i.episode_id where e.reference = :reference""")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("DECLINED/Did not want to talk/Stayed with a friend");
	}

	@Test
	void theChildsSocialWorkerIsNotOfferedToAManagerGivingOutTheInterview() throws Exception {
		String reference = returned();
		// Known to the staff directory, as after their first sign-in
		WebSession.signIn(this.port, "ravi.rhi");
		String interview = taskOf(reference, MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW);
		String before = this.coordinator.get("/tasks/" + interview).body();

		this.children.allocate((UUID) episode(reference).get("child_id"), "ravi.rhi");
		String after = this.coordinator.get("/tasks/" + interview).body();

		assertThat(before).contains("value=\"ravi.rhi\"");
		assertThat(after).doesNotContain("value=\"ravi.rhi\"");
	}

	private MultiValueMap<String, String> interviewForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		dateTime(form, "offeredAt", "24", "11", "2026", "10:00");
		form.set("offeredHow", "In person at the placement");
		form.set("offeredBy", "Ravi (RHI service)");
		form.set("outcome", "HELD");
		form.set("outcomeReason", "");
		form.set("carerKnows", "");
		dateTime(form, "heldAt", "25", "11", "2026", "10:00");
		form.set("heldWhere", "Youth centre");
		form.set("providerType", "COMMISSIONED_SERVICE");
		form.set("beforeEpisode", "Argument about phone use");
		form.set("duringEpisode", "Stayed with a friend's older brother");
		form.set("afterEpisode", "Came back by bus");
		form.add("pushFactors", "Boundaries or rules");
		form.add("pushFactors", "Not listened to");
		form.add("pullFactors", "Friends");
		form.set("factorsNote", "Feels watched at the home");
		form.set("harm", "None disclosed");
		form.set("childWords", "I just needed space");
		form.set("actions", "Referral to youth service");
		form.set("intelligenceToPolice", "yes");
		form.set("intelligenceNote", "Address of the older brother, 25 Nov");
		form.add("exploitationIndicators", "Older or controlling adult");
		return form;
	}

	private String reported() throws Exception {
		return reported("MEDIUM");
	}

	private String reported(String grade) throws Exception {
		HttpResponse<String> reported = new Api(this.port).post(
				"/api/missing-episodes", MissingFixtures.aReport(MissingFixtures.aFamilyName(), grade,
						MissingFixtures.LAST_SEEN, MissingFixtures.REPORTED),
				UUID.randomUUID().toString(), Tokens.forPartner("police"));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		return JSON.readTree(reported.body()).get("reference").asText();
	}

	private String returned() throws Exception {
		String reference = reported();
		at("2026-11-23T16:00:00Z");
		HttpResponse<String> returned = new Api(this.port).send("POST",
				"/api/missing-episodes/" + reference + "/return", MissingFixtures.aReturn(MissingFixtures.RETURNED),
				Tokens.forPartner("police"));
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
		return reference;
	}

	private void claim(String taskId) {
		claim(this.coordinator, taskId);
	}

	private static void claim(WebSession session, String taskId) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("returnTo", "/missing/tasks/" + taskId);
		assertThat(redirectOf(session.post("/tasks/" + taskId + "/claim", form))).isEqualTo("/missing/tasks/" + taskId);
	}

	private String taskOf(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private Map<String, Object> episode(String reference) {
		return this.jdbc.sql("select * from missing_episode where reference = :reference")
			.param("reference", reference)
			.query()
			.singleRow();
	}

	private List<String> timeline(String reference) {
		return this.jdbc.sql("""
				select v.summary from missing_episode_event v join missing_episode e on e.id = v.episode_id
				where e.reference = :reference order by v.id""")
			.param("reference", reference)
			.query(String.class)
			.list();
	}

	private static String episodeIn(String redirect) {
		assertThat(redirect).startsWith("/missing/episodes/MIS-");
		return redirect.substring("/missing/episodes/".length());
	}

	private static void date(MultiValueMap<String, String> form, String name, String day, String month, String year) {
		form.set(name + "-day", day);
		form.set(name + "-month", month);
		form.set(name + "-year", year);
	}

	private static void dateTime(MultiValueMap<String, String> form, String name, String day, String month, String year,
			String time) {
		date(form, name, day, month, year);
		form.set(name + "-time", time);
	}

	private static Instant instant(Map<String, Object> row, String column) {
		return ((Timestamp) row.get(column)).toInstant();
	}

	private static List<String> strings(Map<String, Object> row, String column) {
		try {
			return List.of((String[]) ((Array) row.get(column)).getArray());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String redirectOf(HttpResponse<String> response) {
		assertThat(response.statusCode())
			.as(() -> response.uri() + " answered " + response.statusCode() + ": "
					+ response.body().replaceAll("\\s+", " ").replaceAll(".*(govuk-error-summary.{0,600}).*", "$1"))
			.isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.getRawPath();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
