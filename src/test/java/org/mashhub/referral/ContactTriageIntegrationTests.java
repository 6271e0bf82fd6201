package org.mashhub.referral;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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
import org.mashhub.child.ChildFixtures;
import org.mashhub.child.ChildRecords;
import org.mashhub.referral.process.ContactTriageProcess;
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
 * and the child's chronology telling it all. One outcome per test; the steps before it
 * come from the helpers at the end, on the same fixed instants.
 */
@IntegrationTest
class ContactTriageIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Friday 20 November 2026: received at 16:00, screened at 17:00 (GMT). */
	private static final Instant RECEIVED = Instant.parse("2026-11-20T16:00:00Z");

	private static final Instant SCREENED = Instant.parse("2026-11-20T17:00:00Z");

	/** An amber screening's target: 24 hours from the rating, Saturday 17:00. */
	private static final Instant AMBER_TARGET = Instant.parse("2026-11-21T17:00:00Z");

	/** A minute past the amber target, when the manager decides. */
	private static final Instant AFTER_THE_AMBER_TARGET = Instant.parse("2026-11-21T17:01:00Z");

	private static final String POLICE_ANSWER = "Two call-outs this year, no arrests.";

	private static final String CIN_RATIONALE = "Neglect indicators from school and health; needs a child and family assessment.";

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

	// Screening

	@Test
	void businessSupportNeverSeesScreeningWork() throws Exception {
		String screening = this.steps.taskOf(aNeglectContact(), ContactTriageProcess.TASK_SCREEN_CONTACT);

		HttpResponse<String> claim = this.api.send("POST", "/api/tasks/" + screening + "/claim", null,
				Tokens.forUser("bella.support"));

		assertThat(claim.statusCode()).as("business support logs contacts but never sees screening work")
			.isEqualTo(404);
	}

	@Test
	void businessSupportCannotScreenAContact() throws Exception {
		String screening = this.steps.taskOf(aNeglectContact(), ContactTriageProcess.TASK_SCREEN_CONTACT);

		HttpResponse<String> screened = this.steps.post(screeningPath(screening), amberScreening(),
				Tokens.forUser("bella.support"));

		assertThat(screened.statusCode()).isEqualTo(403);
	}

	@Test
	void aScreeningIsNeverCompletedWithoutItsForm() throws Exception {
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(aNeglectContact(), ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);

		HttpResponse<String> bare = this.api.send("POST", "/api/tasks/" + screening + "/complete", "{}", screener);

		assertThat(bare.statusCode()).as("a form step is never completed bare").isEqualTo(422);
	}

	@Test
	void anAmberScreeningRatesTheChildAmber() throws Exception {
		String reference = anAmberContact();

		assertThat(ragOf(reference)).isEqualTo("AMBER");
	}

	@Test
	void anAmberRatingGivesAnAgency24HoursFromTheRatingToAnswer() throws Exception {
		String reference = anAmberContact();

		assertThat(this.steps.dueOf(policeTaskOf(reference))).as("amber: 24 hours from the rating")
			.isEqualTo(AMBER_TARGET);
	}

	// Agency checks

	@Test
	void anAgencyLiaisonReadsTheQuestionAndTheChildButNeverTheWholeContact() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		String reference = anAmberContactAbout("Cara", family);

		JsonNode view = taskView(policeTaskOf(reference), Tokens.forUser("paul.police"));

		assertThat(view.get("triage").isNull()).as("a liaison never sees the whole contact").isTrue();
		assertThat(view.get("check").get("question").asText()).isEqualTo("Any incidents at the address?");
		assertThat(view.get("check").get("childName").asText()).isEqualTo("Cara " + family);
	}

	@Test
	void concernsTheScreenerChoseNotToShareNeverReachTheAgency() throws Exception {
		String reference = anAmberContact();

		JsonNode view = taskView(policeTaskOf(reference), Tokens.forUser("paul.police"));

		assertThat(view.get("check").get("sharedConcerns").isNull()).as("concerns not shared with the police").isTrue();
	}

	@Test
	void concernsTheScreenerSharedReachTheAgency() throws Exception {
		String reference = anAmberContact();

		JsonNode view = taskView(healthTaskOf(reference), Tokens.forUser("hana.health"));

		assertThat(view.get("check").get("sharedConcerns").asText()).contains("missed appointments");
	}

	@Test
	void oneAgencyCannotSeeAnothersTask() throws Exception {
		String reference = anAmberContact();

		HttpResponse<String> read = this.api.get("/api/triage/tasks/" + healthTaskOf(reference),
				Tokens.forUser("paul.police"));

		assertThat(read.statusCode()).as("the police cannot even see health's task").isEqualTo(404);
	}

	@Test
	void oneAgencyCannotReadAnothersRequest() throws Exception {
		String reference = anAmberContact();
		String healthCheck = checkOf(healthTaskOf(reference), Tokens.forUser("hana.health"));

		HttpResponse<String> read = this.api.get("/api/agency-checks/" + healthCheck, Tokens.forUser("paul.police"));

		assertThat(read.statusCode()).as("one agency reading another's request is refused").isEqualTo(403);
	}

	@Test
	void anEmptyAnswerIsRefused() throws Exception {
		String police = Tokens.forUser("paul.police");
		String policeTask = policeTaskOf(anAmberContact());
		this.steps.claim(policeTask, police);

		HttpResponse<String> empty = this.steps.post(answerPath(policeTask), "{\"answer\": \"\"}", police);

		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(fieldsRefused(empty)).containsExactly("answer");
	}

	@Test
	void anAgencyReadsItsOwnAnswer() throws Exception {
		String policeCheck = thePoliceAnswer(anAmberContact());

		JsonNode check = JSON
			.readTree(this.api.get("/api/agency-checks/" + policeCheck, Tokens.forUser("paul.police")).body());

		assertThat(check.get("answer").asText()).isEqualTo(POLICE_ANSWER);
	}

	@Test
	void anotherAgencyCannotReadAnAgencysAnswer() throws Exception {
		String policeCheck = thePoliceAnswer(anAmberContact());

		HttpResponse<String> read = this.api.get("/api/agency-checks/" + policeCheck, Tokens.forUser("hana.health"));

		assertThat(read.statusCode()).as("health cannot read the police answer either").isEqualTo(403);
	}

	@Test
	void anUnansweredRequestIsDueToCloseAtItsAmberTarget() throws Exception {
		String reference = anAmberContact();
		thePoliceAnswer(reference);

		Job target = noResponseTimerOf(healthTaskOf(reference));

		assertThat(target.getDuedate().toInstant()).isEqualTo(AMBER_TARGET);
	}

	@Test
	void anUnansweredRequestClosesAsNoResponseInTimeWhenItsTargetPasses() throws Exception {
		String reference = anAmberContact();
		thePoliceAnswer(reference);
		String healthCheck = checkOf(healthTaskOf(reference), Tokens.forUser("hana.health"));

		letHealthsTargetPass(reference);

		assertThat(agencyCheckStateOf(healthCheck)).isEqualTo("NO_RESPONSE_IN_TIME");
	}

	@Test
	void anUnansweredRequestCountsAsABreachOfItsTarget() throws Exception {
		String reference = anAmberContact();
		thePoliceAnswer(reference);
		String healthTask = healthTaskOf(reference);

		letHealthsTargetPass(reference);

		assertThat(deadlineStatusOf(healthTask)).as("an unanswered request counts as a breach of its target")
			.isEqualTo("BREACHED");
	}

	@Test
	void theManagersAreToldWhenAnAgencyDoesNotAnswerInTime() throws Exception {
		String reference = anAmberContact();
		thePoliceAnswer(reference);

		letHealthsTargetPass(reference);

		assertThat(noticesToGroupStarting(reference, "mash-manager", "Health did not answer")).isOne();
	}

	// Threshold decision

	@Test
	void aThresholdDecisionIsDueOneWorkingDayFromReceiptHoweverLongTheChecksTook() throws Exception {
		String reference = aContactAwaitingItsDecision();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION)))
			.as("1 working day from Friday 16:00: Monday 16:00")
			.isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
	}

	@Test
	void aDecisionWithoutAValidLevelOfNeedOrARationaleNamesBothFields() throws Exception {
		String manager = Tokens.forUser("maya.manager");
		String decision = this.steps.taskOf(aContactAwaitingItsDecision(),
				ContactTriageProcess.TASK_THRESHOLD_DECISION);
		this.steps.claim(decision, manager);

		HttpResponse<String> incomplete = this.steps.post("/api/triage/tasks/" + decision + "/decision",
				"{\"levelOfNeed\": 5, \"outcome\": \"CIN_S17_ASSESSMENT\"}", manager);

		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(fieldsRefused(incomplete)).containsExactlyInAnyOrder("levelOfNeed", "rationale");
	}

	@Test
	void aChildInNeedDecisionHandsOffAnAssessmentDue45WorkingDaysFromReceipt() throws Exception {
		String reference = aContactDecidedForAnAssessment();

		assertThat(
				this.steps.dueOf(this.steps.taskOf(reference, ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT)))
			.as("45 working days from receipt, past Christmas and New Year")
			.isEqualTo(Instant.parse("2027-01-27T16:00:00Z"));
	}

	// Feedback to the referrer

	@Test
	void feedbackOnASaturdayDecisionIsDueAtTheCloseOfMonday() throws Exception {
		String reference = aContactDecidedForAnAssessment();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER)))
			.as("1 working day from a Saturday decision: Monday 17:00")
			.isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
	}

	@Test
	void businessSupportGivesFeedbackKnowingTheReferrerAndTheOutcomeButNotTheCase() throws Exception {
		String feedback = claimTheFeedback(aContactDecidedForAnAssessment());

		JsonNode view = taskView(feedback, Tokens.forUser("bella.support"));

		assertThat(view.get("reading").asText()).isEqualTo("REFERRER_FEEDBACK");
		assertThat(view.get("triage").isNull()).as("business support gives feedback without the case").isTrue();
		assertThat(view.get("feedback").get("referrer").get("email").asText()).isEqualTo("jane.doe@police.example");
		assertThat(view.get("feedback").get("outcome").asText()).isEqualTo("CIN_S17_ASSESSMENT");
	}

	@Test
	void feedbackShowsNoConcernNoAgencysAnswerAndNoRationale() throws Exception {
		String feedback = claimTheFeedback(aContactDecidedForAnAssessment());

		JsonNode view = taskView(feedback, Tokens.forUser("bella.support"));

		assertThat(view.toString()).doesNotContain("missed appointments")
			.doesNotContain("Two call-outs")
			.doesNotContain("Neglect indicators");
	}

	@Test
	void theReferrersFeedbackIsRecorded() throws Exception {
		String feedback = claimTheFeedback(aContactDecidedForAnAssessment());

		HttpResponse<String> given = giveFeedback(feedback);

		assertThat(given.statusCode()).isEqualTo(204);
	}

	// Who reads the contact, and the chronology

	@Test
	void theAssessmentTeamReadsAContactOnlyOnceItIsHandedToThem() throws Exception {
		String assessor = Tokens.forUser("alex.assessor");
		String reference = aNeglectContact();
		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode())
			.as("the assessment team reads a contact once it is handed to them")
			.isEqualTo(404);

		workThroughToFeedback(reference);

		assertThat(this.api.get("/api/contacts/" + reference + "/triage", assessor).statusCode()).isEqualTo(200);
	}

	@Test
	void theChildsChronologyTellsTheTriageInTheOrderItHappened() throws Exception {
		String reference = aContactWorkedThroughToFeedback();

		JsonNode chronology = this.steps.chronologyOf(this.steps.childOf(reference));

		assertThat(chronology.findValuesAsText("kind")).containsExactly("CONTACT_RECEIVED", "RAG_SET",
				"AGENCY_ANSWERED", "AGENCY_NO_RESPONSE", "THRESHOLD_DECISION", "FEEDBACK");
	}

	@Test
	void theChildsChronologyKeepsWhoDecidedWhenAndWhy() throws Exception {
		String reference = aContactWorkedThroughToFeedback();

		JsonNode decided = this.steps.chronologyOf(this.steps.childOf(reference)).get(4);

		assertThat(decided.get("actor").asText()).isEqualTo("maya.manager");
		assertThat(decided.get("summary").asText()).contains("level 3")
			.contains("Neglect indicators from school and health");
		assertThat(decided.get("occurredAt").asText()).startsWith("2026-11-21T17:01");
	}

	// Domestic abuse: Operation Encompass, MARAC, consent and letters to the family

	@Test
	void theSchoolIsToldOfADomesticIncidentBeforeTheNextSchoolDayStarts() throws Exception {
		String reference = this.steps.submit(aPoliceNotificationWhoseReferrerSaysTheVictimMayBeContacted(),
				Tokens.forPartner("police"));

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ContactTriageProcess.TASK_TELL_SCHOOL)))
			.as("Operation Encompass: the school hears before Monday's school day starts")
			.isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
	}

	@Test
	void domesticAbuseOverTheLocalThresholdsIsReferredToMarac() throws Exception {
		String reference = aScreenedPoliceNotification();

		assertThat(openStepsOf(reference)).contains(ContactTriageProcess.TASK_REFER_TO_MARAC);
	}

	@Test
	void aMaracReferralOnTheThresholdsGivesEveryThresholdMet() throws Exception {
		String reference = aScreenedPoliceNotification();

		assertThat(maracReasonOf(reference)).isEqualTo("DASH 15 of 24; 3 incidents in 12 months");
	}

	@Test
	void aManagerReadsAConsentOverrideWithItsLawfulBasisItsAuthorityAndTheScreenersReview() throws Exception {
		String reference = aScreenedPoliceNotification();

		JsonNode overridden = JSON
			.readTree(this.api.get("/api/contacts/" + reference + "/triage", Tokens.forUser("mo.manager")).body())
			.get(0);

		assertThat(overridden.get("consent").get("status").asText()).isEqualTo("OVERRIDDEN");
		assertThat(overridden.get("consent").get("lawfulBasis").asText()).isEqualTo("Children Act 1989 s47");
		assertThat(overridden.get("consent").get("authorisedBy").asText()).isEqualTo("DS Smith");
		assertThat(overridden.get("screening").get("consentReview").asText()).isEqualTo("Override upheld: s47 basis.");
	}

	@Test
	void anAgencyLiaisonNeverReadsTheWholeContact() throws Exception {
		String reference = aScreenedPoliceNotification();

		HttpResponse<String> read = this.api.get("/api/contacts/" + reference + "/triage",
				Tokens.forUser("paul.police"));

		assertThat(read.statusCode()).as("an agency liaison never reads the whole contact").isEqualTo(403);
	}

	@Test
	void noLetterGoesToADomesticAbuseVictimOnTheReferrersWordAlone() throws Exception {
		String feedback = claimTheFeedback(aScreenedPoliceNotificationDecidedNoFurtherAction());

		HttpResponse<String> letter = sendALetterToTheFamily(feedback);

		assertThat(letter.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(letter.body()).get("errors").get("letterToFamily").asText())
			.contains("safe to contact the victim");
	}

	@Test
	void aRefusedLetterWritesNothingAndLeavesTheFeedbackToDo() throws Exception {
		String reference = aScreenedPoliceNotificationDecidedNoFurtherAction();
		String feedback = claimTheFeedback(reference);

		sendALetterToTheFamily(feedback);

		assertThat(feedbackGivenAt(reference)).as("nothing written").isEmpty();
		assertThat(this.tasks.createTaskQuery().taskId(feedback).count()).isOne();
	}

	@Test
	void feedbackWithoutALetterToTheFamilyIsRecordedWithNoSafeContactRecorded() throws Exception {
		String reference = aScreenedPoliceNotificationDecidedNoFurtherAction();
		String feedback = claimTheFeedback(reference);
		sendALetterToTheFamily(feedback);

		HttpResponse<String> given = this.steps.post(feedbackPath(feedback),
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: NFA.\", \"letterToFamily\": false}",
				Tokens.forUser("bella.support"));

		assertThat(given.statusCode()).isEqualTo(204);
		assertThat(feedbackGivenAt(reference)).as("the feedback is recorded").isPresent();
		assertThat(firstChildColumn(reference, "family_letter_route is null", Boolean.class))
			.as("no letter went to the family")
			.isTrue();
	}

	@Test
	void aScreenerRecordsThatTheVictimMayBeContactedAndTheFamilyLetterGoesByThatRouteOnly() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact(), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sid.screener");

		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "DA incident, children present.", "newChildRecord": true,
				 "safeToContactVictim": true, "safeContactRoute": "  Mobile 07700 900123, after 6pm only  "}""",
				screener);

		assertThat(safeContactOf(reference)).isEqualTo("true|Mobile 07700 900123, after 6pm only|sid.screener");
		this.steps.decideAndClaimFeedback(reference, "CIN_S17_ASSESSMENT");
		String feedback = this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);

		assertThat(this.steps
			.post(feedbackPath(feedback),
					"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: assessment.\", \"letterToFamily\": true}",
					Tokens.forUser("bella.support"))
			.statusCode()).isEqualTo(204);

		assertThat(familyLetterRouteOf(reference)).isEqualTo("Mobile 07700 900123, after 6pm only");
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT))
			.as("the decision's hand-off still runs")
			.isNotNull();
	}

	@Test
	void aScreenerRecordsThatTheVictimMustNotBeContactedAndNoLetterIsAllowed() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact(), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sid.screener");
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);
		HttpResponse<String> noRoute = this.steps.post(screeningPath(screening), """
				{"rag": "AMBER", "summary": "DA incident.", "newChildRecord": true, "safeToContactVictim": true}""",
				screener);
		assertThat(noRoute.statusCode()).isEqualTo(400);
		assertThat(fieldsRefused(noRoute)).containsExactly("safeContactRoute");

		assertThat(this.steps.post(screeningPath(screening), """
				{"rag": "AMBER", "summary": "DA incident.", "newChildRecord": true, "safeToContactVictim": false,
				 "safeContactRoute": "ignored when not safe"}""", screener).statusCode()).isEqualTo(204);

		assertThat(safeContactOf(reference)).isEqualTo("false|null|sid.screener");
		this.steps.decideAndClaimFeedback(reference, "EARLY_HELP");
		String feedback = this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		HttpResponse<String> letter = this.steps.post(feedbackPath(feedback),
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe.\", \"letterToFamily\": true}",
				Tokens.forUser("bella.support"));
		assertThat(letter.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(letter.body()).get("errors").get("letterToFamily").asText())
			.contains("safe to contact the victim");
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_STEP_DOWN_TO_EARLY_HELP))
			.as("the decision's hand-off still runs")
			.isNotNull();
	}

	@Test
	void safeContactIsRecordedOnlyForADomesticAbuseContact() throws Exception {
		String reference = aNeglectContact("Kit");
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);

		HttpResponse<String> refused = this.steps.post(screeningPath(screening), """
				{"rag": "GREEN", "summary": "Neglect.", "newChildRecord": true, "safeToContactVictim": false}""",
				screener);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(fieldsRefused(refused)).containsExactly("safeToContactVictim");
		assertThat(safeToContactVictimOf(reference)).isEmpty();
	}

	// Who reads what

	@Test
	void aChildsRecordChronologyAndDeadlinesOpenToTheAssessmentTeamOnlyOnceTheContactIsHandedToIt() throws Exception {
		String reference = aNeglectContact("Max");
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
		String reference = this.steps.submit(aPoliceNotificationAboutTwoSiblings(), Tokens.forPartner("police"));
		String tellSchool = this.steps.taskOf(reference, ContactTriageProcess.TASK_TELL_SCHOOL);

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
		String reference = aNeglectContact("Noa");
		this.steps.screen(reference, "{\"rag\": \"GREEN\", \"summary\": \"Neglect seen.\", \"newChildRecord\": true}",
				Tokens.forUser("sam.screener"));
		String decision = this.steps.taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);

		HttpResponse<String> read = this.api.get("/api/triage/tasks/" + decision, Tokens.forUser("stella.service"));

		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode view = JSON.readTree(read.body());
		assertThat(view.get("reading").asText()).isEqualTo("LABEL");
		assertThat(view.get("taskName").asText()).isEqualTo("Make threshold decision");
		assertThat(view.get("dueAt").asText()).isEqualTo("2026-11-23T16:00:00Z");
		assertThat(view.get("triage").isNull()).isTrue();
		assertThat(read.body()).doesNotContain("hungry").doesNotContain("Neglect seen").doesNotContain("jane.doe");
		assertThat(taskView(decision, Tokens.forUser("maya.manager")).get("triage").get("concerns").asText())
			.as("the step's own people read the whole triage")
			.contains("hungry");
	}

	// Identity and history

	@Test
	void aChildReferredAgainWithinTwelveMonthsIsFlaggedAReReferral() throws Exception {
		String nhsNumber = NhsNumbers.random();
		String family = TriageSteps.uniqueFamilyName();
		aChildReferredForAnAssessmentOn20November2026("Dan", family, nhsNumber);

		String again = aContactReceivedOn10February2027("Dan", family, nhsNumber, "2027-02-10T09:00:00Z");

		assertThat(reReferralOf(again)).as("linked by NHS number, referred 3 months ago").isTrue();
	}

	@Test
	void theScreenerSeesThatTheChildIsAReReferral() throws Exception {
		String nhsNumber = NhsNumbers.random();
		String family = TriageSteps.uniqueFamilyName();
		aChildReferredForAnAssessmentOn20November2026("Dan", family, nhsNumber);
		String again = aContactReceivedOn10February2027("Dan", family, nhsNumber, "2027-02-10T09:00:00Z");
		String screener = Tokens.forUser("sam.screener");
		String rescreening = this.steps.taskOf(again, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(rescreening, screener);

		JsonNode view = taskView(rescreening, screener);

		assertThat(view.get("triage").get("identity").get("reReferral").asBoolean()).isTrue();
	}

	@Test
	void aChildMatchedOnlyByNameAndDateOfBirthIsOfferedToTheScreenerNeverLinked() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		aChildReferredForAnAssessmentOn20November2026("Dan", family, NhsNumbers.random());

		String byName = aContactReceivedOn10February2027("Dan", family, null, "2027-02-10T09:10:00Z");

		JsonNode candidate = possibleMatchesOf(byName).get(0);
		assertThat(candidate.get("reason").asText()).as("offered, never linked on its own")
			.isEqualTo("NAME_AND_DATE_OF_BIRTH");
		assertThat(isLinkedToARecord(byName)).isFalse();
	}

	@Test
	void aPossibleMatchShowsItsHistoryBeforeTheScreenerConfirmsIt() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		aChildReferredForAnAssessmentOn20November2026("Dan", family, NhsNumbers.random());

		String byName = aContactReceivedOn10February2027("Dan", family, null, "2027-02-10T09:10:00Z");

		JsonNode candidate = possibleMatchesOf(byName).get(0);
		assertThat(candidate.get("history").get("reReferral").asBoolean()).as("its history shown before confirming")
			.isTrue();
	}

	@Test
	void aContactAboutAChildWithAnOpenCaseGoesToTheAllocatedWorker() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		Child eve = ChildFixtures.aChildWithAnOpenCase(this.children, "Eve", family, "alex.assessor");

		String open = this.steps.submit(aContactAbout("Eve", family, eve.nhsNumber(), "NEGLECT"),
				Tokens.forPartner("police"));

		Task inform = this.tasks.createTaskQuery().processInstanceBusinessKey(open + "/1").singleResult();
		assertThat(inform.getTaskDefinitionKey()).isEqualTo(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER);
		assertThat(inform.getAssignee()).isEqualTo("alex.assessor");
	}

	@Test
	void highRiskDomesticAbuseOnAnOpenCaseGoesToMaracAtOnce() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		Child eve = ChildFixtures.aChildWithAnOpenCase(this.children, "Eve", family, "alex.assessor");

		String abuse = this.steps.submit(aDomesticAbuseContactAbout("Eve", family, eve.nhsNumber(), 16),
				Tokens.forPartner("police"));

		assertThat(openStepsOf(abuse)).as("high-risk domestic abuse on an open case goes to MARAC at once")
			.containsExactlyInAnyOrder(ContactTriageProcess.TASK_INFORM_ALLOCATED_WORKER,
					ContactTriageProcess.TASK_REFER_OPEN_CASE_TO_MARAC, ContactTriageProcess.TASK_TELL_SCHOOL);
	}

	// Reassignment and re-rating

	@Test
	void aManagerMovingAScreeningToAnotherScreenerIsInTheChildsChronology() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		Child known = ChildFixtures.aRecordedChild(this.children, "Hal", family);
		String reference = this.steps.submit(aContactAbout("Hal", family, known.nhsNumber(), "NEGLECT"),
				Tokens.forPartner("police"));
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, Tokens.forUser("sam.screener"));
		this.api.get("/api/me", Tokens.forUser("sid.screener"));

		assertThat(this.steps
			.post("/api/tasks/reassignment",
					"""
							{"tasks": [{"taskId": "%s", "version": %d}], "to": "sid.screener", "reason": "Sam is in court today"}"""
						.formatted(screening, workItemVersionOf(screening)),
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
		String reference = aNeglectContact("Ivy");
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(reference, amberScreening(), screener);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T18:00:00Z")));
		String policeTask = policeTaskOf(reference);
		String path = "/api/contacts/" + reference + "/children/1/rag";
		HttpResponse<String> noReason = this.steps.post(path, "{\"rag\": \"RED\"}", screener);
		assertThat(noReason.statusCode()).as("no reason").isEqualTo(400);
		assertThat(fieldsRefused(noReason)).containsExactly("reason");
		assertThat(this.steps.post(path, "{\"rag\": \"RED\", \"reason\": \"x\"}", Tokens.forUser("paul.police"))
			.statusCode()).isEqualTo(403);

		assertThat(this.steps.post(path, "{\"rag\": \"RED\", \"reason\": \"Disclosure to the school nurse\"}", screener)
			.statusCode()).isEqualTo(204);

		Instant redTarget = Instant.parse("2026-11-20T22:00:00Z");
		assertThat(this.steps.dueOf(policeTask)).as("red: 4 hours from the re-rating").isEqualTo(redTarget);
		assertThat(noResponseTimersOfTheProcessOf(policeTask)).hasSize(2)
			.allSatisfy((timer) -> assertThat(timer.getDuedate().toInstant()).isEqualTo(redTarget));
		assertThat(workQueueRagOf(policeTask)).isEqualTo("RED");
		JsonNode triage = JSON.readTree(this.api.get("/api/contacts/" + reference + "/triage", screener).body()).get(0);
		assertThat(triage.get("screening").get("ragHistory").findValuesAsText("rag")).containsExactly("AMBER", "RED");
		assertThat(triage.get("screening").get("ragHistory").get(1).get("reason").asText())
			.isEqualTo("Disclosure to the school nurse");
		JsonNode chronology = this.steps.chronologyOf(this.steps.childOf(reference));
		assertThat(chronology.findValuesAsText("summary"))
			.contains("RAG changed from amber to red: Disclosure to the school nurse");
		assertThat(noticesStarting(reference, "Red")).as("the managers are told at once").isOne();
	}

	@Test
	void aLateReRatingToRedNeverGivesAnAgencyLongerThanItHad() throws Exception {
		String reference = aNeglectContact("Jo");
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(reference, amberScreening(), screener);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-21T14:00:00Z")));

		assertThat(this.steps
			.post("/api/contacts/" + reference + "/children/1/rag",
					"{\"rag\": \"RED\", \"reason\": \"New disclosure\"}", screener)
			.statusCode()).isEqualTo(204);

		assertThat(this.steps.dueOf(policeTaskOf(reference)))
			.as("still the amber target (Saturday 17:00), not 4 hours from the re-rating (18:00)")
			.isEqualTo(AMBER_TARGET);
	}

	@Test
	void aScreeningThatBreaksTheRulesNamesEveryFieldAndWritesNothing() throws Exception {
		String reference = aNeglectContact("Finn");
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);

		HttpResponse<String> refused = this.steps.post(screeningPath(screening), """
				{"rag": "BLUE", "summary": "", "agencyChecks": [{"agency": "POLICE", "question": ""}],
				 "maracByJudgement": true}""", screener);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(fieldsRefused(refused)).containsExactlyInAnyOrder("summary", "sameChildAs",
				"agencyChecks[0].question", "agencyChecks", "maracReason");
		assertThat(agencyChecksAskedFor(reference)).isZero();
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT)).isEqualTo(screening);
		assertThat(this.steps.post(screeningPath(screening), "{\"rag\": \"PURPLE\"}", screener).statusCode())
			.isEqualTo(400);
	}

	// The steps before the outcome, each asserting it was accepted

	/** A police contact about a child's neglect, received on Friday at 16:00. */
	private String aNeglectContact() throws Exception {
		return aNeglectContact("Cara");
	}

	private String aNeglectContact(String givenName) throws Exception {
		return this.steps.submit(aContactAbout(givenName, TriageSteps.uniqueFamilyName(), null, "NEGLECT"),
				Tokens.forPartner("police"));
	}

	/** The contact screened amber at 17:00, the police and health asked. */
	private String anAmberContact() throws Exception {
		return anAmberContactAbout("Cara", TriageSteps.uniqueFamilyName());
	}

	private String anAmberContactAbout(String givenName, String family) throws Exception {
		String reference = this.steps.submit(aContactAbout(givenName, family, null, "NEGLECT"),
				Tokens.forPartner("police"));
		this.steps.screen(reference, amberScreening(), Tokens.forUser("sam.screener"));
		return reference;
	}

	/**
	 * The amber contact with the police's answer in and health's request past its target
	 * unanswered, waiting for the manager's decision on Saturday at 17:01.
	 */
	private String aContactAwaitingItsDecision() throws Exception {
		String reference = anAmberContact();
		thePoliceAnswer(reference);
		letHealthsTargetPass(reference);
		return reference;
	}

	/** The manager decided on Saturday at 17:01: a child and family assessment. */
	private String aContactDecidedForAnAssessment() throws Exception {
		String reference = aContactAwaitingItsDecision();
		decide(reference, Tokens.forUser("maya.manager"), aDecisionForAnAssessment());
		return reference;
	}

	/** Every step worked, the referrer told. */
	private String aContactWorkedThroughToFeedback() throws Exception {
		String reference = aNeglectContact();
		workThroughToFeedback(reference);
		return reference;
	}

	/**
	 * Screened amber, the police answered, health timed out, decided for an assessment,
	 * the referrer told.
	 */
	private void workThroughToFeedback(String reference) throws Exception {
		this.steps.screen(reference, amberScreening(), Tokens.forUser("sam.screener"));
		thePoliceAnswer(reference);
		letHealthsTargetPass(reference);
		decide(reference, Tokens.forUser("maya.manager"), aDecisionForAnAssessment());
		accepted(giveFeedback(claimTheFeedback(reference)));
	}

	/** The police liaison reads its request, claims it and answers; the check's id. */
	private String thePoliceAnswer(String reference) throws Exception {
		String police = Tokens.forUser("paul.police");
		String policeTask = policeTaskOf(reference);
		String check = checkOf(policeTask, police);
		this.steps.claim(policeTask, police);
		accepted(this.steps.post(answerPath(policeTask), "{\"answer\": \"" + POLICE_ANSWER + "\"}", police));
		return check;
	}

	/**
	 * Saturday 17:01: health's request, the only one still open, passes its target
	 * unanswered and its timer fires.
	 */
	private void letHealthsTargetPass(String reference) {
		Job target = noResponseTimerOf(healthTaskOf(reference));
		ClockUtil.setCurrentTime(Date.from(AFTER_THE_AMBER_TARGET));
		this.management.executeJob(target.getId());
	}

	private void decide(String reference, String manager, String decision) {
		String task = this.steps.taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		this.steps.claim(task, manager);
		accepted(this.steps.post("/api/triage/tasks/" + task + "/decision", decision, manager));
	}

	/** Business support claims the feedback to the referrer; its task. */
	private String claimTheFeedback(String reference) {
		String feedback = this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		this.steps.claim(feedback, Tokens.forUser("bella.support"));
		return feedback;
	}

	private HttpResponse<String> giveFeedback(String feedback) {
		return this.steps.post(feedbackPath(feedback),
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: child and family assessment.\"}",
				Tokens.forUser("bella.support"));
	}

	private HttpResponse<String> sendALetterToTheFamily(String feedback) {
		return this.steps.post(feedbackPath(feedback),
				"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe: NFA.\", \"letterToFamily\": true}",
				Tokens.forUser("bella.support"));
	}

	/**
	 * The police notification about two siblings, screened amber by sid.screener with the
	 * consent override upheld and no safe contact recorded.
	 */
	private String aScreenedPoliceNotification() throws Exception {
		String reference = this.steps.submit(aPoliceNotificationWhoseReferrerSaysTheVictimMayBeContacted(),
				Tokens.forPartner("police"));
		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "DA incident, children present.", "newChildRecord": true,
				 "consentReview": "Override upheld: s47 basis.", "agencyChecks": []}""",
				Tokens.forUser("sid.screener"));
		return reference;
	}

	/**
	 * The screened notification decided: no further action, police safeguarding in place.
	 */
	private String aScreenedPoliceNotificationDecidedNoFurtherAction() throws Exception {
		String reference = aScreenedPoliceNotification();
		decide(reference, Tokens.forUser("mo.manager"),
				"{\"levelOfNeed\": 2, \"outcome\": \"NFA_ADVICE\", \"rationale\": \"Police safeguarding in place.\"}");
		return reference;
	}

	/**
	 * A police contact about the child, received on Friday 20 November 2026, screened
	 * green and decided for an assessment: a referral.
	 */
	private void aChildReferredForAnAssessmentOn20November2026(String givenName, String family, String nhsNumber)
			throws Exception {
		String first = this.steps.submit(aContactAbout(givenName, family, nhsNumber, "PHYSICAL_ABUSE"),
				Tokens.forPartner("police"));
		this.steps.screen(first,
				"{\"rag\": \"GREEN\", \"summary\": \"Bruise seen at school.\", \"newChildRecord\": true}",
				Tokens.forUser("sam.screener"));
		decide(first, Tokens.forUser("maya.manager"),
				"{\"levelOfNeed\": 3, \"outcome\": \"CIN_S17_ASSESSMENT\", \"rationale\": \"Needs assessment.\"}");
	}

	/** Wednesday 10 February 2027, 10:00: a new police contact about neglect. */
	private String aContactReceivedOn10February2027(String givenName, String family, String nhsNumber,
			String receivedAt) throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-10T10:00:00Z")));
		return this.steps.submit(aContactAbout(givenName, family, nhsNumber, "NEGLECT", receivedAt),
				Tokens.forPartner("police"));
	}

	/** The records the screener is offered as possibly the child, best first. */
	private JsonNode possibleMatchesOf(String reference) throws Exception {
		String screener = Tokens.forUser("sam.screener");
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);
		return taskView(screening, screener).get("possibleMatches");
	}

	// Reading what the steps did

	private String policeTaskOf(String reference) {
		return this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, "police-liaison");
	}

	private String healthTaskOf(String reference) {
		return this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, "health-liaison");
	}

	/** A triage task as its reader sees it. */
	private JsonNode taskView(String taskId, String token) throws Exception {
		HttpResponse<String> read = this.api.get("/api/triage/tasks/" + taskId, token);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return JSON.readTree(read.body());
	}

	/** The information request an agency's task answers, as the agency reads it. */
	private String checkOf(String taskId, String token) throws Exception {
		return taskView(taskId, token).get("check").get("id").asText();
	}

	/** The one "no response in time" timer of the child's open requests. */
	private Job noResponseTimerOf(String taskId) {
		return this.management.createJobQuery()
			.processInstanceId(this.tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())
			.activityId(ContactTriageProcess.TIMER_NO_RESPONSE_IN_TIME)
			.singleResult();
	}

	private List<Job> noResponseTimersOfTheProcessOf(String taskId) {
		return this.management.createJobQuery()
			.processInstanceId(this.tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())
			.activityId(ContactTriageProcess.TIMER_NO_RESPONSE_IN_TIME)
			.list();
	}

	/** The steps open for the contact's first child. */
	private List<String> openStepsOf(String reference) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	private static List<String> fieldsRefused(HttpResponse<String> refused) throws Exception {
		List<String> fields = new ArrayList<>();
		JSON.readTree(refused.body()).get("errors").fieldNames().forEachRemaining(fields::add);
		return fields;
	}

	private static void accepted(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	private String ragOf(String reference) {
		return firstChildColumn(reference, "rag", String.class);
	}

	private String maracReasonOf(String reference) {
		return firstChildColumn(reference, "marac_reason", String.class);
	}

	private Boolean reReferralOf(String reference) {
		return firstChildColumn(reference, "re_referral", Boolean.class);
	}

	private String familyLetterRouteOf(String reference) {
		return firstChildColumn(reference, "family_letter_route", String.class);
	}

	private boolean isLinkedToARecord(String reference) {
		return this.jdbc
			.sql("select cc.child_id is not null from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(Boolean.class)
			.single();
	}

	private Optional<Instant> feedbackGivenAt(String reference) {
		return this.jdbc
			.sql("select feedback_at from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(Instant.class)
			.optional();
	}

	/** One column of the contact's first child's row. */
	private <T> T firstChildColumn(String reference, String column, Class<T> type) {
		return this.jdbc
			.sql("select cc." + column + " from contact_child cc join contact c on c.id = cc.contact_id "
					+ "where c.reference = :reference and cc.position = 1")
			.param("reference", reference)
			.query(type)
			.single();
	}

	/** Whether the victim may be contacted, the route and who recorded it. */
	private String safeContactOf(String reference) {
		return this.jdbc
			.sql("select safe_to_contact_victim, safe_contact_route, safe_contact_recorded_by from contact "
					+ "where reference = :reference")
			.param("reference", reference)
			.query((rs, row) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.single();
	}

	private Optional<Boolean> safeToContactVictimOf(String reference) {
		return this.jdbc.sql("select safe_to_contact_victim from contact where reference = :reference")
			.param("reference", reference)
			.query(Boolean.class)
			.optional();
	}

	private String agencyCheckStateOf(String checkId) {
		return this.jdbc.sql("select state from agency_check where id = :id")
			.param("id", UUID.fromString(checkId))
			.query(String.class)
			.single();
	}

	private int agencyChecksAskedFor(String reference) {
		return this.jdbc
			.sql("select count(*) from agency_check ac join contact c on c.id = ac.contact_id "
					+ "where c.reference = :reference")
			.param("reference", reference)
			.query(Integer.class)
			.single();
	}

	/** The status of the task's deadline in the ledger. */
	private String deadlineStatusOf(String taskId) {
		return this.jdbc.sql("select status from deadline where task_id = :taskId")
			.param("taskId", taskId)
			.query(String.class)
			.single();
	}

	private int workItemVersionOf(String taskId) {
		return this.jdbc.sql("select version from work_item where task_id = :taskId")
			.param("taskId", taskId)
			.query(Integer.class)
			.single();
	}

	private String workQueueRagOf(String taskId) {
		return this.jdbc.sql("select rag from work_item where task_id = :taskId")
			.param("taskId", taskId)
			.query(String.class)
			.single();
	}

	/** Notices about the contact's first child whose message starts so. */
	private int noticesStarting(String reference, String start) {
		return this.jdbc.sql("select count(*) from notice where reference = :reference and message like :start")
			.param("reference", reference + "/1")
			.param("start", start + "%")
			.query(Integer.class)
			.single();
	}

	/** Notices to a group about the contact's first child whose message starts so. */
	private int noticesToGroupStarting(String reference, String group, String start) {
		return this.jdbc
			.sql("select count(*) from notice where reference = :reference and recipient_group = :group "
					+ "and message like :start")
			.param("reference", reference + "/1")
			.param("group", group)
			.param("start", start + "%")
			.query(Integer.class)
			.single();
	}

	private static String screeningPath(String taskId) {
		return "/api/triage/tasks/" + taskId + "/screening";
	}

	private static String answerPath(String taskId) {
		return "/api/triage/tasks/" + taskId + "/answer";
	}

	private static String feedbackPath(String taskId) {
		return "/api/triage/tasks/" + taskId + "/feedback";
	}

	// What the referrers and screeners send

	/**
	 * The police notification about Amy and Ben (DASH 15, 3 incidents in 12 months,
	 * consent overridden), with a family and an NHS number no other test uses.
	 */
	private static String aPoliceNotificationAboutTwoSiblings() {
		return ContactFixtures.aPoliceContactAboutTwoSiblings(RECEIVED.toString())
			.replace("943 476 5919", NhsNumbers.random())
			.replace("\"Test\"", "\"" + TriageSteps.uniqueFamilyName() + "\"");
	}

	/**
	 * The same notification, the referrer saying the victim may be contacted by mobile.
	 */
	private static String aPoliceNotificationWhoseReferrerSaysTheVictimMayBeContacted() {
		return aPoliceNotificationAboutTwoSiblings().replace("\"safeToContactVictim\": false",
				"\"safeToContactVictim\": true, \"safeContactRoute\": \"Mobile\"");
	}

	/**
	 * A police domestic-abuse notification about one child, with no safe contact said.
	 */
	private static String aDomesticAbuseContact() {
		return aDomesticAbuseContactAbout("Lily", TriageSteps.uniqueFamilyName(), null, 5);
	}

	/** A police domestic-abuse notification about the child with that DASH score. */
	private static String aDomesticAbuseContactAbout(String givenName, String familyName, String nhsNumber,
			int dashTicks) {
		return aContactAbout(givenName, familyName, nhsNumber, "DOMESTIC_ABUSE").replace("\"givenBy\": \"Mother\"}",
				"\"givenBy\": \"Mother\"}, \"domesticAbuse\": {\"dashTicks\": " + dashTicks + "}");
	}

	/** Level 3, a child and family assessment, with the manager's rationale. */
	private static String aDecisionForAnAssessment() {
		return "{\"levelOfNeed\": 3, \"outcome\": \"CIN_S17_ASSESSMENT\", \"rationale\": \"" + CIN_RATIONALE + "\"}";
	}

	/** Amber: the police asked without the concerns, health with them. */
	private static String amberScreening() {
		return """
				{"rag": "AMBER", "summary": "School reports neglect; health concerns.", "newChildRecord": true,
				 "agencyChecks": [
				   {"agency": "POLICE", "question": "Any incidents at the address?", "shareConcerns": false},
				   {"agency": "HEALTH", "question": "Is the child registered and seen?", "shareConcerns": true}]}""";
	}

	/** A police officer's contact about one child, received on Friday at 16:00. */
	private static String aContactAbout(String givenName, String familyName, String nhsNumber, String category) {
		return aContactAbout(givenName, familyName, nhsNumber, category, RECEIVED.toString());
	}

	private static String aContactAbout(String givenName, String familyName, String nhsNumber, String category,
			String receivedAt) {
		return """
				{
				  "receivedAt": "%s",
				  "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
				               "email": "jane.doe@police.example"},
				  "children": [{"givenNames": "%s", "familyName": "%s", "dateOfBirth": "2015-06-01"%s,
				                "address": "2 Low Road"}],
				  "concerns": "School says the child is hungry; missed appointments at the GP.",
				  "categories": ["%s"],
				  "consent": {"status": "GIVEN", "givenBy": "Mother"}
				}""".formatted(receivedAt, givenName, familyName,
				(nhsNumber != null) ? ", \"nhsNumber\": \"" + nhsNumber + "\"" : "", category);
	}

}
