package org.mashhub.referral;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.referral.process.ContactTriage;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.NhsNumbers;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door worked through the API on the real stack, as a screener, agency liaisons
 * and a manager would: every due date from its policy, every rule enforced on the server,
 * and the child's chronology telling it all.
 */
@IntegrationTest
class ContactTriageIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Friday 20 November 2026: received at 16:00, screened at 17:00 (GMT). */
	private static final Instant RECEIVED = Instant.parse("2026-11-20T16:00:00Z");

	private static final Instant SCREENED = Instant.parse("2026-11-20T17:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ChildRecords children;

	private Api api;

	private TriageSteps steps;

	@BeforeEach
	void fixTheClock() {
		ClockUtil.setCurrentTime(Date.from(SCREENED));
		this.api = new Api(this.port);
		this.steps = new TriageSteps(this.api, this.tasks, this.jdbc);
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aScreenerPoliceAndAManagerWorkAContactThroughWithEveryDueDateAndTheChronology() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		String reference = this.steps.submit(aContactAbout("Cara", family, null, "NEGLECT"),
				Tokens.forPartner("police"));
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		String assessor = Tokens.forUser("alex.assessor");
		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode())
			.as("the assessment team reads a contact once it is handed to them")
			.isEqualTo(404);
		String support = Tokens.forUser("bella.support");
		assertThat(this.api.send("POST", "/api/tasks/" + screening + "/claim", null, support).statusCode())
			.as("business support logs contacts but never sees screening work")
			.isEqualTo(404);
		assertThat(this.steps.post("/api/triage/tasks/" + screening + "/screening", amberScreening(), support)
			.statusCode()).isEqualTo(403);
		String screener = Tokens.forUser("sam.screener");
		this.steps.claim(screening, screener);
		assertThat(this.api.send("POST", "/api/tasks/" + screening + "/complete", "{}", screener).statusCode())
			.as("a form step is never completed bare")
			.isEqualTo(422);

		assertThat(this.steps.post("/api/triage/tasks/" + screening + "/screening", amberScreening(), screener)
			.statusCode()).isEqualTo(204);

		assertThat(this.jdbc
			.sql("select rag from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("AMBER");
		String policeTask = this.steps.taskOf(reference, ContactTriage.TASK_ANSWER_AGENCY_CHECK, "police-liaison");
		String healthTask = this.steps.taskOf(reference, ContactTriage.TASK_ANSWER_AGENCY_CHECK, "health-liaison");
		assertThat(this.steps.dueOf(policeTask)).as("amber: 24 hours from the rating")
			.isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
		String police = Tokens.forUser("paul.police");
		JsonNode policeView = JSON.readTree(this.api.get("/api/triage/tasks/" + policeTask, police).body());
		assertThat(policeView.get("triage").isNull()).as("a liaison never sees the whole contact").isTrue();
		assertThat(policeView.get("check").get("question").asText()).isEqualTo("Any incidents at the address?");
		assertThat(policeView.get("check").get("sharedConcerns").isNull()).as("concerns not shared with the police")
			.isTrue();
		assertThat(policeView.get("check").get("childName").asText()).isEqualTo("Cara " + family);
		String health = Tokens.forUser("hana.health");
		JsonNode healthView = JSON.readTree(this.api.get("/api/triage/tasks/" + healthTask, health).body());
		assertThat(healthView.get("check").get("sharedConcerns").asText()).contains("missed appointments");
		assertThat(this.api.get("/api/triage/tasks/" + healthTask, police).statusCode())
			.as("the police cannot even see health's task")
			.isEqualTo(404);
		String healthCheck = healthView.get("check").get("id").asText();
		assertThat(this.api.get("/api/agency-checks/" + healthCheck, police).statusCode())
			.as("one agency reading another's request is refused")
			.isEqualTo(403);
		this.steps.claim(policeTask, police);
		assertThat(this.steps.post("/api/triage/tasks/" + policeTask + "/answer", "{\"answer\": \"\"}", police)
			.statusCode()).isEqualTo(400);
		assertThat(this.steps
			.post("/api/triage/tasks/" + policeTask + "/answer",
					"{\"answer\": \"Two call-outs this year, no arrests.\"}", police)
			.statusCode()).isEqualTo(204);
		String policeCheck = policeView.get("check").get("id").asText();
		assertThat(this.api.get("/api/agency-checks/" + policeCheck, health).statusCode())
			.as("health cannot read the police answer either")
			.isEqualTo(403);
		assertThat(
				JSON.readTree(this.api.get("/api/agency-checks/" + policeCheck, police).body()).get("answer").asText())
			.isEqualTo("Two call-outs this year, no arrests.");

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-21T17:01:00Z")));
		Job target = this.management.createJobQuery()
			.processInstanceId(this.tasks.createTaskQuery().taskId(healthTask).singleResult().getProcessInstanceId())
			.activityId(ContactTriage.TIMER_NO_RESPONSE_IN_TIME)
			.singleResult();
		assertThat(target.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
		this.management.executeJob(target.getId());
		assertThat(this.jdbc.sql("select status from deadline where task_id = :taskId")
			.param("taskId", healthTask)
			.query(String.class)
			.single()).as("an unanswered request counts as a breach of its target").isEqualTo("BREACHED");

		assertThat(this.jdbc.sql("select state from agency_check where id = :id")
			.param("id", UUID.fromString(healthCheck))
			.query(String.class)
			.single()).isEqualTo("NO_RESPONSE_IN_TIME");
		assertThat(this.jdbc
			.sql("select count(*) from notice where reference = :reference and recipient_group = "
					+ "'mash-manager' and message like 'Health did not answer%'")
			.param("reference", reference + "/1")
			.query(Integer.class)
			.single()).isOne();
		String decision = this.steps.taskOf(reference, ContactTriage.TASK_THRESHOLD_DECISION);
		assertThat(this.steps.dueOf(decision)).as("1 working day from Friday 16:00: Monday 16:00")
			.isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		String manager = Tokens.forUser("maya.manager");
		this.steps.claim(decision, manager);
		HttpResponse<String> incomplete = this.steps.post("/api/triage/tasks/" + decision + "/decision",
				"{\"levelOfNeed\": 5, \"outcome\": \"CIN_S17_ASSESSMENT\"}", manager);
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(incomplete.body()).get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("levelOfNeed", "rationale");
		assertThat(this.steps
			.post("/api/triage/tasks/" + decision + "/decision", """
					{"levelOfNeed": 3, "outcome": "CIN_S17_ASSESSMENT",
					 "rationale": "Neglect indicators from school and health; needs a child and family assessment."}""",
					manager)
			.statusCode()).isEqualTo(204);

		String assessment = this.steps.taskOf(reference, ContactTriage.TASK_CHILD_AND_FAMILY_ASSESSMENT);
		assertThat(this.steps.dueOf(assessment)).as("45 working days from receipt, past Christmas and New Year")
			.isEqualTo(Instant.parse("2027-01-27T16:00:00Z"));
		String feedback = this.steps.taskOf(reference, ContactTriage.TASK_FEEDBACK_TO_REFERRER);
		assertThat(this.steps.dueOf(feedback)).as("1 working day from a Saturday decision: Monday 17:00")
			.isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
		this.steps.claim(feedback, support);
		JsonNode feedbackView = JSON.readTree(this.api.get("/api/triage/tasks/" + feedback, support).body());
		assertThat(feedbackView.get("reading").asText()).isEqualTo("REFERRER_FEEDBACK");
		assertThat(feedbackView.get("triage").isNull()).as("business support gives feedback without the case").isTrue();
		assertThat(feedbackView.get("feedback").get("referrer").get("email").asText())
			.isEqualTo("jane.doe@police.example");
		assertThat(feedbackView.get("feedback").get("outcome").asText()).isEqualTo("CIN_S17_ASSESSMENT");
		assertThat(feedbackView.toString()).doesNotContain("missed appointments")
			.doesNotContain("Two call-outs")
			.doesNotContain("Neglect indicators");
		assertThat(this.steps
			.post("/api/triage/tasks/" + feedback + "/feedback",
					"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: child and family assessment.\"}", support)
			.statusCode()).isEqualTo(204);

		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode()).isEqualTo(200);
		UUID child = this.steps.childOf(reference);
		JsonNode chronology = this.steps.chronologyOf(child);
		assertThat(chronology.findValuesAsText("kind")).containsExactly("CONTACT_RECEIVED", "RAG_SET",
				"AGENCY_ANSWERED", "AGENCY_NO_RESPONSE", "THRESHOLD_DECISION", "FEEDBACK");
		JsonNode decided = chronology.get(4);
		assertThat(decided.get("actor").asText()).isEqualTo("maya.manager");
		assertThat(decided.get("summary").asText()).contains("level 3")
			.contains("Neglect indicators from school and health");
		assertThat(decided.get("occurredAt").asText()).startsWith("2026-11-21T17:01");
	}

	@Test
	void noLetterGoesToADomesticAbuseVictimOnTheReferrersWordAloneAndHighRiskGoesToMarac() throws Exception {
		String reference = this.steps.submit(ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T16:00:00Z")
			.replace("943 476 5919", NhsNumbers.random())
			.replace("\"safeToContactVictim\": false",
					"\"safeToContactVictim\": true, \"safeContactRoute\": \"Mobile\"")
			.replace("\"Test\"", "\"" + TriageSteps.uniqueFamilyName() + "\""), Tokens.forPartner("police"));
		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ContactTriage.TASK_TELL_SCHOOL)))
			.as("Operation Encompass: the school hears before Monday's school day starts")
			.isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		String screener = Tokens.forUser("sid.screener");
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);
		assertThat(this.steps.post("/api/triage/tasks/" + screening + "/screening", """
				{"rag": "AMBER", "summary": "DA incident, children present.", "newChildRecord": true,
				 "consentReview": "Override upheld: s47 basis.", "agencyChecks": []}""", screener).statusCode())
			.isEqualTo(204);
		assertThat(this.jdbc
			.sql("select marac_reason from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("DASH 15 of 24; 3 incidents in 12 months");
		this.steps.taskOf(reference, ContactTriage.TASK_REFER_TO_MARAC);
		String manager = Tokens.forUser("mo.manager");
		JsonNode overridden = JSON.readTree(this.api.get("/api/contacts/" + reference + "/triage", manager).body())
			.get(0);
		assertThat(overridden.get("consent").get("status").asText()).isEqualTo("OVERRIDDEN");
		assertThat(overridden.get("consent").get("lawfulBasis").asText()).isEqualTo("Children Act 1989 s47");
		assertThat(overridden.get("consent").get("authorisedBy").asText()).isEqualTo("DS Smith");
		assertThat(overridden.get("consentReview").asText()).isEqualTo("Override upheld: s47 basis.");
		assertThat(this.api.get("/api/contacts/" + reference + "/triage", Tokens.forUser("paul.police")).statusCode())
			.as("an agency liaison never reads the whole contact")
			.isEqualTo(403);
		String decision = this.steps.taskOf(reference, ContactTriage.TASK_THRESHOLD_DECISION);
		this.steps.claim(decision, manager);
		this.steps.post("/api/triage/tasks/" + decision + "/decision",
				"{\"levelOfNeed\": 2, \"outcome\": \"NFA_ADVICE\", \"rationale\": \"Police safeguarding in place.\"}",
				manager);
		String feedback = this.steps.taskOf(reference, ContactTriage.TASK_FEEDBACK_TO_REFERRER);
		String support = Tokens.forUser("bella.support");
		this.steps.claim(feedback, support);

		HttpResponse<String> letter = this.steps.post("/api/triage/tasks/" + feedback + "/feedback",
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: NFA.\", \"letterToFamily\": true}", support);

		assertThat(letter.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(letter.body()).get("errors").get("letterToFamily").asText())
			.contains("safe to contact the victim");
		assertThat(this.jdbc
			.sql("select feedback_at from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(Instant.class)
			.optional()).as("nothing written").isEmpty();
		assertThat(this.tasks.createTaskQuery().taskId(feedback).count()).isOne();
		assertThat(this.steps
			.post("/api/triage/tasks/" + feedback + "/feedback",
					"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: NFA.\", \"letterToFamily\": false}", support)
			.statusCode()).isEqualTo(204);
	}

	@Test
	void aScreenerRecordsThatTheVictimMayBeContactedAndTheFamilyLetterGoesByThatRouteOnly() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact(), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sid.screener");

		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "DA incident, children present.", "newChildRecord": true,
				 "safeToContactVictim": true, "safeContactRoute": "  Mobile 07700 900123, after 6pm only  "}""",
				screener);

		assertThat(this.jdbc
			.sql("select safe_to_contact_victim, safe_contact_route, safe_contact_recorded_by from contact "
					+ "where reference = :reference")
			.param("reference", reference)
			.query((rs, row) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.single()).isEqualTo("true|Mobile 07700 900123, after 6pm only|sid.screener");
		this.steps.decideAndClaimFeedback(reference, "CIN_S17_ASSESSMENT");
		String feedback = this.steps.taskOf(reference, ContactTriage.TASK_FEEDBACK_TO_REFERRER);

		assertThat(this.steps
			.post("/api/triage/tasks/" + feedback + "/feedback",
					"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: assessment.\", \"letterToFamily\": true}",
					Tokens.forUser("bella.support"))
			.statusCode()).isEqualTo(204);

		assertThat(this.jdbc
			.sql("select family_letter_route from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("Mobile 07700 900123, after 6pm only");
		assertThat(this.steps.taskOf(reference, ContactTriage.TASK_CHILD_AND_FAMILY_ASSESSMENT))
			.as("the decision's hand-off still runs")
			.isNotNull();
	}

	@Test
	void aScreenerRecordsThatTheVictimMustNotBeContactedAndNoLetterIsAllowed() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact(), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sid.screener");
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);
		HttpResponse<String> noRoute = this.steps.post("/api/triage/tasks/" + screening + "/screening", """
				{"rag": "AMBER", "summary": "DA incident.", "newChildRecord": true, "safeToContactVictim": true}""",
				screener);
		assertThat(noRoute.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noRoute.body()).get("errors").fieldNames()).toIterable()
			.containsExactly("safeContactRoute");

		assertThat(this.steps.post("/api/triage/tasks/" + screening + "/screening", """
				{"rag": "AMBER", "summary": "DA incident.", "newChildRecord": true, "safeToContactVictim": false,
				 "safeContactRoute": "ignored when not safe"}""", screener).statusCode()).isEqualTo(204);

		assertThat(this.jdbc
			.sql("select safe_to_contact_victim, safe_contact_route, safe_contact_recorded_by from contact "
					+ "where reference = :reference")
			.param("reference", reference)
			.query((rs, row) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.single()).isEqualTo("false|null|sid.screener");
		this.steps.decideAndClaimFeedback(reference, "EARLY_HELP");
		String feedback = this.steps.taskOf(reference, ContactTriage.TASK_FEEDBACK_TO_REFERRER);
		HttpResponse<String> letter = this.steps.post("/api/triage/tasks/" + feedback + "/feedback",
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe.\", \"letterToFamily\": true}",
				Tokens.forUser("bella.support"));
		assertThat(letter.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(letter.body()).get("errors").get("letterToFamily").asText())
			.contains("safe to contact the victim");
		assertThat(this.steps.taskOf(reference, ContactTriage.TASK_STEP_DOWN_TO_EARLY_HELP))
			.as("the decision's hand-off still runs")
			.isNotNull();
	}

	@Test
	void aChildsRecordChronologyAndDeadlinesOpenToTheAssessmentTeamOnlyOnceTheContactIsHandedToIt() throws Exception {
		String reference = this.steps.submit(aContactAbout("Max", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		this.steps.screen(reference, "{\"rag\": \"GREEN\", \"summary\": \"Neglect.\", \"newChildRecord\": true}",
				Tokens.forUser("sam.screener"));
		UUID child = this.steps.childOf(reference);
		String assessor = Tokens.forUser("alex.assessor");
		String police = Tokens.forUser("paul.police");
		String deadlines = "/api/deadlines?subjectType=ContactTriageProcess&subjectId=" + reference + "/1";

		assertThat(this.api.get("/api/children/" + child + "/chronology", assessor).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/children/" + child, assessor).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode()).isEqualTo(404);
		assertThat(this.api.get(deadlines, assessor).statusCode()).isEqualTo(404);
		assertThat(this.api.get(deadlines, police).statusCode()).as("the referring agency reads no ledger")
			.isEqualTo(404);
		assertThat(this.api.get(deadlines.replace(reference, "CT-1999-999999"), police).statusCode())
			.as("indistinguishable from a contact that does not exist")
			.isEqualTo(404);
		assertThat(JSON.readTree(this.api.get(deadlines, Tokens.forUser("maya.manager")).body())
			.findValuesAsText("policy")).contains("CONTACT_DECISION");

		this.steps.decideAndClaimFeedback(reference, "CIN_S17_ASSESSMENT");

		assertThat(this.api.get("/api/children/" + child + "/chronology", assessor).statusCode()).isEqualTo(200);
		assertThat(this.api.get("/api/children/" + child, assessor).statusCode()).isEqualTo(200);
		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(this.api.get(deadlines, assessor).body()).findValuesAsText("policy"))
			.contains("ASSESSMENT");
		assertThat(this.api.get(deadlines, police).statusCode()).isEqualTo(404);
	}

	@Test
	void theSchoolReadsOnlyTheChildTheSchoolAndThatADomesticIncidentWasNotified() throws Exception {
		String reference = this.steps.submit(ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T16:00:00Z")
			.replace("943 476 5919", NhsNumbers.random())
			.replace("\"Test\"", "\"" + TriageSteps.uniqueFamilyName() + "\""), Tokens.forPartner("police"));
		String tellSchool = this.steps.taskOf(reference, ContactTriage.TASK_TELL_SCHOOL);

		HttpResponse<String> read = this.api.get("/api/triage/tasks/" + tellSchool, Tokens.forUser("eddie.education"));

		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode view = JSON.readTree(read.body());
		assertThat(view.get("reading").asText()).isEqualTo("SCHOOL_NOTICE");
		assertThat(view.get("triage").isNull()).isTrue();
		assertThat(view.get("schoolNotice").get("school").asText()).isEqualTo("Anytown Primary");
		assertThat(view.get("schoolNotice").get("childName").asText()).startsWith("Amy ");
		assertThat(view.get("schoolNotice").get("incidentNotifiedAt").asText()).isEqualTo("2026-11-20T16:00:00Z");
		assertThat(read.body()).as("no referrer, concerns, risk assessment or consent")
			.doesNotContain("01632 960001")
			.doesNotContain("jane.doe@police.example")
			.doesNotContain("children present")
			.doesNotContain("dashTicks")
			.doesNotContain("DS Smith")
			.doesNotContain("1 High Street");
	}

	@Test
	void aManagerOfTheTeamReadsATasksLabelDueDateAndHolderNotTheCase() throws Exception {
		String reference = this.steps.submit(aContactAbout("Noa", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		this.steps.screen(reference, "{\"rag\": \"GREEN\", \"summary\": \"Neglect seen.\", \"newChildRecord\": true}",
				Tokens.forUser("sam.screener"));
		String decision = this.steps.taskOf(reference, ContactTriage.TASK_THRESHOLD_DECISION);

		HttpResponse<String> read = this.api.get("/api/triage/tasks/" + decision, Tokens.forUser("stella.service"));

		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode view = JSON.readTree(read.body());
		assertThat(view.get("reading").asText()).isEqualTo("LABEL");
		assertThat(view.get("taskName").asText()).isEqualTo("Make threshold decision");
		assertThat(view.get("dueAt").asText()).isEqualTo("2026-11-23T16:00:00Z");
		assertThat(view.get("triage").isNull()).isTrue();
		assertThat(read.body()).doesNotContain("hungry").doesNotContain("Neglect seen").doesNotContain("jane.doe");
		assertThat(JSON.readTree(this.api.get("/api/triage/tasks/" + decision, Tokens.forUser("maya.manager")).body())
			.get("triage")
			.get("concerns")
			.asText()).as("the step's own people read the whole triage").contains("hungry");
	}

	@Test
	void safeContactIsRecordedOnlyForADomesticAbuseContact() throws Exception {
		String reference = this.steps.submit(aContactAbout("Kit", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);

		HttpResponse<String> refused = this.steps.post("/api/triage/tasks/" + screening + "/screening", """
				{"rag": "GREEN", "summary": "Neglect.", "newChildRecord": true, "safeToContactVictim": false}""",
				screener);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(refused.body()).get("errors").fieldNames()).toIterable()
			.containsExactly("safeToContactVictim");
		assertThat(this.jdbc.sql("select safe_to_contact_victim from contact where reference = :reference")
			.param("reference", reference)
			.query(Boolean.class)
			.optional()).isEmpty();
	}

	@Test
	void aChildReferredAgainWithinTwelveMonthsIsFlaggedAndAnOpenCaseGoesToItsWorker() throws Exception {
		String nhsNumber = NhsNumbers.random();
		String family = TriageSteps.uniqueFamilyName();
		String first = this.steps.submit(aContactAbout("Dan", family, nhsNumber, "PHYSICAL_ABUSE"),
				Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(first,
				"{\"rag\": \"GREEN\", \"summary\": \"Bruise seen at school.\", \"newChildRecord\": true}", screener);
		String manager = Tokens.forUser("maya.manager");
		String decision = this.steps.taskOf(first, ContactTriage.TASK_THRESHOLD_DECISION);
		this.steps.claim(decision, manager);
		assertThat(this.steps
			.post("/api/triage/tasks/" + decision + "/decision",
					"{\"levelOfNeed\": 3, \"outcome\": \"CIN_S17_ASSESSMENT\", \"rationale\": \"Needs assessment.\"}",
					manager)
			.statusCode()).isEqualTo(204);

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-10T10:00:00Z")));
		String again = this.steps.submit(aContactAbout("Dan", family, nhsNumber, "NEGLECT")
			.replace("2026-11-20T16:00:00Z", "2027-02-10T09:00:00Z"), Tokens.forPartner("police"));

		assertThat(this.jdbc
			.sql("select re_referral from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference")
			.param("reference", again)
			.query(Boolean.class)
			.single()).as("linked by NHS number, referred 3 months ago").isTrue();
		String rescreening = this.steps.taskOf(again, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(rescreening, screener);
		JsonNode view = JSON.readTree(this.api.get("/api/triage/tasks/" + rescreening, screener).body());
		assertThat(view.get("triage").get("reReferral").asBoolean()).isTrue();

		String byName = this.steps.submit(
				aContactAbout("Dan", family, null, "NEGLECT").replace("2026-11-20T16:00:00Z", "2027-02-10T09:10:00Z"),
				Tokens.forPartner("police"));
		String unsure = this.steps.taskOf(byName, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(unsure, screener);
		JsonNode candidate = JSON.readTree(this.api.get("/api/triage/tasks/" + unsure, screener).body())
			.get("possibleMatches")
			.get(0);
		assertThat(candidate.get("reason").asText()).as("offered, never linked on its own")
			.isEqualTo("NAME_AND_DATE_OF_BIRTH");
		assertThat(candidate.get("history").get("reReferral").asBoolean()).as("its history shown before confirming")
			.isTrue();
		assertThat(this.jdbc
			.sql("select cc.child_id is null from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference")
			.param("reference", byName)
			.query(Boolean.class)
			.single()).isTrue();

		Child allocated = this.children.register(new ChildRecords.NewChild("Eve", family, LocalDate.of(2014, 3, 3),
				null, NhsNumbers.random(), null, null, false));
		this.children.allocate(allocated.id(), "alex.assessor");
		String open = this.steps.submit(aContactAbout("Eve", family, allocated.nhsNumber(), "NEGLECT")
			.replace("2026-11-20T16:00:00Z", "2027-02-10T09:30:00Z"), Tokens.forPartner("police"));
		Task inform = this.tasks.createTaskQuery().processInstanceBusinessKey(open + "/1").singleResult();
		assertThat(inform.getTaskDefinitionKey()).isEqualTo(ContactTriage.TASK_INFORM_ALLOCATED_WORKER);
		assertThat(inform.getAssignee()).isEqualTo("alex.assessor");

		String abuse = this.steps.submit(aContactAbout("Eve", family, allocated.nhsNumber(), "DOMESTIC_ABUSE")
			.replace("2026-11-20T16:00:00Z", "2027-02-10T09:40:00Z")
			.replace("\"givenBy\": \"Mother\"}", "\"givenBy\": \"Mother\"}, \"domesticAbuse\": {\"dashTicks\": 16}"),
				Tokens.forPartner("police"));
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(abuse + "/1")
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)).as("high-risk domestic abuse on an open case goes to MARAC at once")
			.containsExactlyInAnyOrder(ContactTriage.TASK_INFORM_ALLOCATED_WORKER,
					ContactTriage.TASK_REFER_OPEN_CASE_TO_MARAC, ContactTriage.TASK_TELL_SCHOOL);
	}

	@Test
	void aManagerMovingAScreeningToAnotherScreenerIsInTheChildsChronology() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		Child known = this.children.register(new ChildRecords.NewChild("Hal", family, LocalDate.of(2012, 7, 7), null,
				NhsNumbers.random(), null, null, false));
		String reference = this.steps.submit(aContactAbout("Hal", family, known.nhsNumber(), "NEGLECT"),
				Tokens.forPartner("police"));
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, Tokens.forUser("sam.screener"));
		this.api.get("/api/me", Tokens.forUser("sid.screener"));
		int version = this.jdbc.sql("select version from work_item where task_id = :taskId")
			.param("taskId", screening)
			.query(Integer.class)
			.single();

		assertThat(this.steps
			.post("/api/tasks/reassignment",
					"""
							{"tasks": [{"taskId": "%s", "version": %d}], "to": "sid.screener", "reason": "Sam is in court today"}"""
						.formatted(screening, version),
					Tokens.forUser("maya.manager"))
			.statusCode()).isEqualTo(204);

		JsonNode chronology = this.steps.chronologyOf(known.id());
		assertThat(chronology.findValuesAsText("kind")).containsExactly("CONTACT_RECEIVED", "REASSIGNED");
		assertThat(chronology.get(1).get("summary").asText())
			.isEqualTo("'Screen contact and set RAG' moved from sam.screener to sid.screener: Sam is in court today");
		assertThat(chronology.get(1).get("actor").asText()).isEqualTo("maya.manager");
	}

	@Test
	void reRatingAmberToRedMovesTheOpenRequestsTargetsAndKeepsWhoAndWhy() throws Exception {
		String reference = this.steps.submit(aContactAbout("Ivy", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(reference, amberScreening(), screener);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T18:00:00Z")));
		String policeTask = this.steps.taskOf(reference, ContactTriage.TASK_ANSWER_AGENCY_CHECK, "police-liaison");
		String path = "/api/contacts/" + reference + "/children/1/rag";
		assertThat(this.steps.post(path, "{\"rag\": \"RED\"}", screener).statusCode()).as("no reason").isEqualTo(400);
		assertThat(this.steps.post(path, "{\"rag\": \"RED\", \"reason\": \"x\"}", Tokens.forUser("paul.police"))
			.statusCode()).isEqualTo(403);

		assertThat(this.steps.post(path, "{\"rag\": \"RED\", \"reason\": \"Disclosure to the school nurse\"}", screener)
			.statusCode()).isEqualTo(204);

		Instant redTarget = Instant.parse("2026-11-20T22:00:00Z");
		assertThat(this.steps.dueOf(policeTask)).as("red: 4 hours from the re-rating").isEqualTo(redTarget);
		assertThat(this.management.createJobQuery()
			.processInstanceId(this.tasks.createTaskQuery().taskId(policeTask).singleResult().getProcessInstanceId())
			.activityId(ContactTriage.TIMER_NO_RESPONSE_IN_TIME)
			.list()).hasSize(2).allSatisfy((timer) -> assertThat(timer.getDuedate().toInstant()).isEqualTo(redTarget));
		assertThat(this.jdbc.sql("select rag from work_item where task_id = :taskId")
			.param("taskId", policeTask)
			.query(String.class)
			.single()).isEqualTo("RED");
		JsonNode triage = JSON.readTree(this.api.get("/api/contacts/" + reference + "/triage", screener).body()).get(0);
		assertThat(triage.get("ragHistory").findValuesAsText("rag")).containsExactly("AMBER", "RED");
		assertThat(triage.get("ragHistory").get(1).get("reason").asText()).isEqualTo("Disclosure to the school nurse");
		JsonNode chronology = this.steps.chronologyOf(this.steps.childOf(reference));
		assertThat(chronology.findValuesAsText("summary"))
			.contains("RAG changed from amber to red: Disclosure to the school nurse");
		assertThat(this.jdbc.sql("select count(*) from notice where reference = :reference and message like 'Red%'")
			.param("reference", reference + "/1")
			.query(Integer.class)
			.single()).as("the managers are told at once").isOne();
	}

	@Test
	void aLateReRatingToRedNeverGivesAnAgencyLongerThanItHad() throws Exception {
		String reference = this.steps.submit(aContactAbout("Jo", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(reference, amberScreening(), screener);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-21T14:00:00Z")));

		assertThat(this.steps
			.post("/api/contacts/" + reference + "/children/1/rag",
					"{\"rag\": \"RED\", \"reason\": \"New disclosure\"}", screener)
			.statusCode()).isEqualTo(204);

		assertThat(this.steps
			.dueOf(this.steps.taskOf(reference, ContactTriage.TASK_ANSWER_AGENCY_CHECK, "police-liaison")))
			.as("still the amber target (Saturday 17:00), not 4 hours from the re-rating (18:00)")
			.isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
	}

	@Test
	void aScreeningThatBreaksTheRulesNamesEveryFieldAndWritesNothing() throws Exception {
		String reference = this.steps.submit(aContactAbout("Finn", TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);

		HttpResponse<String> refused = this.steps.post("/api/triage/tasks/" + screening + "/screening", """
				{"rag": "BLUE", "summary": "", "agencyChecks": [{"agency": "POLICE", "question": ""}],
				 "maracByJudgement": true}""", screener);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(refused.body()).get("errors").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("summary", "sameChildAs", "agencyChecks[0].question", "agencyChecks",
					"maracReason");
		assertThat(this.jdbc
			.sql("select count(*) from agency_check ac join contact c on c.id = ac.contact_id "
					+ "where c.reference = :reference")
			.param("reference", reference)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.steps.taskOf(reference, ContactTriage.TASK_SCREEN_CONTACT)).isEqualTo(screening);
		assertThat(this.steps.post("/api/triage/tasks/" + screening + "/screening", "{\"rag\": \"PURPLE\"}", screener)
			.statusCode()).isEqualTo(400);
	}

	/**
	 * A police domestic-abuse notification about one child, with no safe contact said.
	 */
	private static String aDomesticAbuseContact() {
		return aContactAbout("Lily", TriageSteps.uniqueFamilyName(), null, "DOMESTIC_ABUSE")
			.replace("\"givenBy\": \"Mother\"}", "\"givenBy\": \"Mother\"}, \"domesticAbuse\": {\"dashTicks\": 5}");
	}

	private static String amberScreening() {
		return """
				{"rag": "AMBER", "summary": "School reports neglect; health concerns.", "newChildRecord": true,
				 "agencyChecks": [
				   {"agency": "POLICE", "question": "Any incidents at the address?", "shareConcerns": false},
				   {"agency": "HEALTH", "question": "Is the child registered and seen?", "shareConcerns": true}]}""";
	}

	private static String aContactAbout(String givenName, String familyName, String nhsNumber, String category) {
		return """
				{
				  "receivedAt": "2026-11-20T16:00:00Z",
				  "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
				               "email": "jane.doe@police.example"},
				  "children": [{"givenNames": "%s", "familyName": "%s", "dateOfBirth": "2015-06-01"%s,
				                "address": "2 Low Road"}],
				  "concerns": "School says the child is hungry; missed appointments at the GP.",
				  "categories": ["%s"],
				  "consent": {"status": "GIVEN", "givenBy": "Mother"}
				}""".formatted(givenName, familyName,
				(nhsNumber != null) ? ", \"nhsNumber\": \"" + nhsNumber + "\"" : "", category);
	}

}
