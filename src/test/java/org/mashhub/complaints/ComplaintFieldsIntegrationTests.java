package org.mashhub.complaints;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the complaints API, submitted on the real stack and read back as it was
 * stored: the complaint as logged, the acknowledgement, each stage's answer, the written
 * record, the review panel, requests, extensions, withdrawal, Ombudsman referral and
 * reasons for delay, the tracker's filters and the report's period.
 */
@IntegrationTest
class ComplaintFieldsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String RECEIVED_ON_2_NOVEMBER = "2026-11-02T10:00:00Z";

	private static final String ACCEPTED = "{\"eligible\": true, \"responder\": \"ian.investigator\"}";

	private static final String FINDINGS = """
			{"findings": {"1": {"finding": "PARTLY_UPHELD", "note": "Some calls missed"},
			              "2": {"finding": "NOT_UPHELD"}},
			 "summary": "Apology for the missed calls; the assessment was within timescale"}""";

	private static final String WRITTEN_RECORD = """
			{"agreedOn": "2026-11-30", "investigatingOfficer": "ian.investigator",
			 "independentPerson": "Pat Independent"}""";

	private static final String PANEL = """
			{"members": ["Robin Chair", "Alex Member", "Sam Member"], "metOn": "2026-12-16"}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	private Api api;

	private ComplaintSteps steps;

	private final String support = Tokens.forUser("bella.support");

	private final String manager = Tokens.forUser("cara.complaints");

	private final String investigator = Tokens.forUser("ian.investigator");

	private final String serviceManager = Tokens.forUser("stella.service");

	@BeforeEach
	void startTheApi() {
		this.api = new Api(this.port);
		this.steps = new ComplaintSteps(this.api, this.tasks, this.management, this.jdbc, this.manager);
		// Known to the staff directory, as after their first sign-in
		this.api.get("/api/tasks", this.investigator);
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aLoggedComplaintKeepsEveryDetailAsReceived() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String json = """
				{"receivedAt": "2026-11-20T16:45:00Z", "receivedVia": "Email", "complainantName": "Morgan Fieldtest",
				 "complainantContact": "morgan.fieldtest@example.org", "complainantType": "PARENT",
				 "childName": "Riley Fieldtest", "childDateOfBirth": "2013-02-14",
				 "childConsent": "LACKS_UNDERSTANDING", "childConsentNote": "Riley has a severe learning disability",
				 "matterAroseOn": "2026-09-15",
				 "elements": [{"summary": "Riley's plan was not reviewed", "theme": "Quality of service"},
				              {"summary": "Letters went astray", "theme": "Records and information"}],
				 "advocacyOffered": true, "advocacyAccepted": true, "advocate": "Dee Advocate, Coram Voice",
				 "desiredOutcome": "A review of Riley's plan and an apology"}""";

		JsonNode logged = this.steps.complaint(this.steps.log(json, this.support));

		assertThat(logged.get("receivedAt").asText()).isEqualTo("2026-11-20T16:45:00Z");
		assertThat(logged.get("receivedVia").asText()).isEqualTo("Email");
		assertThat(logged.get("complainantName").asText()).isEqualTo("Morgan Fieldtest");
		assertThat(logged.get("complainantContact").asText()).isEqualTo("morgan.fieldtest@example.org");
		assertThat(logged.get("complainantType").asText()).isEqualTo("PARENT");
		assertThat(logged.get("childName").asText()).isEqualTo("Riley Fieldtest");
		assertThat(logged.get("childDateOfBirth").asText()).isEqualTo("2013-02-14");
		assertThat(logged.get("childConsent").asText()).isEqualTo("LACKS_UNDERSTANDING");
		assertThat(logged.get("childConsentNote").asText()).isEqualTo("Riley has a severe learning disability");
		assertThat(logged.get("matterAroseOn").asText()).isEqualTo("2026-09-15");
		JsonNode elements = logged.get("elements");
		assertThat(elements).hasSize(2);
		assertThat(elements.get(0).get("position")).isEqualTo(IntNode.valueOf(1));
		assertThat(elements.get(0).get("summary").asText()).isEqualTo("Riley's plan was not reviewed");
		assertThat(elements.get(0).get("theme").asText()).isEqualTo("Quality of service");
		assertThat(elements.get(1).get("position")).isEqualTo(IntNode.valueOf(2));
		assertThat(elements.get(1).get("summary").asText()).isEqualTo("Letters went astray");
		assertThat(elements.get(1).get("theme").asText()).isEqualTo("Records and information");
		assertThat(logged.get("advocacyOffered")).isEqualTo(BooleanNode.TRUE);
		assertThat(logged.get("advocacyAccepted")).isEqualTo(BooleanNode.TRUE);
		assertThat(logged.get("advocate").asText()).isEqualTo("Dee Advocate, Coram Voice");
		assertThat(logged.get("desiredOutcome").asText()).isEqualTo("A review of Riley's plan and an apology");
		assertThat(logged.get("loggedAt").asText()).isEqualTo("2026-11-23T09:30:00Z");
		assertThat(logged.get("loggedBy").asText()).isEqualTo("bella.support");
		assertThat(logged.get("stages").get(0).get("startedAt").asText()).isEqualTo("2026-11-20T16:45:00Z");
	}

	@Test
	void aChildsOwnComplaintKeepsTheAdvocateOfferedAndDeclined() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String json = """
				{"receivedAt": "2026-11-23T09:00:00Z", "receivedVia": "Phone", "complainantName": "Sky Fieldchild",
				 "complainantContact": "07700 900123", "complainantType": "CHILD", "matterAroseOn": "2026-11-01",
				 "elements": [{"summary": "My social worker keeps changing", "theme": "Quality of service"}],
				 "advocacyOffered": true, "advocacyAccepted": false,
				 "desiredOutcome": "One social worker who stays"}""";

		JsonNode logged = this.steps.complaint(this.steps.log(json, this.support));

		assertThat(logged.get("complainantType").asText()).isEqualTo("CHILD");
		assertThat(logged.get("advocacyOffered")).isEqualTo(BooleanNode.TRUE);
		assertThat(logged.get("advocacyAccepted")).isEqualTo(BooleanNode.FALSE);
		assertThat(logged.get("advocate")).isEqualTo(NullNode.getInstance());
		assertThat(logged.get("childName")).isEqualTo(NullNode.getInstance());
		assertThat(logged.get("childConsent")).isEqualTo(NullNode.getInstance());
		assertThat(logged.get("desiredOutcome").asText()).isEqualTo("One social worker who stays");
		assertThat(logged.get("elements")).hasSize(1);
	}

	@Test
	void anOldMatterAcceptedLateKeepsTheReasonTheNoteAndTheResponder() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Casey Latematter", "2026-11-23T09:30:00Z", "2025-10-01");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		ComplaintSteps.at("2026-11-24T11:00:00Z");
		this.steps.claim(acknowledgement, this.manager);
		String json = """
				{"eligible": true, "eligibilityNote": "Mother with parental responsibility", "acceptLate": true,
				 "lateReason": "It came to light in the court bundle", "responder": "ian.investigator"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", json, this.manager));

		JsonNode accepted = this.steps.complaint(reference);
		assertThat(accepted.get("eligible")).isEqualTo(BooleanNode.TRUE);
		assertThat(accepted.get("eligibilityNote").asText()).isEqualTo("Mother with parental responsibility");
		assertThat(accepted.get("lateAcceptanceReason").asText()).isEqualTo("It came to light in the court bundle");
		assertThat(accepted.get("acceptedBy").asText()).isEqualTo("cara.complaints");
		assertThat(accepted.get("acknowledgedBy").asText()).isEqualTo("cara.complaints");
		assertThat(accepted.get("acknowledgedAt").asText()).isEqualTo("2026-11-24T11:00:00Z");
		assertThat(accepted.get("stage1Responder").asText()).isEqualTo("ian.investigator");
		assertThat(accepted.get("status").asText()).isEqualTo("OPEN");
		assertThat(accepted.get("closure")).isEqualTo(NullNode.getInstance());
		String stage1 = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
		assertThat(assigneeOf(stage1)).isEqualTo("ian.investigator");
	}

	@Test
	void anIneligibleComplaintClosesWithTheManagersNote() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("SUFFICIENT_INTEREST", "Pat Fieldneighbour", "2026-11-23T09:30:00Z", "2026-10-01");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		ComplaintSteps.at("2026-11-24T11:00:00Z");
		this.steps.claim(acknowledgement, this.manager);
		String json = """
				{"eligible": false, "eligibilityNote": "A neighbour, no sufficient interest"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", json, this.manager));

		JsonNode closed = this.steps.complaint(reference);
		assertThat(closed.get("eligible")).isEqualTo(BooleanNode.FALSE);
		assertThat(closed.get("eligibilityNote").asText()).isEqualTo("A neighbour, no sufficient interest");
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("closure").asText()).isEqualTo("NOT_ELIGIBLE");
		assertThat(closed.get("closedAt").asText()).isEqualTo("2026-11-24T11:00:00Z");
		assertThat(closed.get("acceptedBy")).isEqualTo(NullNode.getInstance());
		assertThat(closed.get("stage1Responder")).isEqualTo(NullNode.getInstance());
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
	}

	@Test
	void aLateAcknowledgementKeepsItsReasonForDelayOnItsDeadline() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Dale Lateack", "2026-11-23T09:30:00Z", "2026-10-01");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		ComplaintSteps.at("2026-11-27T10:00:00Z");
		this.steps.claim(acknowledgement, this.manager);
		String json = """
				{"eligible": true, "responder": "ian.investigator", "reasonForDelay": "Complaints manager on leave"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", json, this.manager));

		JsonNode deadline = deadlineOf(reference, acknowledgement);
		assertThat(deadline.get("dueAt").asText()).as("3 working days").isEqualTo("2026-11-26T09:30:00Z");
		assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(deadline.get("delayReason").asText()).isEqualTo("Complaints manager on leave");
		assertThat(deadline.get("delayReasonBy").asText()).isEqualTo("cara.complaints");
		assertThat(deadline.get("completedAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
	}

	@Test
	void theStage1ResponseKeepsEachFindingItsNoteTheSummaryAndTheReasonForDelay() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Drew Stageone", "2026-11-23T09:30:00Z", "2026-10-01");
		ComplaintSteps.at("2026-11-24T10:00:00Z");
		accept(reference);
		String stage1 = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
		ComplaintSteps.at("2026-12-08T14:00:00Z");
		String json = """
				{"findings": {"1": {"finding": "UPHELD", "note": "Three calls went unanswered"},
				              "2": {"finding": "NOT_UPHELD", "note": "The assessment was within timescale"}},
				 "summary": "We are sorry the calls were missed",
				 "reasonForDelay": "Investigator off sick for a week"}""";

		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + stage1 + "/response", json, this.investigator));

		JsonNode answered = this.steps.complaint(reference);
		JsonNode first = finding(answered, 1, 1);
		assertThat(first.get("stage")).isEqualTo(IntNode.valueOf(1));
		assertThat(first.get("finding").asText()).isEqualTo("UPHELD");
		assertThat(first.get("proposed")).isEqualTo(NullNode.getInstance());
		assertThat(first.get("note").asText()).isEqualTo("Three calls went unanswered");
		assertThat(first.get("recordedBy").asText()).isEqualTo("ian.investigator");
		assertThat(first.get("recordedAt").asText()).isEqualTo("2026-12-08T14:00:00Z");
		JsonNode second = finding(answered, 2, 1);
		assertThat(second.get("finding").asText()).isEqualTo("NOT_UPHELD");
		assertThat(second.get("note").asText()).isEqualTo("The assessment was within timescale");
		JsonNode stage = answered.get("stages").get(0);
		assertThat(stage.get("responseSummary").asText()).isEqualTo("We are sorry the calls were missed");
		assertThat(stage.get("respondedAt").asText()).isEqualTo("2026-12-08T14:00:00Z");
		assertThat(stage.get("responseDueAt").asText()).as("10 working days").isEqualTo("2026-12-07T09:30:00Z");
		assertThat(stage.get("inTime")).isEqualTo(BooleanNode.FALSE);
		JsonNode deadline = deadlineOf(reference, stage1);
		assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(deadline.get("delayReason").asText()).isEqualTo("Investigator off sick for a week");
	}

	@Test
	void theStage2ReportAndAdjudicationKeepTheirFindingsSummariesAndReasonForDelay() throws Exception {
		String reference = aComplaintInItsStage2Investigation(aParentsComplaint("Eli Stagetwo"));
		String investigation = this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		ComplaintSteps.at("2027-01-05T10:00:00Z");
		String report = """
				{"findings": {"1": {"finding": "UPHELD", "note": "Calls logged but not returned"},
				              "2": {"finding": "PARTLY_UPHELD", "note": "Two weeks lost waiting for a panel"}},
				 "summary": "Report: calls missed, plan late"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + investigation + "/response", report, this.investigator));

		JsonNode reported = this.steps.complaint(reference);
		assertThat(finding(reported, 1, 2).get("finding").asText()).isEqualTo("UPHELD");
		assertThat(finding(reported, 1, 2).get("proposed").asText()).isEqualTo("UPHELD");
		assertThat(finding(reported, 1, 2).get("note").asText()).isEqualTo("Calls logged but not returned");
		assertThat(finding(reported, 1, 2).get("recordedBy").asText()).isEqualTo("ian.investigator");
		assertThat(finding(reported, 2, 2).get("proposed").asText()).isEqualTo("PARTLY_UPHELD");
		assertThat(finding(reported, 2, 2).get("note").asText()).isEqualTo("Two weeks lost waiting for a panel");
		assertThat(this.steps.stageRow(reference, 2, "report_summary", String.class))
			.isEqualTo("Report: calls missed, plan late");
		assertThat(deadlineOf(reference, investigation).get("status").asText()).isEqualTo("MET");

		String adjudication = this.steps.taskOf(reference, ComplaintProcess.TASK_ADJUDICATE_STAGE_2);
		ComplaintSteps.at("2027-01-08T15:00:00Z");
		this.steps.claim(adjudication, this.serviceManager);
		String decision = """
				{"findings": {"1": {"finding": "PARTLY_UPHELD", "note": "Most calls were returned within a day"},
				              "2": {"finding": "NOT_UPHELD", "note": "The panel date was outside the team's control"}},
				 "summary": "Adjudication: an apology for the missed calls",
				 "reasonForDelay": "Service manager at a conference"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + adjudication + "/response", decision, this.serviceManager));

		JsonNode adjudicated = this.steps.complaint(reference);
		JsonNode first = finding(adjudicated, 1, 2);
		assertThat(first.get("finding").asText()).isEqualTo("PARTLY_UPHELD");
		assertThat(first.get("proposed").asText()).as("the investigating officer's").isEqualTo("UPHELD");
		assertThat(first.get("note").asText()).isEqualTo("Most calls were returned within a day");
		assertThat(first.get("recordedBy").asText()).isEqualTo("stella.service");
		assertThat(first.get("recordedAt").asText()).isEqualTo("2027-01-08T15:00:00Z");
		JsonNode second = finding(adjudicated, 2, 2);
		assertThat(second.get("finding").asText()).isEqualTo("NOT_UPHELD");
		assertThat(second.get("proposed").asText()).isEqualTo("PARTLY_UPHELD");
		assertThat(second.get("note").asText()).isEqualTo("The panel date was outside the team's control");
		JsonNode stage = adjudicated.get("stages").get(1);
		assertThat(stage.get("responseSummary").asText()).isEqualTo("Adjudication: an apology for the missed calls");
		assertThat(stage.get("inTime")).isEqualTo(BooleanNode.FALSE);
		assertThat(this.steps.stageRow(reference, 2, "report_summary", String.class))
			.isEqualTo("Report: calls missed, plan late");
		JsonNode deadline = deadlineOf(reference, adjudication);
		assertThat(deadline.get("dueAt").asText()).as("25 working days").isEqualTo("2027-01-07T10:00:00Z");
		assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(deadline.get("delayReason").asText()).isEqualTo("Service manager at a conference");
	}

	@Test
	void theWrittenRecordKeepsItsDayTheOfficerTheIndependentPersonAndTheReasonForDelay() throws Exception {
		String reference = aComplaintAnsweredAtStage1(aParentsComplaint("Flynn Writtenrecord"));
		ComplaintSteps.at("2026-11-20T10:00:00Z");
		String request = "{\"stage\": 2, \"requestedOn\": \"2026-11-20\"}";
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests", request, this.manager));
		String record = this.steps.taskOf(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		ComplaintSteps.at("2026-12-07T11:00:00Z");
		this.steps.claim(record, this.manager);
		String json = """
				{"agreedOn": "2026-12-04", "investigatingOfficer": "ian.investigator",
				 "independentPerson": "Pat Independent",
				 "reasonForDelay": "The complainant changed the record twice"}""";

		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + record + "/written-record", json, this.manager));

		JsonNode agreed = this.steps.complaint(reference);
		assertThat(agreed.get("investigatingOfficer").asText()).isEqualTo("ian.investigator");
		assertThat(agreed.get("independentPerson").asText()).isEqualTo("Pat Independent");
		String started = agreed.get("stages").get(1).get("startedAt").asText();
		assertThat(started).as("the opening of the day agreed").isEqualTo("2026-12-04T09:00:00Z");
		JsonNode deadline = deadlineOf(reference, record);
		assertThat(deadline.get("dueAt").asText()).as("10 working days").isEqualTo("2026-12-04T10:00:00Z");
		assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(deadline.get("delayReason").asText()).isEqualTo("The complainant changed the record twice");
		String investigation = this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		assertThat(assigneeOf(investigation)).isEqualTo("ian.investigator");
		Instant due = this.steps.dueOf(investigation);
		assertThat(due).as("25 working days from the day agreed").isEqualTo(Instant.parse("2027-01-13T09:00:00Z"));
	}

	@Test
	void theReviewPanelKeepsItsMembersItsMeetingDayAndTheReasonForDelay() throws Exception {
		String reference = aComplaintAskingForAReviewPanel(aParentsComplaint("Frankie Panelmeet"));
		String panel = this.steps.taskOf(reference, ComplaintProcess.TASK_CONVENE_PANEL);
		assertThat(this.steps.dueOf(panel)).as("30 working days").isEqualTo(Instant.parse("2027-01-26T10:00:00Z"));
		ComplaintSteps.at("2027-01-28T10:00:00Z");
		this.steps.claim(panel, this.manager);
		String json = """
				{"members": ["Robin Chair", "Alex Member", "Sam Member"], "metOn": "2027-01-27",
				 "reasonForDelay": "Panel members could not meet sooner"}""";

		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + panel + "/panel-meeting", json, this.manager));

		List<String> members = texts(this.steps.complaint(reference).get("panelMembers"));
		assertThat(members).containsExactly("Robin Chair", "Alex Member", "Sam Member");
		JsonNode deadline = deadlineOf(reference, panel);
		assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(deadline.get("delayReason").asText()).isEqualTo("Panel members could not meet sooner");
		JsonNode report = deadlineOf(reference,
				this.steps.taskOf(reference, ComplaintProcess.TASK_RECORD_PANEL_REPORT));
		assertThat(report.get("anchorAt").asText()).as("the opening of the day met").isEqualTo("2027-01-27T09:00:00Z");
		assertThat(report.get("dueAt").asText()).as("5 working days").isEqualTo("2027-02-03T09:00:00Z");
	}

	@Test
	void thePanelReportAndTheCouncilsResponseKeepTheirFindingsSummariesAndReasonsForDelay() throws Exception {
		String reference = aComplaintAskingForAReviewPanel(aParentsComplaint("Harper Panelreport"));
		String panel = this.steps.taskOf(reference, ComplaintProcess.TASK_CONVENE_PANEL);
		ComplaintSteps.at("2026-12-17T10:00:00Z");
		this.steps.claim(panel, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + panel + "/panel-meeting", PANEL, this.manager));
		String report = this.steps.taskOf(reference, ComplaintProcess.TASK_RECORD_PANEL_REPORT);
		ComplaintSteps.at("2026-12-24T10:00:00Z");
		this.steps.claim(report, this.manager);
		String recommendations = """
				{"findings": {"1": {"finding": "UPHELD", "note": "The panel recommends a written apology"},
				              "2": {"finding": "PARTLY_UPHELD", "note": "The panel recommends a review"}},
				 "summary": "Panel: apologise and review",
				 "reasonForDelay": "The chair's draft needed a second meeting"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + report + "/response", recommendations, this.manager));

		JsonNode recommended = this.steps.complaint(reference);
		assertThat(finding(recommended, 1, 3).get("finding").asText()).isEqualTo("UPHELD");
		assertThat(finding(recommended, 1, 3).get("proposed").asText()).isEqualTo("UPHELD");
		assertThat(finding(recommended, 1, 3).get("note").asText()).isEqualTo("The panel recommends a written apology");
		assertThat(finding(recommended, 1, 3).get("recordedBy").asText()).isEqualTo("cara.complaints");
		assertThat(finding(recommended, 2, 3).get("proposed").asText()).isEqualTo("PARTLY_UPHELD");
		assertThat(finding(recommended, 2, 3).get("note").asText()).isEqualTo("The panel recommends a review");
		assertThat(this.steps.stageRow(reference, 3, "report_summary", String.class))
			.isEqualTo("Panel: apologise and review");
		JsonNode reportDeadline = deadlineOf(reference, report);
		assertThat(reportDeadline.get("dueAt").asText()).as("5 working days").isEqualTo("2026-12-23T09:00:00Z");
		assertThat(reportDeadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(reportDeadline.get("delayReason").asText()).isEqualTo("The chair's draft needed a second meeting");

		String response = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_TO_PANEL);
		ComplaintSteps.at("2027-01-20T10:00:00Z");
		this.steps.claim(response, this.serviceManager);
		String council = """
				{"findings": {"1": {"finding": "UPHELD", "note": "The council accepts the apology recommendation"},
				              "2": {"finding": "NOT_UPHELD", "note": "Timescales were met; no review needed"}},
				 "summary": "Council: apology sent",
				 "reasonForDelay": "Awaiting the director's sign-off"}""";

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + response + "/response", council, this.serviceManager));

		JsonNode responded = this.steps.complaint(reference);
		JsonNode first = finding(responded, 1, 3);
		assertThat(first.get("finding").asText()).isEqualTo("UPHELD");
		assertThat(first.get("proposed").asText()).isEqualTo("UPHELD");
		assertThat(first.get("note").asText()).isEqualTo("The council accepts the apology recommendation");
		assertThat(first.get("recordedBy").asText()).isEqualTo("stella.service");
		JsonNode second = finding(responded, 2, 3);
		assertThat(second.get("finding").asText()).isEqualTo("NOT_UPHELD");
		assertThat(second.get("proposed").asText()).as("the panel's").isEqualTo("PARTLY_UPHELD");
		assertThat(second.get("note").asText()).isEqualTo("Timescales were met; no review needed");
		JsonNode stage = responded.get("stages").get(2);
		assertThat(stage.get("responseSummary").asText()).isEqualTo("Council: apology sent");
		assertThat(stage.get("respondedAt").asText()).isEqualTo("2027-01-20T10:00:00Z");
		assertThat(responded.get("closure").asText()).isEqualTo("REVIEW_COMPLETED");
		JsonNode responseDeadline = deadlineOf(reference, response);
		assertThat(responseDeadline.get("dueAt").asText()).as("15 working days").isEqualTo("2027-01-19T10:00:00Z");
		assertThat(responseDeadline.get("status").asText()).isEqualTo("BREACHED");
		assertThat(responseDeadline.get("delayReason").asText()).isEqualTo("Awaiting the director's sign-off");
	}

	@Test
	void aLateStageRequestKeepsItsDayItsReasonAndWhoAcceptedIt() throws Exception {
		String reference = aComplaintAnsweredAtStage1(aParentsComplaint("Gray Laterequest"));
		String windowCloses = this.steps.complaint(reference).get("windowClosesAt").asText();
		assertThat(windowCloses).as("20 working days").isEqualTo("2026-12-08T10:00:00Z");
		ComplaintSteps.at("2026-12-09T09:00:00Z");
		this.management.executeJob(this.steps.timerOf(reference, ComplaintProcess.CATCH_STAGE_2_WINDOW_PASSED).getId());
		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("RESOLVED_AT_STAGE_1");
		ComplaintSteps.at("2026-12-11T10:00:00Z");
		String json = """
				{"stage": 2, "requestedOn": "2026-12-10", "lateReason": "The letter went to the wrong team"}""";

		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests", json, this.manager));

		JsonNode reopened = this.steps.complaint(reference);
		assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
		assertThat(reopened.get("stage")).isEqualTo(IntNode.valueOf(2));
		assertThat(reopened.get("closure")).isEqualTo(NullNode.getInstance());
		JsonNode stage = reopened.get("stages").get(1);
		assertThat(stage.get("stage")).isEqualTo(IntNode.valueOf(2));
		assertThat(stage.get("requestedAt").asText()).as("the day's opening").isEqualTo("2026-12-10T09:00:00Z");
		assertThat(stage.get("requestWindowClosedAt").asText()).isEqualTo("2026-12-08T10:00:00Z");
		assertThat(stage.get("lateRequestReason").asText()).isEqualTo("The letter went to the wrong team");
		assertThat(stage.get("lateRequestAcceptedBy").asText()).isEqualTo("cara.complaints");
		Instant due = this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD));
		assertThat(due).as("10 working days from the day asked").isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
	}

	@Test
	void aStage1ExtensionKeepsItsDaysItsReasonAndTheServiceManagerWhoApprovedIt() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Indy Extendone", "2026-11-23T09:30:00Z", "2026-10-01");
		ComplaintSteps.at("2026-11-24T10:00:00Z");
		accept(reference);
		String stage1 = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
		ComplaintSteps.at("2026-11-25T10:00:00Z");
		String json = "{\"workingDays\": 18, \"reason\": \"An advocate is being arranged\"}";

		ComplaintSteps.ok(this.steps.extend(reference, json, this.serviceManager));

		JsonNode stage = this.steps.complaint(reference).get("stages").get(0);
		assertThat(stage.get("extendedTo")).isEqualTo(IntNode.valueOf(18));
		assertThat(stage.get("extensionReason").asText()).isEqualTo("An advocate is being arranged");
		assertThat(stage.get("extendedBy").asText()).isEqualTo("stella.service");
		assertThat(stage.get("extensionNoticeOn")).isEqualTo(NullNode.getInstance());
		JsonNode deadline = deadlineOf(reference, stage1);
		assertThat(deadline.get("dueAt").asText()).as("18 working days").isEqualTo("2026-12-17T09:30:00Z");
		assertThat(deadline.get("extendedBy").asText()).isEqualTo("stella.service");
		assertThat(deadline.get("extensionReason").asText()).isEqualTo("An advocate is being arranged");
		assertThat(this.steps.dueOf(stage1)).isEqualTo(Instant.parse("2026-12-17T09:30:00Z"));
	}

	@Test
	void aStage2ExtensionKeepsItsDaysItsReasonAndTheDayTheComplainantWasTold() throws Exception {
		String reference = aComplaintInItsStage2Investigation(aParentsComplaint("Jamie Extendtwo"));
		String investigation = this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		ComplaintSteps.at("2026-12-02T11:00:00Z");
		String json = """
				{"workingDays": 40, "reason": "Records held by three teams", "noticeOn": "2026-12-01"}""";

		ComplaintSteps.ok(this.steps.extend(reference, json, this.manager));

		JsonNode stage = this.steps.complaint(reference).get("stages").get(1);
		assertThat(stage.get("extendedTo")).isEqualTo(IntNode.valueOf(40));
		assertThat(stage.get("extensionReason").asText()).isEqualTo("Records held by three teams");
		assertThat(stage.get("extendedBy").asText()).isEqualTo("cara.complaints");
		assertThat(stage.get("extensionNoticeOn").asText()).isEqualTo("2026-12-01");
		JsonNode deadline = deadlineOf(reference, investigation);
		assertThat(deadline.get("extendedBy").asText()).isEqualTo("cara.complaints");
		assertThat(deadline.get("extensionReason").asText()).isEqualTo("Records held by three teams");
		Instant due = this.steps.dueOf(investigation);
		assertThat(due).as("40 working days from the agreed record").isEqualTo(Instant.parse("2027-01-28T10:00:00Z"));
	}

	@Test
	void aWithdrawalKeepsItsReason() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Kit Withdrawn", "2026-11-23T09:30:00Z", "2026-10-01");
		ComplaintSteps.at("2026-11-25T14:00:00Z");
		String json = "{\"reason\": \"Resolved by a call with the team manager\"}";

		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/withdrawal", json, this.manager));

		JsonNode withdrawn = this.steps.complaint(reference);
		assertThat(withdrawn.get("withdrawalReason").asText()).isEqualTo("Resolved by a call with the team manager");
		assertThat(withdrawn.get("closure").asText()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.get("status").asText()).isEqualTo("CLOSED");
		assertThat(withdrawn.get("closedAt").asText()).isEqualTo("2026-11-25T14:00:00Z");
	}

	@Test
	void anOmbudsmanReferralKeepsItsDayAndReference() throws Exception {
		String reference = aComplaintAnsweredAtStage1(aParentsComplaint("Lee Ombudsman"));
		ComplaintSteps.at("2026-11-20T10:00:00Z");
		String json = "{\"referredOn\": \"2026-11-19\", \"reference\": \"LGSCO 26 012 345\"}";

		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/ombudsman-referral", json, this.manager));

		JsonNode referred = this.steps.complaint(reference);
		assertThat(referred.get("ombudsmanReferredOn").asText()).isEqualTo("2026-11-19");
		assertThat(referred.get("ombudsmanReference").asText()).isEqualTo("LGSCO 26 012 345");
		assertThat(referred.get("status").asText()).isEqualTo("AWAITING_STAGE_2_REQUEST");
	}

	@Test
	void aReasonForDelayGivenOnItsOwnIsKeptOnTheDeadline() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = logged("PARENT", "Max Delayreason", "2026-11-23T09:30:00Z", "2026-10-01");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		ComplaintSteps.at("2026-11-27T09:30:00Z");
		String deadline = deadlineOf(reference, acknowledgement).get("id").asText();
		String path = "/api/complaints/" + reference + "/deadlines/" + deadline + "/reason-for-delay";

		ComplaintSteps.ok(this.steps.post(path, "{\"reason\": \"Complaints manager off sick\"}", this.manager));

		JsonNode explained = deadlineOf(reference, acknowledgement);
		assertThat(explained.get("delayReason").asText()).isEqualTo("Complaints manager off sick");
		assertThat(explained.get("delayReasonBy").asText()).isEqualTo("cara.complaints");
		assertThat(explained.get("status").asText()).isEqualTo("BREACHED");
		assertThat(explained.get("completedAt")).as("the step is still open").isEqualTo(NullNode.getInstance());
	}

	@Test
	void eachTrackerFilterKeepsTheComplaintThatMatchesAndLeavesTheOther() throws Exception {
		String leaver = aComplaintAwaitingAReviewPanelRequest(aCareLeaversComplaint("Blake Trackerleaver"));
		ComplaintSteps.at("2026-12-09T09:30:00Z");
		String parent = logged("PARENT", "Avery Trackerparent", "2026-12-09T09:30:00Z", "2026-11-01");
		ComplaintSteps.at("2026-12-15T10:00:00Z");
		this.steps.claim(this.steps.taskOf(parent, ComplaintProcess.TASK_ACKNOWLEDGE), this.manager);

		assertThat(trackerReferences("")).contains(parent, leaver);
		assertTheTrackerKeeps("stage=1", parent, leaver);
		assertTheTrackerKeeps("stage=2", leaver, parent);
		assertTheTrackerKeeps("rag=RED", parent, leaver);
		assertTheTrackerKeeps("rag=NONE", leaver, parent);
		assertTheTrackerKeeps("owner=cara.complaints", parent, leaver);
		assertTheTrackerKeeps("owner=Complainant", leaver, parent);
		assertTheTrackerKeeps("complainantType=PARENT", parent, leaver);
		assertTheTrackerKeeps("complainantType=CARE_LEAVER", leaver, parent);
		assertTheTrackerKeeps("awaitingReasonOnly=true", parent, leaver);
		assertTheTrackerKeeps("waiting=true", leaver, parent);
		assertTheTrackerKeeps("waiting=false", parent, leaver);
	}

	@Test
	void theReportCountsAComplaintOnlyInAPeriodThatIncludesTheDayItWasReceived() throws Exception {
		ComplaintSteps.at("2026-06-17T10:00:00Z");
		JsonNode before = report("2026-06-17", "2026-06-17");
		int onTheDay = before.get("started").get("1").asInt();
		int guardiansOnTheDay = before.get("byComplainant").path("SPECIAL_GUARDIAN").asInt();
		int fromTheDayAfter = startedAtStage1("2026-06-18", "2026-06-30");
		int toTheDayBefore = startedAtStage1("2026-06-10", "2026-06-16");

		logged("SPECIAL_GUARDIAN", "Jules Reportguardian", "2026-06-17T10:00:00Z", "2026-05-01");

		JsonNode including = report("2026-06-17", "2026-06-17");
		assertThat(including.get("started").get("1").asInt()).isEqualTo(onTheDay + 1);
		assertThat(including.get("byComplainant").get("SPECIAL_GUARDIAN").asInt()).isEqualTo(guardiansOnTheDay + 1);
		assertThat(startedAtStage1("2026-06-18", "2026-06-30")).as("from after the day").isEqualTo(fromTheDayAfter);
		assertThat(startedAtStage1("2026-06-10", "2026-06-16")).as("to before the day").isEqualTo(toTheDayBefore);
		assertThat(reportCsv("2026-06-17", "2026-06-17")).contains(startedLine(onTheDay + 1));
		assertThat(reportCsv("2026-06-18", "2026-06-30")).contains(startedLine(fromTheDayAfter));
		assertThat(reportCsv("2026-06-10", "2026-06-16")).contains(startedLine(toTheDayBefore));
	}

	/**
	 * A complaint received on 2 November 2026 and answered at stage 1 on 10 November, the
	 * engine clock left there.
	 */
	private String aComplaintAnsweredAtStage1(String complaint) throws Exception {
		ComplaintSteps.at(RECEIVED_ON_2_NOVEMBER);
		String reference = this.steps.log(complaint, this.support);
		accept(reference);
		ComplaintSteps.at("2026-11-10T10:00:00Z");
		String stage1 = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + stage1 + "/response", FINDINGS, this.investigator));
		return reference;
	}

	/**
	 * Then asked for stage 2 on 20 November, its written record agreed and entered on 30
	 * November at 10:00, the engine clock left there.
	 */
	private String aComplaintInItsStage2Investigation(String complaint) throws Exception {
		String reference = aComplaintAnsweredAtStage1(complaint);
		ComplaintSteps.at("2026-11-20T10:00:00Z");
		String request = "{\"stage\": 2, \"requestedOn\": \"2026-11-20\"}";
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests", request, this.manager));
		ComplaintSteps.at("2026-11-30T10:00:00Z");
		String record = this.steps.taskOf(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		this.steps.claim(record, this.manager);
		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + record + "/written-record", WRITTEN_RECORD, this.manager));
		return reference;
	}

	/**
	 * Then reported on 7 December and adjudicated on 8 December, every step in time, the
	 * engine clock left there.
	 */
	private String aComplaintAwaitingAReviewPanelRequest(String complaint) throws Exception {
		String reference = aComplaintInItsStage2Investigation(complaint);
		ComplaintSteps.at("2026-12-07T10:00:00Z");
		String investigation = this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + investigation + "/response", FINDINGS, this.investigator));
		ComplaintSteps.at("2026-12-08T10:00:00Z");
		String adjudication = this.steps.taskOf(reference, ComplaintProcess.TASK_ADJUDICATE_STAGE_2);
		this.steps.claim(adjudication, this.serviceManager);
		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + adjudication + "/response", FINDINGS, this.serviceManager));
		return reference;
	}

	/**
	 * Then a review panel asked for at 10:00 on 10 December, the engine clock left there.
	 */
	private String aComplaintAskingForAReviewPanel(String complaint) throws Exception {
		String reference = aComplaintAwaitingAReviewPanelRequest(complaint);
		ComplaintSteps.at("2026-12-10T10:00:00Z");
		String request = "{\"stage\": 3, \"requestedOn\": \"2026-12-10\"}";
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests", request, this.manager));
		return reference;
	}

	private void accept(String reference) {
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", ACCEPTED,
				this.manager));
	}

	private String logged(String type, String name, String receivedAt, String matterAroseOn) throws Exception {
		return this.steps.log(aComplaint(type, name, receivedAt, matterAroseOn), this.support);
	}

	/** A parent's complaint received on 2 November 2026. */
	private static String aParentsComplaint(String name) {
		return aComplaint("PARENT", name, RECEIVED_ON_2_NOVEMBER, "2026-10-01");
	}

	private static String aComplaint(String type, String name, String receivedAt, String matterAroseOn) {
		return """
				{"receivedAt": "%s", "receivedVia": "Letter", "complainantName": "%s",
				 "complainantContact": "1 High Street, Anytown", "complainantType": "%s",
				 "childName": "Kim Parent", "childDateOfBirth": "2012-05-01", "childConsent": "WRITTEN_CONSENT",
				 "matterAroseOn": "%s",
				 "elements": [{"summary": "Nobody returned my calls", "theme": "Communication"},
				              {"summary": "The assessment took too long", "theme": "Delay"}],
				 "advocacyOffered": false}""".formatted(receivedAt, name, type, matterAroseOn);
	}

	/** A care leaver's complaint, for themselves, received on 2 November 2026. */
	private static String aCareLeaversComplaint(String name) {
		return """
				{"receivedAt": "%s", "receivedVia": "Online form", "complainantName": "%s",
				 "complainantContact": "2 Low Road, Anytown", "complainantType": "CARE_LEAVER",
				 "matterAroseOn": "2026-10-01",
				 "elements": [{"summary": "My pathway plan was never updated", "theme": "Quality of service"},
				              {"summary": "Nobody told me about my grant", "theme": "Communication"}],
				 "advocacyOffered": false}""".formatted(RECEIVED_ON_2_NOVEMBER, name);
	}

	/** What an element was found at a stage. */
	private static JsonNode finding(JsonNode complaint, int element, int stage) {
		return complaint.get("elements").get(element - 1).get("findings").get(String.valueOf(stage));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add(item.asText());
		}
		return texts;
	}

	/** The complaint's deadline of one task, as the complaints manager reads it. */
	private JsonNode deadlineOf(String reference, String taskId) throws Exception {
		HttpResponse<String> found = this.api.get("/api/complaints/" + reference + "/deadlines", this.manager);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		for (JsonNode deadline : JSON.readTree(found.body())) {
			if (taskId.equals(deadline.get("taskId").asText())) {
				return deadline;
			}
		}
		throw new AssertionError("No deadline of task " + taskId + ": " + found.body());
	}

	private List<String> trackerReferences(String filter) throws Exception {
		HttpResponse<String> tracker = this.api.get("/api/complaints/tracker?" + filter, this.manager);
		assertThat(tracker.statusCode()).as(tracker.body()).isEqualTo(200);
		List<String> references = new ArrayList<>();
		for (JsonNode row : JSON.readTree(tracker.body())) {
			references.add(row.get("reference").asText());
		}
		return references;
	}

	/** The tracker and its CSV, filtered, show one complaint and not the other. */
	private void assertTheTrackerKeeps(String filter, String kept, String left) throws Exception {
		assertThat(trackerReferences(filter)).as(filter).contains(kept).doesNotContain(left);
		HttpResponse<String> csv = this.api.get("/api/complaints/tracker.csv?" + filter, this.manager);
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		assertThat(csv.body()).as(filter).contains("\"" + kept + "\"").doesNotContain("\"" + left + "\"");
	}

	private JsonNode report(String from, String to) throws Exception {
		HttpResponse<String> report = this.api.get("/api/complaints/report" + period(from, to), this.serviceManager);
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		return JSON.readTree(report.body());
	}

	private String reportCsv(String from, String to) {
		HttpResponse<String> csv = this.api.get("/api/complaints/report.csv" + period(from, to), this.serviceManager);
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		return csv.body();
	}

	private int startedAtStage1(String from, String to) throws Exception {
		return report(from, to).get("started").get("1").asInt();
	}

	private static String period(String from, String to) {
		return "?from=" + from + "&to=" + to;
	}

	private static String startedLine(int count) {
		return "\"Started\",\"Stage 1 (complaints received)\",\"" + count + "\"\r\n";
	}

	private String assigneeOf(String taskId) {
		return this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

}
