package org.mashhub.referral;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.Child;
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
 * Every field of the contact and triage APIs, sent as a partner system or a member of
 * staff sends it and read back from where it is kept: the contact and its triage, the
 * agency requests, the RAG history, the deadline ledger and the child's chronology.
 */
@IntegrationTest
class ContactFieldsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Friday 20 November 2026: received at 16:00, screened at 17:00 (GMT). */
	private static final Instant SCREENED = Instant.parse("2026-11-20T17:00:00Z");

	private static final String CONCERNS = "Police attended a domestic incident at <b>home</b>; children present.";

	private static final String GIVEN_BY_MOTHER = "{\"status\": \"GIVEN\", \"givenBy\": \"Mother\"}";

	private static final String GREEN_SCREENING = "{\"rag\": \"GREEN\", \"summary\": \"Hungry at school.\", "
			+ "\"newChildRecord\": true}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

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
	void theReferrersNameAgencyRolePhoneEmailAndFeedbackRouteAreStoredAsGiven() throws Exception {
		String reference = this.steps.submit(aFullContact(TriageSteps.uniqueFamilyName(), NhsNumbers.random()),
				Tokens.forPartner("police"));

		assertThat(triagesOf(reference).get(0).get("referrer")).isEqualTo(JSON.readTree("""
				{"name": "PC Jane Doe", "agency": "POLICE", "role": "Public protection officer",
				 "phone": "01632 960001", "email": "jane.doe@police.example", "feedbackRoute": "PHONE"}"""));
		String referrer = contact(reference, "referrer_name, referrer_agency, referrer_role, feedback_route");
		assertThat(referrer).isEqualTo("PC Jane Doe|POLICE|Public protection officer|PHONE");
		JsonNode record = recordOf(reference);
		assertThat(record.get("referrerName").asText()).isEqualTo("PC Jane Doe");
		assertThat(record.get("referrerRole").asText()).isEqualTo("Public protection officer");
		assertThat(record.get("feedbackRoute").asText()).isEqualTo("PHONE");
	}

	@Test
	void eachChildIsStoredWithTheNamesDateOfBirthGenderNhsNumberAddressAndSchoolGiven() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		String nhsNumber = NhsNumbers.random();
		String reference = this.steps.submit(aFullContact(family, nhsNumber), Tokens.forPartner("police"));

		JsonNode children = recordOf(reference).get("children");
		assertThat(children.get(0)).isEqualTo(JSON.readTree("""
				{"position": 1, "triageReference": "%s/1", "givenNames": "Amy Rose", "familyName": "%s",
				 "dateOfBirth": "2016-04-01", "nhsNumber": "%s", "address": "1 High Street, Anytown",
				 "school": "Anytown Primary"}""".formatted(reference, family, nhsNumber)));
		assertThat(children.get(1)).isEqualTo(JSON.readTree("""
				{"position": 2, "triageReference": "%s/2", "givenNames": "Ben", "familyName": "%s",
				 "dateOfBirth": null, "nhsNumber": null, "address": null,
				 "school": null}""".formatted(reference, family)));
		JsonNode triages = triagesOf(reference);
		assertThat(triages.get(0).get("child").get("gender").asText()).isEqualTo("Female");
		assertThat(triages.get(1).get("child").get("gender").isNull()).isTrue();
		assertThat(triage(reference, "cc.gender, cc.nhs_number")).isEqualTo("Female|" + nhsNumber);
	}

	@Test
	void theConcernsEveryCategoryAndTheTimeOfReceiptAreStoredAsGiven() throws Exception {
		String reference = this.steps.submit(aFullContact(TriageSteps.uniqueFamilyName(), NhsNumbers.random()),
				Tokens.forPartner("police"));

		JsonNode record = recordOf(reference);
		assertThat(record.get("concerns").asText()).isEqualTo(CONCERNS);
		assertThat(record.get("categories"))
			.isEqualTo(JSON.readTree("[\"DOMESTIC_ABUSE\", \"EMOTIONAL_ABUSE\", \"NEGLECT\"]"));
		assertThat(record.get("receivedAt").asText()).isEqualTo("2026-11-20T16:00:00Z");
		assertThat(contact(reference, "received_at, recorded_at, channel"))
			.isEqualTo("2026-11-20T16:00:00Z|2026-11-20T17:00:00Z|PARTNER_API");
		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT)))
			.as("counted from receipt")
			.isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
	}

	@Test
	void theReferrersDomesticAbuseDetailsAreStoredButNobodyHasYetRecordedSafeContact() throws Exception {
		String reference = this.steps.submit(aFullContact(TriageSteps.uniqueFamilyName(), NhsNumbers.random()),
				Tokens.forPartner("police"));

		assertThat(triagesOf(reference).get(0).get("domesticAbuse")).isEqualTo(JSON.readTree("""
				{"dashTicks": 9, "incidentsLast12Months": 2, "safeToContactVictim": true,
				 "safeContactRoute": "Mobile 07700 900123, after 6pm only", "safeContactRecordedBy": null}"""));
		JsonNode record = recordOf(reference);
		assertThat(record.get("dashTicks").intValue()).isEqualTo(9);
		assertThat(record.get("incidentsLast12Months").intValue()).isEqualTo(2);
		assertThat(record.get("safeToContactVictim").booleanValue()).isTrue();
	}

	@Test
	void eachConsentStatusIsStoredWithTheDetailsItCallsFor() throws Exception {
		JsonNode given = consentStoredFor(GIVEN_BY_MOTHER);
		JsonNode notSought = consentStoredFor("{\"status\": \"NOT_SOUGHT\", \"notSoughtReason\": \"Would alert him\"}");
		JsonNode overridden = consentStoredFor("""
				{"status": "OVERRIDDEN", "lawfulBasis": "Children Act 1989 s47",
				 "overrideReason": "Risk of significant harm", "authorisedBy": "DS Smith"}""");
		JsonNode refused = consentStoredFor("{\"status\": \"REFUSED\"}");

		assertThat(given).isEqualTo(consent("GIVEN", "Mother", null, null, null, null));
		assertThat(notSought).isEqualTo(consent("NOT_SOUGHT", null, "Would alert him", null, null, null));
		assertThat(overridden).isEqualTo(
				consent("OVERRIDDEN", null, null, "Children Act 1989 s47", "Risk of significant harm", "DS Smith"));
		assertThat(refused).isEqualTo(consent("REFUSED", null, null, null, null, null));
	}

	@Test
	void aScreeningIsStoredWithItsRagSummaryConsentReviewAndRecommendation() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Cara"), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");

		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "Hungry at school; two missed GP appointments.", "newChildRecord": true,
				 "consentReview": "Mother consented on the phone.", "recommendation": "EARLY_HELP"}""", screener);

		String screening = triage(reference, "cc.rag, cc.screening_summary, cc.consent_review, cc.recommendation");
		assertThat(screening)
			.isEqualTo("AMBER|Hungry at school; two missed GP appointments.|Mother consented on the phone.|EARLY_HELP");
		assertThat(triage(reference, "cc.rag_set_at, cc.screened_by, cc.screened_at, cc.marac_referral"))
			.isEqualTo("2026-11-20T17:00:00Z|sam.screener|2026-11-20T17:00:00Z|false");
		assertThat(ragHistoryOf(reference)).containsExactly("AMBER|2026-11-20T17:00:00Z|sam.screener|Screening");
	}

	@Test
	void aNewChildRecordIsRegisteredFromTheChildAsGivenInTheContact() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		String nhsNumber = NhsNumbers.random();
		String reference = this.steps.submit(aFullContact(family, nhsNumber), Tokens.forPartner("police"));

		this.steps.screen(reference, "{\"rag\": \"AMBER\", \"summary\": \"DA incident.\", \"newChildRecord\": true}",
				Tokens.forUser("sam.screener"));

		String sql = """
				select given_names, family_name, date_of_birth, gender, nhs_number, address, school, looked_after
				from child where id = :key""";
		assertThat(row(sql, this.steps.childOf(reference))).isEqualTo("Amy Rose|" + family + "|2016-04-01|Female|"
				+ nhsNumber + "|1 High Street, Anytown|Anytown Primary|false");
		assertThat(triage(reference, "cc.identity_confirmed_by")).isEqualTo("sam.screener");
	}

	@Test
	void aScreenerConfirmingTheRecordOfferedLinksTheContactToThatChild() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		String screener = Tokens.forUser("sam.screener");
		String first = this.steps.submit(aContact("Pat", family, "NEGLECT", GIVEN_BY_MOTHER, null),
				Tokens.forPartner("police"));
		this.steps.screen(first, GREEN_SCREENING, screener);
		String again = this.steps.submit(aContact("Pat", family, "NEGLECT", GIVEN_BY_MOTHER, null),
				Tokens.forPartner("police"));
		String screening = this.steps.taskOf(again, ContactTriageProcess.TASK_SCREEN_CONTACT);
		this.steps.claim(screening, screener);
		JsonNode offered = JSON.readTree(this.api.get("/api/triage/tasks/" + screening, screener).body())
			.get("possibleMatches")
			.get(0);
		String candidate = offered.get("child").get("id").asText();
		assertThat(candidate).as("the record the first screening registered")
			.isEqualTo(this.steps.childOf(first).toString());

		String confirmation = "{\"rag\": \"GREEN\", \"summary\": \"Same child.\", \"sameChildAs\": \"" + candidate
				+ "\"}";
		HttpResponse<String> confirmed = this.steps.post("/api/triage/tasks/" + screening + "/screening", confirmation,
				screener);

		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
		assertThat(triage(again, "cc.child_id, cc.identity_confirmed_by")).isEqualTo(candidate + "|sam.screener");
		assertThat(row("select count(*) from child where family_name = :key", family)).as("no second record")
			.isEqualTo("1");
	}

	@Test
	void eachAgencyAskedIsStoredWithItsQuestionAndWhetherItMayReadTheConcerns() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Dee"), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");

		this.steps.screen(reference, """
				{"rag": "GREEN", "summary": "School reports neglect.", "newChildRecord": true,
				 "agencyChecks": [
				   {"agency": "POLICE", "question": "Any incidents at the address?", "shareConcerns": false},
				   {"agency": "HEALTH", "question": "Is the child registered and seen?", "shareConcerns": true},
				   {"agency": "EDUCATION", "question": "How is her attendance?"}]}""", screener);

		String sql = """
				select ac.agency, ac.liaison_group, ac.question, ac.share_concerns, ac.asked_by, ac.state
				from agency_check ac join contact c on c.id = ac.contact_id where c.reference = :key
				order by ac.agency""";
		List<String> checks = rows(sql, reference);
		assertThat(checks).containsExactly("EDUCATION|education-liaison|How is her attendance?|false|sam.screener|OPEN",
				"HEALTH|health-liaison|Is the child registered and seen?|true|sam.screener|OPEN",
				"POLICE|police-liaison|Any incidents at the address?|false|sam.screener|OPEN");
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, "education-liaison"))
			.isNotNull();
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, "health-liaison"))
			.isNotNull();
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK, "police-liaison"))
			.isNotNull();
	}

	@Test
	void aMaracReferralOnProfessionalJudgementKeepsItsReasonAndOpensTheReferral() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact("Eve"), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");

		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "DA incident, children present.", "newChildRecord": true,
				 "maracByJudgement": true, "maracReason": "Threats to kill; victim is pregnant"}""", screener);

		assertThat(triage(reference, "cc.marac_referral, cc.marac_reason"))
			.as("DASH 5 of 24 meets no threshold: judgement alone")
			.isEqualTo("true|professional judgement: Threats to kill; victim is pregnant");
		assertThat(this.steps.taskOf(reference, ContactTriageProcess.TASK_REFER_TO_MARAC)).isNotNull();
		JsonNode chronology = chronologyOf(this.steps.childOf(reference));
		assertThat(chronology.findValuesAsText("summary"))
			.contains("MARAC referral needed: professional judgement: Threats to kill; victim is pregnant");
	}

	@Test
	void theScreenersSafeContactForTheVictimIsStoredWithWhoRecordedIt() throws Exception {
		String reference = this.steps.submit(aDomesticAbuseContact("Fay"), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");

		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "DA incident.", "newChildRecord": true, "safeToContactVictim": true,
				 "safeContactRoute": "Mobile 07700 900123, after 6pm only"}""", screener);

		String safeContact = contact(reference, "safe_to_contact_victim, safe_contact_route, safe_contact_recorded_by");
		assertThat(safeContact).isEqualTo("true|Mobile 07700 900123, after 6pm only|sam.screener");
	}

	@Test
	void aLateScreeningKeepsItsReasonForDelayInTheDeadlineLedger() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Gus"), Tokens.forPartner("police"));
		String screening = this.steps.taskOf(reference, ContactTriageProcess.TASK_SCREEN_CONTACT);
		Instant due = this.steps.dueOf(screening);
		assertThat(due).as("1 working day from Friday 16:00").isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
		String screener = Tokens.forUser("sam.screener");

		this.steps.screen(reference, """
				{"rag": "GREEN", "summary": "Hungry at school.", "newChildRecord": true,
				 "reasonForDelay": "Two screeners off sick on Monday"}""", screener);

		assertThat(deadlineOf(screening)).isEqualTo("BREACHED|Two screeners off sick on Monday|sam.screener");
	}

	@Test
	void aLateAnswerIsStoredOnTheRequestAndItsReasonForDelayInTheDeadlineLedger() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Hal"), Tokens.forPartner("police"));
		String screener = Tokens.forUser("sam.screener");
		this.steps.screen(reference, """
				{"rag": "AMBER", "summary": "School reports neglect.", "newChildRecord": true,
				 "agencyChecks": [{"agency": "POLICE", "question": "Any incidents at the address?"}]}""", screener);
		String policeTask = this.steps.taskOf(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK,
				"police-liaison");
		Instant due = this.steps.dueOf(policeTask);
		assertThat(due).as("amber: 24 hours from the rating").isEqualTo(Instant.parse("2026-11-21T17:00:00Z"));
		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(30))));
		String police = Tokens.forUser("paul.police");
		this.steps.claim(policeTask, police);

		HttpResponse<String> answered = this.steps.post("/api/triage/tasks/" + policeTask + "/answer", """
				{"answer": "Two call-outs this year, no arrests.",
				 "reasonForDelay": "Our systems were down on Saturday"}""", police);

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
		String sql = """
				select ac.state, ac.answer, ac.answered_by, ac.closed_at
				from agency_check ac join contact c on c.id = ac.contact_id where c.reference = :key""";
		assertThat(row(sql, reference))
			.isEqualTo("ANSWERED|Two call-outs this year, no arrests.|paul.police|2026-11-21T17:30:00Z");
		assertThat(deadlineOf(policeTask)).isEqualTo("BREACHED|Our systems were down on Saturday|paul.police");
	}

	@Test
	void aThresholdDecisionIsStoredWithItsLevelOfNeedOutcomeRationaleAndCseConcern() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Ivy"), Tokens.forPartner("police"));
		this.steps.screen(reference, GREEN_SCREENING, Tokens.forUser("sam.screener"));
		String manager = Tokens.forUser("maya.manager");
		String decision = this.steps.taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		this.steps.claim(decision, manager);

		HttpResponse<String> decided = this.steps.post("/api/triage/tasks/" + decision + "/decision", """
				{"levelOfNeed": 2, "outcome": "EARLY_HELP", "rationale": "Needs family support, not social care.",
				 "cseConcern": true}""", manager);

		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
		String stored = triage(reference, "cc.level_of_need, cc.outcome, cc.rationale, cc.cse_concern");
		assertThat(stored).isEqualTo("2|EARLY_HELP|Needs family support, not social care.|true");
		assertThat(triage(reference, "cc.decided_by, cc.decided_at")).isEqualTo("maya.manager|2026-11-20T17:00:00Z");
		JsonNode chronology = chronologyOf(this.steps.childOf(reference));
		List<String> kinds = chronology.findValuesAsText("kind");
		assertThat(kinds.stream().filter((kind) -> !kind.startsWith("CSE_SCREENING")))
			.containsExactly("CONTACT_RECEIVED", "RAG_SET", "THRESHOLD_DECISION", "CSE_CONCERN");
		assertThat(kinds).as("the concern opened an exploitation screening").contains("CSE_SCREENING_OPENED");
	}

	@Test
	void aLateThresholdDecisionKeepsItsReasonForDelayInTheDeadlineLedger() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Jo"), Tokens.forPartner("police"));
		this.steps.screen(reference, GREEN_SCREENING, Tokens.forUser("sam.screener"));
		String decision = this.steps.taskOf(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		assertThat(this.steps.dueOf(decision)).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T16:30:00Z")));
		String manager = Tokens.forUser("maya.manager");
		this.steps.claim(decision, manager);

		HttpResponse<String> decided = this.steps.post("/api/triage/tasks/" + decision + "/decision", """
				{"levelOfNeed": 1, "outcome": "NFA_ADVICE", "rationale": "Advice given to the school.",
				 "reasonForDelay": "Waited for the school nurse to call back"}""", manager);

		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
		assertThat(deadlineOf(decision)).isEqualTo("BREACHED|Waited for the school nurse to call back|maya.manager");
	}

	@Test
	void feedbackIsStoredWithItsOwnRouteSummaryAndTheRouteOfTheFamilysLetter() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Kit"), Tokens.forPartner("police"));
		this.steps.screen(reference, GREEN_SCREENING, Tokens.forUser("sam.screener"));
		this.steps.decideAndClaimFeedback(reference, "CIN_S17_ASSESSMENT");
		String feedback = this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		String support = Tokens.forUser("bella.support");

		HttpResponse<String> given = this.steps.post("/api/triage/tasks/" + feedback + "/feedback", """
				{"route": "PHONE", "summary": "Rang PC Doe: child and family assessment.", "letterToFamily": true}""",
				support);

		assertThat(given.statusCode()).as(given.body()).isEqualTo(204);
		assertThat(triage(reference, "cc.feedback_route, c.feedback_route")).as("the referrer asked for e-mail")
			.isEqualTo("PHONE|EMAIL");
		assertThat(triage(reference, "cc.feedback_summary, cc.family_letter_route, cc.feedback_by, cc.feedback_at"))
			.isEqualTo("Rang PC Doe: child and family assessment.|Post to the child's address|bella.support|"
					+ "2026-11-20T17:00:00Z");
	}

	@Test
	void lateFeedbackKeepsItsReasonForDelayInTheDeadlineLedger() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Lou"), Tokens.forPartner("police"));
		this.steps.screen(reference, GREEN_SCREENING, Tokens.forUser("sam.screener"));
		this.steps.decideAndClaimFeedback(reference, "NFA_ADVICE");
		String feedback = this.steps.taskOf(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		Instant due = this.steps.dueOf(feedback);
		assertThat(due).as("1 working day from Friday 17:00").isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));

		HttpResponse<String> given = this.steps.post("/api/triage/tasks/" + feedback + "/feedback", """
				{"route": "EMAIL", "summary": "Told PC Doe: no further action.", "letterToFamily": false,
				 "reasonForDelay": "PC Doe's mailbox was full"}""", Tokens.forUser("bella.support"));

		assertThat(given.statusCode()).as(given.body()).isEqualTo(204);
		assertThat(triage(reference, "cc.feedback_route, cc.family_letter_route")).isEqualTo("EMAIL|null");
		assertThat(deadlineOf(feedback)).isEqualTo("BREACHED|PC Doe's mailbox was full|bella.support");
	}

	@Test
	void aLateSchoolNoticeIsInTheChildsChronologyWithItsNoteAndItsReasonForDelayInTheLedger() throws Exception {
		String family = TriageSteps.uniqueFamilyName();
		Child known = this.children.register(new ChildRecords.NewChild("Amy", family, LocalDate.of(2016, 4, 1), null,
				NhsNumbers.random(), null, null, false));
		String reference = this.steps.submit(ContactFixtures.aPoliceContactAboutTwoSiblings("2026-11-20T16:00:00Z")
			.replace("943 476 5919", known.nhsNumber())
			.replace("\"Test\"", "\"" + family + "\""), Tokens.forPartner("police"));
		assertThat(this.steps.childOf(reference)).as("linked by NHS number on receipt").isEqualTo(known.id());
		String tellSchool = this.steps.taskOf(reference, ContactTriageProcess.TASK_TELL_SCHOOL);
		assertThat(this.steps.dueOf(tellSchool)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:30:00Z")));
		String education = Tokens.forUser("eddie.education");
		this.steps.claim(tellSchool, education);

		HttpResponse<String> done = this.steps.post("/api/triage/tasks/" + tellSchool + "/done", """
				{"note": "Told the designated safeguarding lead at Anytown Primary.",
				 "reasonForDelay": "The notification reached us after the school day began"}""", education);

		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		JsonNode chronology = chronologyOf(known.id());
		assertThat(chronology.findValuesAsText("kind")).containsExactly("CONTACT_RECEIVED", "TELLSCHOOL");
		JsonNode told = chronology.get(1);
		assertThat(told.get("summary").asText()).isEqualTo(
				"Tell the school (Operation Encompass): Told the designated safeguarding lead at Anytown Primary.");
		assertThat(told.get("actor").asText()).isEqualTo("eddie.education");
		assertThat(told.get("occurredAt").asText()).isEqualTo("2026-11-23T10:30:00Z");
		assertThat(told.get("reference").asText()).isEqualTo(reference + "/1");
		assertThat(deadlineOf(tellSchool))
			.isEqualTo("BREACHED|The notification reached us after the school day began|eddie.education");
	}

	@Test
	void aReRatingIsStoredInTheRagHistoryWithWhoAndWhy() throws Exception {
		String reference = this.steps.submit(aNeglectContact("Max"), Tokens.forPartner("police"));
		this.steps.screen(reference, GREEN_SCREENING.replace("GREEN", "AMBER"), Tokens.forUser("sam.screener"));
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T18:00:00Z")));
		String path = "/api/contacts/" + reference + "/children/1/rag";

		HttpResponse<String> reRated = this.steps.post(path,
				"{\"rag\": \"RED\", \"reason\": \"Disclosure to the school nurse\"}", Tokens.forUser("maya.manager"));

		assertThat(reRated.statusCode()).as(reRated.body()).isEqualTo(204);
		assertThat(ragHistoryOf(reference)).containsExactly("AMBER|2026-11-20T17:00:00Z|sam.screener|Screening",
				"RED|2026-11-20T18:00:00Z|maya.manager|Disclosure to the school nurse");
		assertThat(triage(reference, "cc.rag, cc.rag_set_at")).isEqualTo("RED|2026-11-20T18:00:00Z");
	}

	/** Every child's triage of the contact, as a MASH manager reads it. */
	private JsonNode triagesOf(String reference) throws Exception {
		String manager = Tokens.forUser("maya.manager");
		HttpResponse<String> read = this.api.get("/api/contacts/" + reference + "/triage", manager);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return JSON.readTree(read.body());
	}

	/** The contact as the police system that sent it reads it back. */
	private JsonNode recordOf(String reference) throws Exception {
		HttpResponse<String> read = this.api.get("/api/contacts/" + reference, Tokens.forPartner("police"));
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return JSON.readTree(read.body());
	}

	private JsonNode chronologyOf(UUID child) throws Exception {
		return this.steps.chronologyOf(child);
	}

	/** The consent a manager reads for a new contact that gave this consent. */
	private JsonNode consentStoredFor(String consent) throws Exception {
		String contact = aContact("Cara", TriageSteps.uniqueFamilyName(), "NEGLECT", consent, null);
		return triagesOf(this.steps.submit(contact, Tokens.forPartner("police"))).get(0).get("consent");
	}

	/** The contact's first child's triage: the columns named (cc, c), joined by "|". */
	private String triage(String reference, String columns) {
		String sql = """
				select %s from contact_child cc join contact c on c.id = cc.contact_id
				where c.reference = :key and cc.position = 1""".formatted(columns);
		return row(sql, reference);
	}

	private String contact(String reference, String columns) {
		return row("select " + columns + " from contact where reference = :key", reference);
	}

	private List<String> ragHistoryOf(String reference) {
		String sql = """
				select r.rag, r.set_at, r.set_by, r.reason
				from triage_rag r join contact c on c.id = r.contact_id where c.reference = :key
				order by r.set_at, r.id""";
		return rows(sql, reference);
	}

	/** The step's deadline: status, reason for delay and who gave it. */
	private String deadlineOf(String taskId) {
		return row("select status, delay_reason, delay_reason_by from deadline where task_id = :key", taskId);
	}

	private String row(String sql, Object key) {
		List<String> rows = rows(sql, key);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	/**
	 * Each row the query finds for :key, its columns joined by "|" (times as instants).
	 */
	private List<String> rows(String sql, Object key) {
		return this.jdbc.sql(sql).param("key", key).query(ContactFieldsIntegrationTests::columns).list();
	}

	private static String columns(ResultSet rs, int row) throws SQLException {
		List<String> columns = new ArrayList<>();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof Timestamp timestamp) {
				value = timestamp.toInstant();
			}
			columns.add(String.valueOf(value));
		}
		return String.join("|", columns);
	}

	private static JsonNode consent(String status, String givenBy, String notSoughtReason, String lawfulBasis,
			String overrideReason, String authorisedBy) {
		ObjectNode consent = JSON.createObjectNode();
		consent.put("status", status);
		consent.put("givenBy", givenBy);
		consent.put("notSoughtReason", notSoughtReason);
		consent.put("lawfulBasis", lawfulBasis);
		consent.put("overrideReason", overrideReason);
		consent.put("authorisedBy", authorisedBy);
		return consent;
	}

	/**
	 * A police contact about two siblings with every field given for the first and the
	 * fewest for the second.
	 */
	private static String aFullContact(String familyName, String nhsNumber) {
		return """
				{
				  "receivedAt": "2026-11-20T16:00:00Z",
				  "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "role": "Public protection officer",
				               "phone": "01632 960001", "email": "jane.doe@police.example", "feedbackRoute": "PHONE"},
				  "children": [
				    {"givenNames": "Amy Rose", "familyName": "%1$s", "dateOfBirth": "2016-04-01", "gender": "Female",
				     "nhsNumber": "%2$s", "address": "1 High Street, Anytown", "school": "Anytown Primary"},
				    {"givenNames": "Ben", "familyName": "%1$s"}
				  ],
				  "concerns": "%3$s",
				  "categories": ["DOMESTIC_ABUSE", "EMOTIONAL_ABUSE", "NEGLECT"],
				  "consent": {"status": "GIVEN", "givenBy": "Mother"},
				  "domesticAbuse": {"dashTicks": 9, "incidentsLast12Months": 2, "safeToContactVictim": true,
				                    "safeContactRoute": "Mobile 07700 900123, after 6pm only"}
				}""".formatted(familyName, nhsNumber, CONCERNS);
	}

	private static String aNeglectContact(String givenName) {
		return aContact(givenName, TriageSteps.uniqueFamilyName(), "NEGLECT", GIVEN_BY_MOTHER, null);
	}

	/** A police domestic-abuse notification below every MARAC threshold. */
	private static String aDomesticAbuseContact(String givenName) {
		return aContact(givenName, TriageSteps.uniqueFamilyName(), "DOMESTIC_ABUSE", GIVEN_BY_MOTHER,
				"{\"dashTicks\": 5}");
	}

	private static String aContact(String givenName, String familyName, String category, String consent,
			String domesticAbuse) {
		return """
				{
				  "receivedAt": "2026-11-20T16:00:00Z",
				  "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
				               "email": "jane.doe@police.example"},
				  "children": [{"givenNames": "%s", "familyName": "%s", "dateOfBirth": "2015-06-01",
				                "address": "2 Low Road"}],
				  "concerns": "School says the child is hungry; missed appointments at the GP.",
				  "categories": ["%s"],
				  "consent": %s,
				  "domesticAbuse": %s
				}""".formatted(givenName, familyName, category, consent, domesticAbuse);
	}

}
