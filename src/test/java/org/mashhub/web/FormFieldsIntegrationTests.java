package org.mashhub.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.complaints.Finding;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.notification.Notice;
import org.mashhub.notification.Notices;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.EventDelivery;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.NhsNumbers;
import org.mashhub.testing.TimedSteps;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every form the pages post, sent over HTTP as a signed-in person's
 * browser sends it (their session and its CSRF token), and what each form stored read
 * back from the database: the browser tests show that the pages work, these that no field
 * is lost on its way to the tables.
 */
@IntegrationTest
class FormFieldsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Friday 20 November 2026, an hour after the contacts sent to the front door. */
	private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

	/** The text boxes of each child's row on the phone contact form. */
	private static final List<String> CHILD_FIELDS = List.of("givenNames", "familyName", "day", "month", "year",
			"nhsNumber", "address", "school");

	/** What a complaint's five elements are about, and their themes. */
	private static final List<String> ELEMENTS = List.of("Calls unanswered", "Slow assessment", "Rude at a visit",
			"Moved suddenly", "Wrong records");

	private static final List<String> THEMES = List.of("Communication", "Delay", "Staff conduct", "Placement", "Other");

	private static final String ACKNOWLEDGE = "Acknowledge and decide acceptance";

	private static final String UNALLOCATED = "Unallocated (complaints-manager)";

	/** A police notification of domestic abuse at the home of two children. */
	private static final String DOMESTIC_ABUSE_CONTACT = """
			{"receivedAt": "2026-11-20T16:00:00Z",
			 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
			              "email": "jane.doe@police.example"},
			 "children": [{"givenNames": "Tia", "familyName": "%s", "dateOfBirth": "2015-06-01",
			               "address": "2 Low Road", "school": "Low Road Primary"},
			              {"givenNames": "Leo", "familyName": "%s", "dateOfBirth": "2017-09-09",
			               "address": "2 Low Road", "school": "Low Road Primary"}],
			 "concerns": "Police attended a domestic incident; both children were in the house.",
			 "categories": ["DOMESTIC_ABUSE"],
			 "consent": {"status": "GIVEN", "givenBy": "Mother"},
			 "domesticAbuse": {"dashTicks": 5}}""";

	private static final String CHILDREN_BY_KEY = """
			select cc.* from contact_child cc join contact c on c.id = cc.contact_id
			where c.idempotency_key = :key order by cc.position""";

	private static final String CHILDREN_BY_REFERENCE = """
			select cc.* from contact_child cc join contact c on c.id = cc.contact_id
			where c.reference = :reference order by cc.position""";

	private static final String RAG_HISTORY = """
			select r.* from triage_rag r join contact c on c.id = r.contact_id
			where c.reference = :reference and r.position = 1 order by r.id""";

	private static final String AGENCY_CHECKS = """
			select a.* from agency_check a join contact c on c.id = a.contact_id
			where c.reference = :reference order by a.position""";

	private static final String NOTES = """
			select * from chronology_entry where reference = :reference
			and kind in ('REFERTOMARAC', 'CHILDANDFAMILYASSESSMENT', 'TELLSCHOOL') order by id""";

	private static final String ELEMENTS_OF = """
			select e.* from complaint_element e join complaint c on c.id = e.complaint_id
			where c.reference = :reference order by e.position""";

	private static final String STAGES_OF = """
			select s.* from complaint_stage s join complaint c on c.id = s.complaint_id
			where c.reference = :reference order by s.stage""";

	private static final String FINDINGS_OF = """
			select f.* from complaint_finding f join complaint c on c.id = f.complaint_id
			where c.reference = :reference order by f.stage, f.position""";

	private static final String STAGE_STARTED = """
			select count(*) as started from complaint_stage where stage = :stage
			and (requested_at at time zone 'Europe/London')::date between '2026-04-01' and '2027-03-31'""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ChildRecords children;

	@Autowired
	Notices notices;

	@BeforeEach
	void fixTheClock() {
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aPhoneContactStoresEveryFieldAsTypedAndTheSameFormPostedTwiceFilesItOnce() {
		WebSession bella = WebSession.signIn(this.port, "bella.support");
		String family = uniqueName("Phone");
		String poppyNhsNumber = NhsNumbers.random();
		String roryNhsNumber = NhsNumbers.random();
		String overriddenKey = UUID.randomUUID().toString();
		Form overridden = phoneContactForm(overriddenKey).and("referrerName", "Dr Asha Caller")
			.and("referrerAgency", "HEALTH")
			.and("referrerRole", "Health visitor")
			.and("referrerPhone", "01632 960123")
			.and("referrerEmail", "asha.caller@nhs.example")
			.and("feedbackRoute", "PHONE")
			.and("children[0].givenNames", "Poppy")
			.and("children[0].familyName", family)
			.and("children[0].day", "7")
			.and("children[0].month", "3")
			.and("children[0].year", "2015")
			.and("children[0].nhsNumber", spaced(poppyNhsNumber))
			.and("children[0].address", "4 Mill Lane, Anytown")
			.and("children[0].school", "Mill Lane Primary")
			.and("children[1].givenNames", "Rory")
			.and("children[1].familyName", family)
			.and("children[1].day", "21")
			.and("children[1].month", "12")
			.and("children[1].year", "2019")
			.and("children[1].nhsNumber", spaced(roryNhsNumber))
			.and("children[1].address", "4 Mill Lane, Anytown")
			.and("children[1].school", "Mill Lane Nursery")
			.and("concerns", "Poppy told the health visitor that her father hits her mother.")
			.and("categories", "DOMESTIC_ABUSE")
			.andAlso("categories", "EMOTIONAL_ABUSE")
			.and("consentStatus", "OVERRIDDEN")
			.and("consentLawfulBasis", "Children Act 1989 s47")
			.and("consentOverrideReason", "Asking the father would put the children at risk")
			.and("consentAuthorisedBy", "Maya Manager")
			.and("dashTicks", "7")
			.and("incidents", "2")
			.and("safeToContactVictim", "yes")
			.and("safeContactRoute", "Text her sister first");

		assertThat(post(bella, "/contacts/new", overridden)).isEqualTo("/work");
		String reference = recordedContact(bella.get("/work").body(), "2 children");
		assertThat(post(bella, "/contacts/new", overridden)).isEqualTo("/work");
		assertThat(recordedContact(bella.get("/work").body(), "2 children")).isEqualTo(reference);

		assertThat(rows("select * from contact where idempotency_key = :key", "key", overriddenKey)).hasSize(1);
		Map<String, Object> contact = row("select * from contact where reference = :reference", "reference", reference);
		assertThat(contact).containsEntry("received_at", NOW)
			.containsEntry("recorded_at", NOW)
			.containsEntry("recorded_by", "bella.support")
			.containsEntry("channel", "STAFF")
			.containsEntry("referrer_name", "Dr Asha Caller")
			.containsEntry("referrer_agency", "HEALTH")
			.containsEntry("referrer_role", "Health visitor")
			.containsEntry("referrer_phone", "01632 960123")
			.containsEntry("referrer_email", "asha.caller@nhs.example")
			.containsEntry("feedback_route", "PHONE")
			.containsEntry("concerns", "Poppy told the health visitor that her father hits her mother.")
			.containsEntry("categories", List.of("DOMESTIC_ABUSE", "EMOTIONAL_ABUSE"))
			.containsEntry("consent_status", "OVERRIDDEN")
			.containsEntry("consent_given_by", null)
			.containsEntry("consent_not_sought_reason", null)
			.containsEntry("consent_lawful_basis", "Children Act 1989 s47")
			.containsEntry("consent_override_reason", "Asking the father would put the children at risk")
			.containsEntry("consent_authorised_by", "Maya Manager")
			.containsEntry("dash_ticks", 7)
			.containsEntry("incidents_last_12_months", 2)
			.containsEntry("safe_to_contact_victim", true)
			.containsEntry("safe_contact_route", "Text her sister first")
			.containsEntry("safe_contact_recorded_by", null);
		List<Map<String, Object>> named = rows(CHILDREN_BY_KEY, "key", overriddenKey);
		assertThat(named).as("the empty third row is no child").hasSize(2);
		assertThat(named.get(0)).containsEntry("position", 1)
			.containsEntry("given_names", "Poppy")
			.containsEntry("family_name", family)
			.containsEntry("date_of_birth", LocalDate.of(2015, 3, 7))
			.containsEntry("nhs_number", poppyNhsNumber)
			.containsEntry("address", "4 Mill Lane, Anytown")
			.containsEntry("school", "Mill Lane Primary");
		assertThat(named.get(1)).containsEntry("position", 2)
			.containsEntry("given_names", "Rory")
			.containsEntry("family_name", family)
			.containsEntry("date_of_birth", LocalDate.of(2019, 12, 21))
			.containsEntry("nhs_number", roryNhsNumber)
			.containsEntry("address", "4 Mill Lane, Anytown")
			.containsEntry("school", "Mill Lane Nursery");

		String givenKey = UUID.randomUUID().toString();
		Form given = phoneContactForm(givenKey).and("referrerName", "Mr Tom Teacher")
			.and("referrerAgency", "EDUCATION")
			.and("referrerEmail", "tom.teacher@school.example")
			.and("feedbackRoute", "EMAIL")
			.and("children[0].givenNames", "Ava")
			.and("children[0].familyName", family)
			.and("concerns", "Ava comes to school hungry most days.")
			.and("categories", "NEGLECT")
			.and("consentStatus", "GIVEN")
			.and("consentGivenBy", "Ava's father");
		assertThat(post(bella, "/contacts/new", given)).isEqualTo("/work");
		Map<String, Object> givenContact = row("select * from contact where idempotency_key = :key", "key", givenKey);
		assertThat(givenContact).containsEntry("referrer_name", "Mr Tom Teacher")
			.containsEntry("referrer_agency", "EDUCATION")
			.containsEntry("referrer_role", null)
			.containsEntry("referrer_phone", null)
			.containsEntry("referrer_email", "tom.teacher@school.example")
			.containsEntry("feedback_route", "EMAIL")
			.containsEntry("categories", List.of("NEGLECT"))
			.containsEntry("consent_status", "GIVEN")
			.containsEntry("consent_given_by", "Ava's father")
			.containsEntry("consent_lawful_basis", null)
			.containsEntry("dash_ticks", null)
			.containsEntry("safe_to_contact_victim", null);
		List<Map<String, Object>> ava = rows(CHILDREN_BY_KEY, "key", givenKey);
		assertThat(ava).hasSize(1);
		assertThat(ava.get(0)).containsEntry("given_names", "Ava")
			.containsEntry("date_of_birth", null)
			.containsEntry("nhs_number", null)
			.containsEntry("address", null)
			.containsEntry("school", null);

		String notSoughtKey = UUID.randomUUID().toString();
		Form notSought = phoneContactForm(notSoughtKey).and("referrerName", "Ms Nia Neighbour")
			.and("referrerAgency", "PUBLIC")
			.and("referrerPhone", "07700 900123")
			.and("feedbackRoute", "NONE")
			.and("children[0].givenNames", "Zac")
			.and("children[0].familyName", family)
			.and("children[0].day", "1")
			.and("children[0].month", "1")
			.and("children[0].year", "2020")
			.and("concerns", "Shouting and banging next door every night this week.")
			.and("categories", "DOMESTIC_ABUSE")
			.and("consentStatus", "NOT_SOUGHT")
			.and("consentNotSoughtReason", "The caller fears the father would find out")
			.and("safeToContactVictim", "no");
		assertThat(post(bella, "/contacts/new", notSought)).isEqualTo("/work");
		Map<String, Object> neighbour = row("select * from contact where idempotency_key = :key", "key", notSoughtKey);
		assertThat(neighbour).containsEntry("referrer_agency", "PUBLIC")
			.containsEntry("referrer_phone", "07700 900123")
			.containsEntry("referrer_email", null)
			.containsEntry("feedback_route", "NONE")
			.containsEntry("consent_status", "NOT_SOUGHT")
			.containsEntry("consent_not_sought_reason", "The caller fears the father would find out")
			.containsEntry("dash_ticks", null)
			.containsEntry("incidents_last_12_months", null)
			.containsEntry("safe_to_contact_victim", false)
			.containsEntry("safe_contact_route", null);
		List<Map<String, Object>> zac = rows(CHILDREN_BY_KEY, "key", notSoughtKey);
		assertThat(zac).hasSize(1);
		assertThat(zac.get(0)).containsEntry("given_names", "Zac")
			.containsEntry("date_of_birth", LocalDate.of(2020, 1, 1));
	}

	@Test
	void eachTriageFormStoresWhatItsPersonEnteredFromScreeningToTellingTheSchoolLate() throws Exception {
		String family = uniqueName("Triage");
		ChildRecords.NewChild leo = new ChildRecords.NewChild("Leo", family, LocalDate.of(2017, 9, 9), null, null,
				"2 Low Road", null, false);
		Child known = this.children.register(leo);
		String reference = submitContact(String.format(DOMESTIC_ABUSE_CONTACT, family, family));

		WebSession sam = WebSession.signIn(this.port, "sam.screener");
		String screenTia = taskOf(reference, 1, ContactTriageProcess.TASK_SCREEN_CONTACT);
		claim(sam, "sam.screener", "/triage/tasks/", screenTia);
		Form tiaScreening = Form.of("identity", "NEW")
			.and("rag", "AMBER")
			.and("summary", "Domestic abuse witnessed by both children; mother protective.")
			.and("consentReview", "Consent from the mother stands; the father is not to be told.")
			.and("agency", "POLICE")
			.and("question_POLICE", "Any call-outs to 2 Low Road this year?")
			.and("share_POLICE", "yes")
			.blank("question_HEALTH", "question_EDUCATION", "question_EARLY_HELP", "question_PROBATION")
			.blank("question_HOUSING")
			.and("recommendation", "CIN_S17_ASSESSMENT")
			.and("safeToContactVictim", "yes")
			.and("safeContactRoute", "Mother's work mobile, weekdays only")
			.and("maracByJudgement", "yes")
			.and("maracReason", "Escalating coercive control");
		assertThat(post(sam, "/triage/tasks/" + screenTia, tiaScreening)).isEqualTo("/work");
		String screenLeo = taskOf(reference, 2, ContactTriageProcess.TASK_SCREEN_CONTACT);
		claim(sam, "sam.screener", "/triage/tasks/", screenLeo);
		Form leoScreening = Form.of("identity", known.id().toString())
			.and("rag", "GREEN")
			.and("summary", "Leo was asleep upstairs; no injuries.")
			.blank("consentReview", "question_POLICE", "question_HEALTH", "question_EDUCATION")
			.blank("question_EARLY_HELP", "question_PROBATION", "question_HOUSING", "recommendation")
			.blank("safeContactRoute", "maracReason");
		assertThat(post(sam, "/triage/tasks/" + screenLeo, leoScreening)).isEqualTo("/work");
		Form reRating = Form.of("rag", "RED").and("reason", "Tia told the school nurse of a threat to kill");
		String contactPage = "/contacts/" + reference;
		assertThat(post(sam, contactPage + "/children/1/rag", reRating)).isEqualTo(contactPage);

		WebSession paul = WebSession.signIn(this.port, "paul.police");
		String policeCheck = taskOf(reference, 1, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK);
		claim(paul, "paul.police", "/triage/tasks/", policeCheck);
		Form answer = Form.of("answer", "Two call-outs this year, one arrest for common assault.");
		assertThat(post(paul, "/triage/tasks/" + policeCheck, answer)).isEqualTo("/work");

		WebSession maya = WebSession.signIn(this.port, "maya.manager");
		String decision = taskOf(reference, 1, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		Form takeOn = Form.of("returnTo", "/team")
			.and("task", decision + ":" + versionOf(decision))
			.blank("to", "reason")
			.and("action", "claim");
		assertThat(post(maya, "/tasks/reassignment", takeOn)).isEqualTo("/team");
		assertThat(assigneeOf(decision)).isEqualTo("maya.manager");
		Form decided = Form.of("levelOfNeed", "3")
			.and("outcome", "CIN_S17_ASSESSMENT")
			.and("rationale", "Repeated domestic abuse with the children present: assess the family.")
			.and("cseConcern", "yes");
		assertThat(post(maya, "/triage/tasks/" + decision, decided)).isEqualTo("/work");

		WebSession bella = WebSession.signIn(this.port, "bella.support");
		String feedback = taskOf(reference, 1, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		claim(bella, "bella.support", "/triage/tasks/", feedback);
		Form told = Form.of("route", "EMAIL")
			.and("summary", "Told PC Doe: a child and family assessment.")
			.and("letterToFamily", "yes");
		assertThat(post(bella, "/triage/tasks/" + feedback, told)).isEqualTo("/work");

		String marac = taskOf(reference, 1, ContactTriageProcess.TASK_REFER_TO_MARAC);
		claim(sam, "sam.screener", "/triage/tasks/", marac);
		Form referred = Form.of("note", "Sent to the MARAC coordinator with the DASH checklist.");
		assertThat(post(sam, "/triage/tasks/" + marac, referred)).isEqualTo("/work");

		WebSession alex = WebSession.signIn(this.port, "alex.assessor");
		String assessment = taskOf(reference, 1, ContactTriageProcess.TASK_CHILD_AND_FAMILY_ASSESSMENT);
		claim(alex, "alex.assessor", "/triage/tasks/", assessment);
		Form assessed = Form.of("note", "Child in need plan agreed.");
		assertThat(post(alex, "/triage/tasks/" + assessment, assessed)).isEqualTo("/work");

		Instant monday = Instant.parse("2026-11-23T10:00:00Z");
		ClockUtil.setCurrentTime(Date.from(monday));
		WebSession eddie = WebSession.signIn(this.port, "eddie.education");
		String school = taskOf(reference, 1, ContactTriageProcess.TASK_TELL_SCHOOL);
		claim(eddie, "eddie.education", "/triage/tasks/", school);
		Form schoolTold = Form.of("note", "Told the head teacher at 09:50.")
			.and("reasonForDelay", "The safeguarding lead was not reachable before 09:45");
		assertThat(post(eddie, "/triage/tasks/" + school, schoolTold)).isEqualTo("/work");

		List<Map<String, Object>> triages = rows(CHILDREN_BY_REFERENCE, "reference", reference);
		assertThat(triages).hasSize(2);
		assertThat(triages.get(0).get("child_id")).as("a new record for Tia").isNotNull();
		assertThat(triages.get(0)).containsEntry("identity_confirmed_by", "sam.screener")
			.containsEntry("rag", "RED")
			.containsEntry("rag_set_at", NOW)
			.containsEntry("screening_summary", "Domestic abuse witnessed by both children; mother protective.")
			.containsEntry("consent_review", "Consent from the mother stands; the father is not to be told.")
			.containsEntry("recommendation", "CIN_S17_ASSESSMENT")
			.containsEntry("marac_referral", true)
			.containsEntry("marac_reason", "professional judgement: Escalating coercive control")
			.containsEntry("screened_by", "sam.screener")
			.containsEntry("screened_at", NOW)
			.containsEntry("level_of_need", 3)
			.containsEntry("outcome", "CIN_S17_ASSESSMENT")
			.containsEntry("rationale", "Repeated domestic abuse with the children present: assess the family.")
			.containsEntry("cse_concern", true)
			.containsEntry("decided_by", "maya.manager")
			.containsEntry("decided_at", NOW)
			.containsEntry("feedback_route", "EMAIL")
			.containsEntry("feedback_summary", "Told PC Doe: a child and family assessment.")
			.containsEntry("family_letter_route", "Mother's work mobile, weekdays only")
			.containsEntry("feedback_by", "bella.support")
			.containsEntry("feedback_at", NOW);
		assertThat(triages.get(1)).containsEntry("child_id", known.id())
			.containsEntry("identity_confirmed_by", "sam.screener")
			.containsEntry("rag", "GREEN")
			.containsEntry("screening_summary", "Leo was asleep upstairs; no injuries.")
			.containsEntry("consent_review", null)
			.containsEntry("recommendation", null)
			.containsEntry("marac_referral", false)
			.containsEntry("marac_reason", null);
		Map<String, Object> contact = row("select * from contact where reference = :reference", "reference", reference);
		assertThat(contact).containsEntry("safe_to_contact_victim", true)
			.containsEntry("safe_contact_route", "Mother's work mobile, weekdays only")
			.containsEntry("safe_contact_recorded_by", "sam.screener");
		List<Map<String, Object>> ragHistory = rows(RAG_HISTORY, "reference", reference);
		assertThat(ragHistory).hasSize(2);
		assertThat(ragHistory.get(0)).containsEntry("rag", "AMBER")
			.containsEntry("set_by", "sam.screener")
			.containsEntry("reason", "Screening");
		assertThat(ragHistory.get(1)).containsEntry("rag", "RED")
			.containsEntry("set_at", NOW)
			.containsEntry("set_by", "sam.screener")
			.containsEntry("reason", "Tia told the school nurse of a threat to kill");
		List<Map<String, Object>> checks = rows(AGENCY_CHECKS, "reference", reference);
		assertThat(checks).as("Leo's screening asked no agency").hasSize(1);
		assertThat(checks.get(0)).containsEntry("position", 1)
			.containsEntry("agency", "POLICE")
			.containsEntry("liaison_group", "police-liaison")
			.containsEntry("question", "Any call-outs to 2 Low Road this year?")
			.containsEntry("share_concerns", true)
			.containsEntry("asked_by", "sam.screener")
			.containsEntry("state", "ANSWERED")
			.containsEntry("answer", "Two call-outs this year, one arrest for common assault.")
			.containsEntry("answered_by", "paul.police")
			.containsEntry("closed_at", NOW);
		EventDelivery.awaitAllDelivered(this.jdbc);
		List<Map<String, Object>> notes = rows(NOTES, "reference", reference + "/1");
		assertThat(notes).hasSize(3);
		assertThat(notes.get(0)).containsEntry("kind", "REFERTOMARAC")
			.containsEntry("summary", "Refer to MARAC: Sent to the MARAC coordinator with the DASH checklist.")
			.containsEntry("actor", "sam.screener")
			.containsEntry("occurred_at", NOW);
		assertThat(notes.get(1)).containsEntry("kind", "CHILDANDFAMILYASSESSMENT")
			.containsEntry("summary", "Complete child and family assessment: Child in need plan agreed.")
			.containsEntry("actor", "alex.assessor");
		assertThat(notes.get(2)).containsEntry("kind", "TELLSCHOOL")
			.containsEntry("summary", "Tell the school (Operation Encompass): Told the head teacher at 09:50.")
			.containsEntry("actor", "eddie.education")
			.containsEntry("occurred_at", monday);
		Map<String, Object> lateStep = row("select * from deadline where task_id = :task", "task", school);
		assertThat(lateStep).containsEntry("status", "BREACHED")
			.containsEntry("completed_by", "eddie.education")
			.containsEntry("delay_reason", "The safeguarding lead was not reachable before 09:45")
			.containsEntry("delay_reason_by", "eddie.education");
	}

	@Test
	void eachComplaintFormStoresWhatWasEnteredFromLoggingThroughThreeStagesToTheOmbudsman() {
		WebSession cara = WebSession.signIn(this.port, "cara.complaints");
		WebSession ian = WebSession.signIn(this.port, "ian.investigator");
		WebSession stella = WebSession.signIn(this.port, "stella.service");
		at("2027-02-01T11:00:00Z");
		Form newComplaint = Form.ofDate("receivedOn", "1", "2", "2027")
			.and("receivedTime", "10:00")
			.and("receivedVia", "Letter")
			.and("complainantName", "Jo Parent")
			.and("complainantContact", "1 High Street, Anytown")
			.and("complainantType", "PARENT")
			.and("childName", "Kim Parent")
			.date("childDateOfBirth", "1", "5", "2012")
			.and("childConsent", "WRITTEN_CONSENT")
			.and("childConsentNote", "Kim signed a letter of agreement on 28 January 2027")
			.date("matterAroseOn", "2", "11", "2025");
		for (int element = 1; element <= ELEMENTS.size(); element++) {
			newComplaint.and("element_" + element, ELEMENTS.get(element - 1));
			newComplaint.and("theme_" + element, THEMES.get(element - 1));
		}
		newComplaint.and("desiredOutcome", "An apology and a named social worker")
			.and("advocacyOffered", "yes")
			.and("advocacyAccepted", "yes")
			.and("advocate", "Sam Advocate (NYAS)");
		String page = post(cara, "/complaints/new", newComplaint);
		String reference = page.replace("/complaints/", "");
		assertThat(reference).startsWith("CMP-2027-");

		at("2027-02-05T10:00:00Z");
		String acknowledgement = complaintTask(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		claim(cara, "cara.complaints", "/complaints/tasks/", acknowledgement);
		Form acknowledged = Form.of("eligible", "yes")
			.and("eligibilityNote", "Kim's mother, with parental responsibility")
			.and("acceptLate", "yes")
			.and("lateReason", "Jo was in hospital for most of 2026")
			.and("responder", "ian.investigator")
			.and("reasonForDelay", "Complaints manager on leave");
		assertThat(post(cara, "/complaints/tasks/" + acknowledgement, acknowledged)).isEqualTo("/work");
		Form stage1Extension = Form.of("workingDays", "15").and("reason", "Advocate being arranged");
		assertThat(post(stella, page + "/extension", stage1Extension)).isEqualTo(page);

		at("2027-02-10T10:00:00Z");
		String stage1 = complaintTask(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
		Form stage1Response = findings(1, "We apologise for the missed calls");
		assertThat(post(ian, "/complaints/tasks/" + stage1, stage1Response)).isEqualTo("/work");

		at("2027-02-15T10:00:00Z");
		Object stage2WindowClosed = complaint(reference).get("window_closes_at");
		Form stage2Request = Form.of("stage", "2").date("requestedOn", "15", "2", "2027").and("lateReason", "");
		assertThat(post(cara, page + "/stage-requests", stage2Request)).isEqualTo(page);

		at("2027-02-17T10:00:00Z");
		String record = complaintTask(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		claim(cara, "cara.complaints", "/complaints/tasks/", record);
		Form agreed = Form.ofDate("agreedOn", "17", "2", "2027")
			.and("investigatingOfficer", "ian.investigator")
			.and("independentPerson", "Pat Independent");
		assertThat(post(cara, "/complaints/tasks/" + record, agreed)).isEqualTo("/work");
		Form stage2Extension = Form.of("workingDays", "65")
			.and("reason", "Many records to read")
			.date("noticeOn", "17", "2", "2027");
		assertThat(post(cara, page + "/extension", stage2Extension)).isEqualTo(page);

		at("2027-03-01T10:00:00Z");
		String investigation = complaintTask(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		Form report = findings(2, "Calls were missed; the assessment kept to its timescale");
		assertThat(post(ian, "/complaints/tasks/" + investigation, report)).isEqualTo("/work");

		at("2027-03-03T10:00:00Z");
		String adjudication = complaintTask(reference, ComplaintProcess.TASK_ADJUDICATE_STAGE_2);
		claim(stella, "stella.service", "/complaints/tasks/", adjudication);
		Form adjudicated = findings(3, "The council accepts the report and apologises");
		assertThat(post(stella, "/complaints/tasks/" + adjudication, adjudicated)).isEqualTo("/work");

		at("2027-04-20T09:00:00Z");
		Object stage3WindowClosed = complaint(reference).get("window_closes_at");
		Form stage3Request = Form.of("stage", "3")
			.date("requestedOn", "20", "4", "2027")
			.and("lateReason", "Jo was back in hospital in March");
		assertThat(post(cara, page + "/stage-requests", stage3Request)).isEqualTo(page);

		at("2027-05-04T09:00:00Z");
		String panel = complaintTask(reference, ComplaintProcess.TASK_CONVENE_PANEL);
		claim(cara, "cara.complaints", "/complaints/tasks/", panel);
		Form met = Form.of("member_1", "Robin Chair")
			.and("member_2", "Alex Member")
			.and("member_3", "Sam Member")
			.date("metOn", "4", "5", "2027");
		assertThat(post(cara, "/complaints/tasks/" + panel, met)).isEqualTo("/work");

		at("2027-05-06T09:00:00Z");
		String panelReport = complaintTask(reference, ComplaintProcess.TASK_RECORD_PANEL_REPORT);
		claim(cara, "cara.complaints", "/complaints/tasks/", panelReport);
		Form recommendations = findings(4, "The panel recommends a named worker for the family");
		assertThat(post(cara, "/complaints/tasks/" + panelReport, recommendations)).isEqualTo("/work");

		at("2027-05-10T09:00:00Z");
		String councilResponse = complaintTask(reference, ComplaintProcess.TASK_RESPOND_TO_PANEL);
		claim(stella, "stella.service", "/complaints/tasks/", councilResponse);
		Form responded = findings(5, "The council accepts every recommendation");
		assertThat(post(stella, "/complaints/tasks/" + councilResponse, responded)).isEqualTo("/work");
		Form ombudsman = Form.ofDate("referredOn", "10", "5", "2027").and("ombudsmanReference", "LGSCO 27 001 234");
		assertThat(post(cara, page + "/ombudsman-referral", ombudsman)).isEqualTo(page);

		assertThat(complaint(reference)).containsEntry("received_at", Instant.parse("2027-02-01T10:00:00Z"))
			.containsEntry("received_via", "Letter")
			.containsEntry("logged_at", Instant.parse("2027-02-01T11:00:00Z"))
			.containsEntry("logged_by", "cara.complaints")
			.containsEntry("complainant_name", "Jo Parent")
			.containsEntry("complainant_contact", "1 High Street, Anytown")
			.containsEntry("complainant_type", "PARENT")
			.containsEntry("child_name", "Kim Parent")
			.containsEntry("child_date_of_birth", LocalDate.of(2012, 5, 1))
			.containsEntry("child_consent", "WRITTEN_CONSENT")
			.containsEntry("child_consent_note", "Kim signed a letter of agreement on 28 January 2027")
			.containsEntry("matter_arose_on", LocalDate.of(2025, 11, 2))
			.containsEntry("advocacy_offered", true)
			.containsEntry("advocacy_accepted", true)
			.containsEntry("advocate", "Sam Advocate (NYAS)")
			.containsEntry("desired_outcome", "An apology and a named social worker")
			.containsEntry("acknowledged_at", Instant.parse("2027-02-05T10:00:00Z"))
			.containsEntry("acknowledged_by", "cara.complaints")
			.containsEntry("eligible", true)
			.containsEntry("eligibility_note", "Kim's mother, with parental responsibility")
			.containsEntry("late_acceptance_reason", "Jo was in hospital for most of 2026")
			.containsEntry("accepted_by", "cara.complaints")
			.containsEntry("stage_1_responder", "ian.investigator")
			.containsEntry("investigating_officer", "ian.investigator")
			.containsEntry("independent_person", "Pat Independent")
			.containsEntry("panel_members", List.of("Robin Chair", "Alex Member", "Sam Member"))
			.containsEntry("stage", 3)
			.containsEntry("status", "CLOSED")
			.containsEntry("closure", "REVIEW_COMPLETED")
			.containsEntry("ombudsman_referred_on", LocalDate.of(2027, 5, 10))
			.containsEntry("ombudsman_reference", "LGSCO 27 001 234");
		List<Map<String, Object>> elements = rows(ELEMENTS_OF, "reference", reference);
		assertThat(elements).hasSize(ELEMENTS.size());
		for (int element = 1; element <= ELEMENTS.size(); element++) {
			assertThat(elements.get(element - 1)).containsEntry("position", element)
				.containsEntry("summary", ELEMENTS.get(element - 1))
				.containsEntry("theme", THEMES.get(element - 1));
		}
		Map<String, Object> lateAcknowledgement = row("select * from deadline where task_id = :task", "task",
				acknowledgement);
		assertThat(lateAcknowledgement).containsEntry("status", "BREACHED")
			.containsEntry("delay_reason", "Complaints manager on leave")
			.containsEntry("delay_reason_by", "cara.complaints");
		List<Map<String, Object>> stages = rows(STAGES_OF, "reference", reference);
		assertThat(stages).hasSize(3);
		assertThat(stages.get(0)).containsEntry("requested_at", Instant.parse("2027-02-01T10:00:00Z"))
			.containsEntry("extended_to", 15)
			.containsEntry("extension_reason", "Advocate being arranged")
			.containsEntry("extended_by", "stella.service")
			.containsEntry("extension_notice_on", null)
			.containsEntry("responded_at", Instant.parse("2027-02-10T10:00:00Z"))
			.containsEntry("response_due_at", Instant.parse("2027-02-22T10:00:00Z"))
			.containsEntry("in_time", true)
			.containsEntry("response_summary", "We apologise for the missed calls");
		assertThat(stages.get(1)).containsEntry("requested_at", Instant.parse("2027-02-15T10:00:00Z"))
			.containsEntry("request_window_closed_at", stage2WindowClosed)
			.containsEntry("late_request_reason", null)
			.containsEntry("late_request_accepted_by", null)
			.containsEntry("started_at", Instant.parse("2027-02-17T10:00:00Z"))
			.containsEntry("extended_to", 65)
			.containsEntry("extension_reason", "Many records to read")
			.containsEntry("extended_by", "cara.complaints")
			.containsEntry("extension_notice_on", LocalDate.of(2027, 2, 17))
			.containsEntry("report_summary", "Calls were missed; the assessment kept to its timescale")
			.containsEntry("responded_at", Instant.parse("2027-03-03T10:00:00Z"))
			.containsEntry("response_summary", "The council accepts the report and apologises");
		assertThat(stages.get(2)).containsEntry("requested_at", Instant.parse("2027-04-20T09:00:00Z"))
			.containsEntry("request_window_closed_at", stage3WindowClosed)
			.containsEntry("late_request_reason", "Jo was back in hospital in March")
			.containsEntry("late_request_accepted_by", "cara.complaints")
			.containsEntry("report_summary", "The panel recommends a named worker for the family")
			.containsEntry("responded_at", Instant.parse("2027-05-10T09:00:00Z"))
			.containsEntry("response_summary", "The council accepts every recommendation");
		List<Map<String, Object>> recorded = rows(FINDINGS_OF, "reference", reference);
		assertThat(recorded).hasSize(3 * ELEMENTS.size());
		for (int element = 1; element <= ELEMENTS.size(); element++) {
			assertThat(recorded.get(element - 1)).containsEntry("stage", 1)
				.containsEntry("position", element)
				.containsEntry("finding", finding(1, element))
				.containsEntry("proposed_finding", null)
				.containsEntry("note", note(1, element))
				.containsEntry("recorded_by", "ian.investigator");
			assertThat(recorded.get(ELEMENTS.size() + element - 1)).containsEntry("stage", 2)
				.containsEntry("position", element)
				.containsEntry("finding", finding(3, element))
				.containsEntry("proposed_finding", finding(2, element))
				.containsEntry("note", note(3, element))
				.containsEntry("recorded_by", "stella.service");
			assertThat(recorded.get(2 * ELEMENTS.size() + element - 1)).containsEntry("stage", 3)
				.containsEntry("position", element)
				.containsEntry("finding", finding(5, element))
				.containsEntry("proposed_finding", finding(4, element))
				.containsEntry("note", note(5, element))
				.containsEntry("recorded_by", "stella.service");
		}
	}

	@Test
	void theTrackerAndItsExportsFilterByEveryFieldAndItsFormsStoreAReasonForDelayAndAWithdrawal() {
		WebSession cara = WebSession.signIn(this.port, "cara.complaints");
		at("2026-11-23T09:30:00Z");
		Form newComplaint = Form.ofDate("receivedOn", "", "", "")
			.and("receivedTime", "")
			.and("receivedVia", "Email")
			.and("complainantName", "Lee Carer")
			.and("complainantContact", "lee.carer@example.invalid")
			.and("complainantType", "FOSTER_CARER")
			.and("childName", "Max Carer")
			.date("childDateOfBirth", "3", "3", "2010")
			.and("childConsent", "LACKS_UNDERSTANDING")
			.and("childConsentNote", "Max has a severe learning disability")
			.date("matterAroseOn", "2", "11", "2026")
			.and("element_1", "Placement ended without notice")
			.and("theme_1", "Placement")
			.blank("element_2", "theme_2", "element_3", "theme_3", "element_4", "theme_4", "element_5", "theme_5")
			.blank("desiredOutcome")
			.and("advocacyOffered", "no")
			.blank("advocate");
		String page = post(cara, "/complaints/new", newComplaint);
		String reference = page.replace("/complaints/", "");
		assertThat(complaint(reference)).containsEntry("received_at", Instant.parse("2026-11-23T09:30:00Z"))
			.containsEntry("received_via", "Email")
			.containsEntry("complainant_name", "Lee Carer")
			.containsEntry("complainant_contact", "lee.carer@example.invalid")
			.containsEntry("complainant_type", "FOSTER_CARER")
			.containsEntry("child_name", "Max Carer")
			.containsEntry("child_date_of_birth", LocalDate.of(2010, 3, 3))
			.containsEntry("child_consent", "LACKS_UNDERSTANDING")
			.containsEntry("child_consent_note", "Max has a severe learning disability")
			.containsEntry("matter_arose_on", LocalDate.of(2026, 11, 2))
			.containsEntry("advocacy_offered", false)
			.containsEntry("advocacy_accepted", null)
			.containsEntry("advocate", null)
			.containsEntry("desired_outcome", null);
		List<Map<String, Object>> elements = rows(ELEMENTS_OF, "reference", reference);
		assertThat(elements).hasSize(1);
		assertThat(elements.get(0)).containsEntry("summary", "Placement ended without notice")
			.containsEntry("theme", "Placement");

		at("2026-11-27T09:30:00Z");
		String owner = URLEncoder.encode(UNALLOCATED, StandardCharsets.UTF_8);
		String filters = "stage=1&rag=RED&complainantType=FOSTER_CARER&owner=" + owner + "&awaitingReasonOnly=true";
		String shown = "data-reference=\"" + reference + "\"";
		assertThat(tracker(cara, filters + "&waiting=no")).contains(shown);
		assertThat(tracker(cara, filters.replace("stage=1", "stage=2"))).doesNotContain(shown);
		assertThat(tracker(cara, filters.replace("rag=RED", "rag=GREEN"))).doesNotContain(shown);
		assertThat(tracker(cara, filters.replace("FOSTER_CARER", "PARENT"))).doesNotContain(shown);
		assertThat(tracker(cara, filters.replace(owner, "cara.complaints"))).doesNotContain(shown);
		assertThat(tracker(cara, filters + "&waiting=yes")).doesNotContain(shown);
		HttpResponse<String> csv = cara.get("/complaints/export.csv?" + filters + "&waiting=no");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"open-complaints-2026-11-27.csv\"");
		String exported = csvLine(reference, "Local authority foster carer", "1", ACKNOWLEDGE, UNALLOCATED);
		String due = csvLine("2026-11-26T09:30:00Z", "-1", "RED", "Not extended (up to 20 working days)", ACKNOWLEDGE);
		assertThat(csv.body()).contains(exported + "," + due + "\r\n");
		String otherStage = "/complaints/export.csv?" + filters.replace("stage=1", "stage=2");
		assertThat(cara.get(otherStage).body()).doesNotContain(reference);

		String acknowledgement = complaintTask(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		Object deadline = row("select * from deadline where task_id = :task", "task", acknowledgement).get("id");
		Form reason = Form.of("returnTo", "tracker").and("reason", "Complaints manager off sick");
		assertThat(post(cara, page + "/deadlines/" + deadline + "/reason-for-delay", reason)).isEqualTo("/complaints");
		assertThat(tracker(cara, filters)).doesNotContain(shown);
		String anyReason = filters.replace("awaitingReasonOnly=true", "awaitingReasonOnly=false");
		assertThat(tracker(cara, anyReason)).contains(shown);
		Form withdrawal = Form.of("withdrawalReason", "Resolved by phone with the carer");
		assertThat(post(cara, page + "/withdrawal", withdrawal)).isEqualTo(page);

		assertThat(complaint(reference)).containsEntry("status", "CLOSED")
			.containsEntry("closure", "WITHDRAWN")
			.containsEntry("closed_at", Instant.parse("2026-11-27T09:30:00Z"))
			.containsEntry("withdrawal_reason", "Resolved by phone with the carer");
		Map<String, Object> lateStep = row("select * from deadline where id = :id", "id", deadline);
		assertThat(lateStep).as("gone undone after it was due, with the reason given on the tracker")
			.containsEntry("status", "BREACHED")
			.containsEntry("delay_reason", "Complaints manager off sick")
			.containsEntry("delay_reason_by", "cara.complaints");

		String period = "from-day=1&from-month=4&from-year=2026&to-day=31&to-month=3&to-year=2027";
		String reportPage = cara.get("/complaints/report?" + period).body();
		assertThat(reportPage).contains("Wednesday 1 April 2026 to Wednesday 31 March 2027");
		HttpResponse<String> report = cara.get("/complaints/report.csv?" + period);
		assertThat(report.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"complaints-report-2026-04-01-to-2027-03-31.csv\"");
		Object started = row(STAGE_STARTED, "stage", 1).get("started");
		assertThat(report.body()).contains(csvLine("Period", "From", "2026-04-01") + "\r\n")
			.contains(csvLine("Period", "To", "2027-03-31") + "\r\n")
			.contains(csvLine("Started", "Stage 1 (complaints received)", String.valueOf(started)) + "\r\n");
	}

	@Test
	void workListsShowOnlyWhatTheirFiltersAskForAndEachTaskActionStoresWhoHasTheTask() {
		TimedSteps steps = new TimedSteps(this.repository, this.runtime, this.tasks);
		String prefix = "forms-" + letters(8);
		String late = steps.start("CONTACT_DECISION", "2026-11-20T16:00:00Z", prefix + "-late");
		String moved = steps.start("CONTACT_DECISION", "2026-11-20T16:00:00Z", prefix + "-moved");
		String soon = steps.start("CONTACT_DECISION", "2026-11-24T09:00:00Z", prefix + "-soon");
		Instant tuesday = Instant.parse("2026-11-24T10:00:00Z");
		ClockUtil.setCurrentTime(Date.from(tuesday));
		new Api(this.port).get("/api/me", Tokens.forUser("sid.screener"));
		WebSession sam = WebSession.signIn(this.port, "sam.screener");
		WebSession maya = WebSession.signIn(this.port, "maya.manager");
		String search = "/work?tab=UNASSIGNED&q=" + prefix;
		String ours = "data-test=\"row-" + prefix;

		String lateRow = tagged("row-" + prefix + "-late");
		String movedRow = tagged("row-" + prefix + "-moved");
		String soonRow = tagged("row-" + prefix + "-soon");
		String byDue = sam.get(search + "&processType=SlaTimedStepProcess&rag=&overdue=false&sort=DUE&page=0").body();
		assertThat(byDue).containsSubsequence(lateRow, soonRow).containsSubsequence(movedRow, soonRow);
		assertThat(sam.get(search + "&sort=CREATED").body()).containsSubsequence(soonRow, lateRow);
		assertThat(sam.get(search + "&overdue=true").body()).contains(lateRow, movedRow).doesNotContain(soonRow);
		assertThat(sam.get("/work?tab=DUE&q=" + prefix).body()).contains(lateRow, movedRow).doesNotContain(soonRow);
		assertThat(sam.get(search + "&processType=ContactTriageProcess").body()).doesNotContain(ours);
		assertThat(sam.get(search + "&rag=RED").body()).doesNotContain(ours);
		String secondPage = sam.get(search + "&page=1").body();
		assertThat(secondPage).contains("data-test=\"page-number\">Page 2<").doesNotContain(ours);
		String counts = sam.get("/work/counts?tab=UNASSIGNED&q=" + prefix + "&processType=SlaTimedStepProcess").body();
		assertThat(counts).contains(tagged("count-UNASSIGNED") + ">3<", tagged("count-ASSIGNED") + ">0<");
		String overdueCounts = sam.get("/work/counts?tab=UNASSIGNED&q=" + prefix + "&overdue=true").body();
		assertThat(overdueCounts).contains(tagged("count-UNASSIGNED") + ">2<");
		String amberCounts = sam.get("/work/counts?q=" + prefix + "&rag=AMBER").body();
		assertThat(amberCounts).contains(tagged("count-UNASSIGNED") + ">0<");
		assertThat(redirectOf(maya.get("/work?tab=TEAM"))).isEqualTo("/team");

		Form fromTheList = Form.of("returnTo", "/work?tab=UNASSIGNED");
		assertThat(post(sam, "/tasks/" + late + "/claim", fromTheList)).isEqualTo("/work?tab=UNASSIGNED");
		assertThat(assigneeOf(late)).isEqualTo("sam.screener");
		claim(sam, "sam.screener", "/tasks/", moved);
		claim(sam, "sam.screener", "/tasks/", soon);
		String mine = sam.get("/work?tab=ASSIGNED&q=" + prefix).body();
		assertThat(mine).contains(lateRow, movedRow, soonRow);
		Form givenBack = Form.of("returnTo", "/tasks/" + soon);
		assertThat(post(sam, "/tasks/" + soon + "/unclaim", givenBack)).isEqualTo("/tasks/" + soon);
		assertThat(assigneeOf(soon)).isNull();
		Form completed = Form.of("reasonForDelay", "Police check came back late");
		assertThat(post(sam, "/tasks/" + late + "/complete", completed)).isEqualTo("/work");
		assertThat(this.tasks.createTaskQuery().taskId(late).count()).isZero();
		Map<String, Object> lateStep = row("select * from deadline where task_id = :task", "task", late);
		assertThat(lateStep).containsEntry("status", "BREACHED")
			.containsEntry("completed_by", "sam.screener")
			.containsEntry("completed_at", tuesday)
			.containsEntry("delay_reason", "Police check came back late")
			.containsEntry("delay_reason_by", "sam.screener");

		String team = maya.get("/team?q=" + prefix + "&overdue=false&page=0").body();
		assertThat(team).contains(tagged("team-row-" + prefix + "-soon"), tagged("with-" + prefix + "-moved"))
			.contains(tagged("with-" + prefix + "-moved") + ">sam.screener<")
			.doesNotContain(tagged("team-row-" + prefix + "-late"));
		String overdueTeam = maya.get("/team?q=" + prefix + "&overdue=true").body();
		assertThat(overdueTeam).contains(tagged("team-row-" + prefix + "-moved"))
			.doesNotContain(tagged("team-row-" + prefix + "-soon"));
		assertThat(maya.get("/team?q=" + prefix + "&page=1").body()).doesNotContain("team-row-" + prefix);
		String overdueTotal = maya.get("/team/count?q=" + prefix + "&overdue=true").body();
		assertThat(overdueTotal).contains(tagged("team-total") + ">1<");
		Form reassignment = Form.of("returnTo", "/team")
			.and("task", moved + ":" + versionOf(moved))
			.and("to", "sid.screener")
			.and("reason", "Sam is in court today")
			.and("action", "reassign");
		assertThat(post(maya, "/tasks/reassignment", reassignment)).isEqualTo("/team");
		assertThat(assigneeOf(moved)).isEqualTo("sid.screener");
		Map<String, Object> reassigned = row("select * from work_item_reassignment where task_id = :task", "task",
				moved);
		assertThat(reassigned).containsEntry("reassigned_at", tuesday)
			.containsEntry("reassigned_by", "maya.manager")
			.containsEntry("from_user", "sam.screener")
			.containsEntry("to_user", "sid.screener")
			.containsEntry("reason", "Sam is in court today");

		Map<String, Object> notice = row("select * from notice where recipient_user = 'sam.screener' and link = :link",
				"link", "/tasks/" + moved);
		assertThat(notice).containsEntry("created_at", tuesday)
			.containsEntry("reference", "Timed step " + prefix + "-moved")
			.containsEntry("message", "Moved to Sid Screener by Maya Manager: Do the timed step");
		long noticeId = (Long) notice.get("id");
		int noticesPage = pageOfNotice("sam.screener", "mash-social-worker", noticeId);
		String opens = "action=\"/notices/" + noticeId + "/open\"";
		assertThat(sam.get("/notices?page=" + noticesPage).body()).contains(opens);
		assertThat(sam.get("/notices?page=" + (noticesPage + 1)).body()).doesNotContain(opens);
		assertThat(post(sam, "/notices/" + noticeId + "/open", new Form())).isEqualTo("/tasks/" + moved);
		Map<String, Object> read = row("select * from notice_read where notice_id = :id", "id", noticeId);
		assertThat(read).containsEntry("username", "sam.screener").containsEntry("read_at", tuesday);
	}

	@Test
	void aHubAdminAddsAClosureDayWithItsReasonAndRemovesIt() {
		WebSession ada = WebSession.signIn(this.port, "ada.admin");
		LocalDate day = LocalDate.of(2032, 7, 14);
		Form closure = Form.of("day", "14").and("month", "7").and("year", "2032").and("reason", "Office move");

		assertThat(post(ada, "/admin/calendar/closure-days", closure)).isEqualTo("/admin/calendar");

		Map<String, Object> added = row("select * from closure_day where day = :day", "day", day);
		assertThat(added).containsEntry("reason", "Office move")
			.containsEntry("added_by", "ada.admin")
			.containsEntry("added_at", NOW);
		String removal = "/admin/calendar/closure-days/2032-07-14/remove";
		assertThat(ada.get("/admin/calendar").body()).contains("action=\"" + removal + "\"");
		assertThat(post(ada, removal, new Form())).isEqualTo("/admin/calendar");
		assertThat(rows("select * from closure_day where day = :day", "day", day)).isEmpty();
	}

	/** The phone contact form as the page sends it untouched: every text box, empty. */
	private static Form phoneContactForm(String idempotencyKey) {
		Form form = Form.of("idempotencyKey", idempotencyKey)
			.blank("referrerName", "referrerAgency", "referrerRole", "referrerPhone", "referrerEmail");
		for (int child = 0; child < 3; child++) {
			for (String field : CHILD_FIELDS) {
				form.and("children[" + child + "]." + field, "");
			}
		}
		return form.blank("concerns", "consentGivenBy", "consentNotSoughtReason", "consentLawfulBasis")
			.blank("consentOverrideReason", "consentAuthorisedBy", "dashTicks", "incidents", "safeContactRoute");
	}

	/** A stage's findings form: a finding and a note on each of the five elements. */
	private static Form findings(int step, String summary) {
		Form form = Form.of("summary", summary);
		for (int element = 1; element <= ELEMENTS.size(); element++) {
			form.and("finding_" + element, finding(step, element)).and("note_" + element, note(step, element));
		}
		return form;
	}

	private static String finding(int step, int element) {
		return Finding.values()[(step + element) % Finding.values().length].name();
	}

	private static String note(int step, int element) {
		return "Step " + step + " on element " + element;
	}

	/** Claims the task from its page and comes back to it. */
	private void claim(WebSession session, String username, String pages, String taskId) {
		Form claim = Form.of("returnTo", pages + taskId);
		assertThat(post(session, "/tasks/" + taskId + "/claim", claim)).isEqualTo(pages + taskId);
		assertThat(assigneeOf(taskId)).isEqualTo(username);
	}

	/** Posts the form and returns where the app sent the browser next. */
	private static String post(WebSession session, String path, Form form) {
		return redirectOf(session.post(path, form.fields));
	}

	private static String redirectOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(() -> problemIn(response)).isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		String path = location.getRawPath();
		return (location.getRawQuery() != null) ? path + "?" + location.getRawQuery() : path;
	}

	/** What a page that should have sent the browser on said instead. */
	private static String problemIn(HttpResponse<String> response) {
		String page = response.body().replaceAll("\\s+", " ");
		int from = Math.max(page.indexOf("govuk-error-summary"), 0);
		String shown = page.substring(from, Math.min(page.length(), from + 800));
		return response.uri() + " answered " + response.statusCode() + ": " + shown;
	}

	private static String recordedContact(String page, String children) {
		Pattern banner = Pattern.compile("Contact (C-\\d{4}-\\d{6}) recorded: " + children + " sent for screening\\.");
		Matcher recorded = banner.matcher(page);
		assertThat(recorded.find()).as("the success banner on My work").isTrue();
		return recorded.group(1);
	}

	private String submitContact(String json) throws Exception {
		String token = Tokens.forPartner("police");
		HttpResponse<String> response = new Api(this.port).submitContact(json, UUID.randomUUID().toString(), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("reference").asText();
	}

	private String tracker(WebSession session, String filters) {
		HttpResponse<String> page = session.get("/complaints?" + filters);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	private String taskOf(String reference, int position, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/" + position)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private String complaintTask(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private String assigneeOf(String taskId) {
		return this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

	private Object versionOf(String taskId) {
		return row("select version from work_item where task_id = :task", "task", taskId).get("version");
	}

	private Map<String, Object> complaint(String reference) {
		return row("select * from complaint where reference = :reference", "reference", reference);
	}

	/** Which page of a person's notices shows the notice. */
	private int pageOfNotice(String username, String group, long noticeId) {
		int page = 0;
		List<Notice> shown = this.notices.forReader(username, List.of(group), page, 50);
		while (shown.stream().noneMatch((notice) -> notice.id() == noticeId)) {
			assertThat(shown).as("notice %d is on a page", noticeId).isNotEmpty();
			page++;
			shown = this.notices.forReader(username, List.of(group), page, 50);
		}
		return page;
	}

	private Map<String, Object> row(String sql, String name, Object value) {
		List<Map<String, Object>> found = rows(sql, name, value);
		assertThat(found).as(sql).hasSize(1);
		return found.get(0);
	}

	/** Rows by column name: timestamps as instants, dates as dates, arrays as lists. */
	private List<Map<String, Object>> rows(String sql, String name, Object value) {
		return this.jdbc.sql(sql).param(name, value).query(FormFieldsIntegrationTests::columns).list();
	}

	private static Map<String, Object> columns(ResultSet rs, int rowNum) throws SQLException {
		Map<String, Object> columns = new LinkedHashMap<>();
		ResultSetMetaData meta = rs.getMetaData();
		for (int column = 1; column <= meta.getColumnCount(); column++) {
			columns.put(meta.getColumnLabel(column), plain(rs.getObject(column)));
		}
		return columns;
	}

	private static Object plain(Object value) throws SQLException {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		if (value instanceof Array array) {
			return List.of((Object[]) array.getArray());
		}
		return value;
	}

	private static String tagged(String test) {
		return "data-test=\"" + test + "\"";
	}

	private static String csvLine(String... cells) {
		return Arrays.stream(cells).map((cell) -> "\"" + cell + "\"").collect(Collectors.joining(","));
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private static String uniqueName(String prefix) {
		return prefix + letters(8);
	}

	private static String letters(int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

	private static String spaced(String nhsNumber) {
		return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
	}

	/** A form's fields, in the order a browser sends them. */
	private static final class Form {

		private final MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();

		static Form of(String name, String value) {
			return new Form().and(name, value);
		}

		static Form ofDate(String name, String day, String month, String year) {
			return new Form().date(name, day, month, year);
		}

		Form and(String name, String value) {
			this.fields.set(name, value);
			return this;
		}

		/** One more value for a field of that name, as a second ticked checkbox sends. */
		Form andAlso(String name, String value) {
			this.fields.add(name, value);
			return this;
		}

		/** A date input's three boxes, as a person types the date: "1", "2", "2027". */
		Form date(String name, String day, String month, String year) {
			return and(name + "-day", day).and(name + "-month", month).and(name + "-year", year);
		}

		/** Text boxes left empty, which a browser sends all the same. */
		Form blank(String... names) {
			for (String name : names) {
				this.fields.set(name, "");
			}
			return this;
		}

	}

}
