package org.mashhub.complaints;

import java.net.http.HttpResponse;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.complaints.process.ComplaintProcedure;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints worked through the API on the real stack by business support, the complaints
 * manager, an investigator and a service manager: every due date by the working-day
 * calendar, extensions within their limits, reasons for delay enforced, the tracker, and
 * the annual report matching the database.
 */
@IntegrationTest
class ComplaintsIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

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
	void aComplaintRunsThroughStages1To3WithEveryDueDateByTheWorkingDayCalendar() throws Exception {
		ComplaintSteps.at("2027-02-01T10:00:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2027-02-01T10:00:00Z", "2026-12-01"), this.support);
		assertThat(this.api.get("/api/complaints/" + reference, this.support).statusCode())
			.as("business support logs complaints but does not read them")
			.isEqualTo(403);
		assertThat(this.api.get("/api/complaints/" + reference, this.investigator).statusCode())
			.as("an investigator sees only complaints allocated to them")
			.isEqualTo(404);

		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		assertThat(this.steps.dueOf(acknowledgement)).as("3 working days")
			.isEqualTo(Instant.parse("2027-02-04T10:00:00Z"));
		this.steps.claim(acknowledgement, this.manager);
		assertThat(this.steps
			.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", "{\"eligible\": true}", this.manager)
			.statusCode()).as("accepted without a responder").isEqualTo(400);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement",
				"{\"eligible\": true, \"responder\": \"ian.investigator\"}", this.manager));

		assertThat(this.api.get("/api/complaints/" + reference, this.investigator).statusCode()).isEqualTo(200);
		String stage1 = this.steps.taskOf(reference, ComplaintProcedure.TASK_RESPOND_STAGE_1);
		assertThat(this.steps.dueOf(stage1)).as("10 working days from receipt")
			.isEqualTo(Instant.parse("2027-02-15T10:00:00Z"));
		assertThat(this.steps.extend(reference, "{\"workingDays\": 15, \"reason\": \"Complex\"}", this.manager)
			.statusCode()).as("only a service manager approves a stage 1 extension").isEqualTo(403);
		HttpResponse<String> tooLong = this.steps.extend(reference, "{\"workingDays\": 25, \"reason\": \"Complex\"}",
				this.serviceManager);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("at most 20");
		ComplaintSteps.ok(this.steps.extend(reference, "{\"workingDays\": 15, \"reason\": \"Advocate being arranged\"}",
				this.serviceManager));
		assertThat(this.steps.dueOf(stage1)).as("15 working days").isEqualTo(Instant.parse("2027-02-22T10:00:00Z"));
		assertThat(this.steps.timerOf(reference, "BoundaryEvent_Stage1ResponseOverdue").getDuedate().toInstant())
			.as("the escalation timer moves with the deadline")
			.isEqualTo(Instant.parse("2027-02-22T10:00:00Z"));

		ComplaintSteps.at("2027-02-23T11:00:00Z");
		HttpResponse<String> late = this.steps.post("/api/complaints/tasks/" + stage1 + "/response", findings(null),
				this.investigator);
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(late.body()).get("errors").has("reasonForDelay")).isTrue();
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + stage1 + "/response",
				findings("Investigator on leave"), this.investigator));
		JsonNode answered = this.steps.complaint(reference);
		assertThat(answered.get("status").asText()).isEqualTo("AWAITING_STAGE_2_REQUEST");
		assertThat(answered.get("windowClosesAt").asText()).isEqualTo("2027-03-23T11:00:00Z");
		assertThat(this.steps.stageRow(reference, 1, "in_time", Boolean.class)).isFalse();
		assertThat(this.steps.stageRow(reference, 1, "working_days", Integer.class)).isEqualTo(16);

		ComplaintSteps.at("2027-03-08T10:00:00Z");
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests",
				"{\"stage\": 2, \"requestedOn\": \"2027-03-08\"}", this.manager));
		String record = this.steps.taskOf(reference, ComplaintProcedure.TASK_AGREE_WRITTEN_RECORD);
		assertThat(this.steps.dueOf(record)).isEqualTo(Instant.parse("2027-03-22T10:00:00Z"));
		ComplaintSteps.at("2027-03-15T10:00:00Z");
		this.steps.claim(record, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + record + "/written-record", """
				{"agreedOn": "2027-03-15", "investigatingOfficer": "ian.investigator",
				 "independentPerson": "Pat Independent"}""", this.manager));
		String investigation = this.steps.taskOf(reference, ComplaintProcedure.TASK_INVESTIGATE_STAGE_2);
		assertThat(this.steps.dueOf(investigation))
			.as("25 working days from the agreed record, past Easter, in summer time")
			.isEqualTo(Instant.parse("2027-04-21T09:00:00Z"));
		assertThat(this.steps
			.extend(reference, "{\"workingDays\": 65, \"reason\": \"Many records to read\"}", this.manager)
			.body()).as("the complainant is told in writing first").contains("noticeOn");
		assertThat(this.steps
			.extend(reference, "{\"workingDays\": 66, \"reason\": \"Many records\", \"noticeOn\": \"2027-03-15\"}",
					this.manager)
			.statusCode()).isEqualTo(400);
		ComplaintSteps.ok(this.steps.extend(reference,
				"{\"workingDays\": 65, \"reason\": \"Many records\", \"noticeOn\": \"2027-03-15\"}", this.manager));
		assertThat(this.steps.dueOf(investigation)).isEqualTo(Instant.parse("2027-06-18T09:00:00Z"));

		ComplaintSteps.at("2027-04-12T10:00:00Z");
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + investigation + "/response", findings(null),
				this.investigator));
		String adjudication = this.steps.taskOf(reference, ComplaintProcedure.TASK_ADJUDICATE_STAGE_2);
		assertThat(this.steps.dueOf(adjudication)).as("the extension holds for the adjudication too")
			.isEqualTo(Instant.parse("2027-06-18T09:00:00Z"));
		ComplaintSteps.at("2027-04-20T14:00:00Z");
		this.steps.claim(adjudication, this.serviceManager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + adjudication + "/response", findings(null),
				this.serviceManager));
		assertThat(this.steps.complaint(reference).get("windowClosesAt").asText()).isEqualTo("2027-05-19T14:00:00Z");
		assertThat(this.steps.stageRow(reference, 2, "in_time", Boolean.class)).isTrue();

		ComplaintSteps.at("2027-05-20T09:00:00Z");
		this.management
			.executeJob(this.steps.timerOf(reference, ComplaintProcedure.CATCH_STAGE_3_WINDOW_PASSED).getId());
		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("RESOLVED_AT_STAGE_2");

		ComplaintSteps.at("2027-07-23T13:00:00Z");
		HttpResponse<String> lateRequest = this.steps.post("/api/complaints/" + reference + "/stage-requests",
				"{\"stage\": 3, \"requestedOn\": \"2027-07-23\"}", this.manager);
		assertThat(lateRequest.statusCode()).isEqualTo(400);
		assertThat(lateRequest.body()).contains("lateReason");
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests",
				"{\"stage\": 3, \"requestedOn\": \"2027-07-23\", \"lateReason\": \"Complainant was in hospital\"}",
				this.manager));
		assertThat(this.steps.complaint(reference).get("status").asText()).isEqualTo("OPEN");
		String panel = this.steps.taskOf(reference, ComplaintProcedure.TASK_CONVENE_PANEL);
		assertThat(this.steps.dueOf(panel)).as("30 working days, past the August bank holiday")
			.isEqualTo(Instant.parse("2027-09-06T13:00:00Z"));

		ComplaintSteps.at("2027-09-08T10:00:00Z");
		this.steps.claim(panel, this.manager);
		HttpResponse<String> sameAsStage2 = this.steps.post("/api/complaints/tasks/" + panel + "/panel-meeting", """
				{"members": ["Robin Chair", "pat  independent", "Sam Member"], "metOn": "2027-09-07",
				 "reasonForDelay": "Panel availability"}""", this.manager);
		assertThat(sameAsStage2.statusCode()).isEqualTo(400);
		assertThat(sameAsStage2.body()).contains("cannot sit on the review panel");
		assertThat(this.steps.post("/api/complaints/tasks/" + panel + "/panel-meeting", """
				{"members": ["Robin Chair", "Alex Member", "Sam Member"], "metOn": "2027-09-07"}""", this.manager)
			.statusCode()).as("the panel met late: a reason for delay first").isEqualTo(400);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + panel + "/panel-meeting", """
				{"members": ["Robin Chair", "Alex Member", "Sam Member"], "metOn": "2027-09-07",
				 "reasonForDelay": "Panel availability over the summer"}""", this.manager));
		String report = this.steps.taskOf(reference, ComplaintProcedure.TASK_RECORD_PANEL_REPORT);
		assertThat(this.steps.dueOf(report)).as("5 working days from the meeting day")
			.isEqualTo(Instant.parse("2027-09-14T08:00:00Z"));
		ComplaintSteps.at("2027-09-13T10:00:00Z");
		this.steps.claim(report, this.manager);
		ComplaintSteps
			.ok(this.steps.post("/api/complaints/tasks/" + report + "/response", findings(null), this.manager));
		String response = this.steps.taskOf(reference, ComplaintProcedure.TASK_RESPOND_TO_PANEL);
		assertThat(this.steps.dueOf(response)).isEqualTo(Instant.parse("2027-10-04T10:00:00Z"));
		ComplaintSteps.at("2027-10-01T10:00:00Z");
		this.steps.claim(response, this.serviceManager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + response + "/response", findings(null),
				this.serviceManager));
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/ombudsman-referral",
				"{\"referredOn\": \"2027-10-01\", \"reference\": \"LGSCO 27 001 234\"}", this.manager));

		JsonNode closed = this.steps.complaint(reference);
		assertThat(closed.get("closure").asText()).isEqualTo("REVIEW_COMPLETED");
		assertThat(closed.get("elements").get(0).get("findings").get("3").get("finding").asText())
			.isEqualTo("PARTLY_UPHELD");
		assertThat(this.steps.stageRow(reference, 3, "in_time", Boolean.class)).as("the panel met late").isFalse();
		JsonNode deadlines = JSON
			.readTree(this.api.get("/api/complaints/" + reference + "/deadlines", this.manager).body());
		assertThat(deadlines.findValuesAsText("status")).containsExactly("MET", "BREACHED", "MET", "MET", "MET",
				"BREACHED", "MET", "MET");
	}

	@Test
	void aStage2ExtendedToItsMaximumIsDueWhenAFreshDeadlineOfThatLengthWouldBe() throws Exception {
		// The written record agreed and entered on Sunday 29 November 2026 at 20:00
		String reference = aComplaintInItsStage2Investigation("2026-11-29T20:00:00Z");
		String investigation = this.steps.taskOf(reference, ComplaintProcedure.TASK_INVESTIGATE_STAGE_2);
		assertThat(this.steps.dueOf(investigation)).as("25 working days: past Christmas and the 28 December substitute")
			.isEqualTo(Instant.parse("2027-01-06T17:00:00Z"));

		ComplaintSteps.ok(this.steps.extend(reference,
				"{\"workingDays\": 65, \"reason\": \"Many records\", \"noticeOn\": \"2026-11-29\"}", this.manager));

		assertThat(this.steps.dueOf(investigation)).as("65 working days from the same anchor, not the next morning")
			.isEqualTo(Instant.parse("2027-03-03T17:00:00Z"));
		assertThat(this.steps.timerOf(reference, "BoundaryEvent_InvestigationOverdue").getDuedate().toInstant())
			.isEqualTo(Instant.parse("2027-03-03T17:00:00Z"));
		JsonNode deadlines = JSON
			.readTree(this.api.get("/api/complaints/" + reference + "/deadlines", this.manager).body());
		assertThat(deadlines.get(deadlines.size() - 1).get("dueAt").asText()).isEqualTo("2027-03-03T17:00:00Z");
	}

	@Test
	void theGenericLedgerNeverExtendsOrStopsAComplaintsClockAndNamesTheProceduresWay() throws Exception {
		String reference = aComplaintInItsStage2Investigation("2026-11-30T10:00:00Z");
		String deadline = null;
		for (JsonNode entry : JSON.readTree(
				this.api.get("/api/deadlines?subjectType=ComplaintProcess&subjectId=" + reference, this.serviceManager)
					.body())) {
			if ("OPEN".equals(entry.get("status").asText())) {
				deadline = entry.get("id").asText();
			}
		}

		HttpResponse<String> extension = this.steps.post("/api/deadlines/" + deadline + "/extension",
				"{\"amount\": 65, \"reason\": \"Complex\"}", this.serviceManager);
		HttpResponse<String> pause = this.steps.post("/api/deadlines/" + deadline + "/pause",
				"{\"reason\": \"Advocate\"}", this.serviceManager);

		assertThat(extension.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(extension.body()).get("detail").asText())
			.contains("POST /api/complaints/" + reference + "/extension");
		assertThat(pause.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(pause.body()).get("detail").asText()).contains("stops no clock");
		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcedure.TASK_INVESTIGATE_STAGE_2)))
			.isEqualTo(Instant.parse("2027-01-07T10:00:00Z"));
		assertThat(count("select count(*) from complaint_stage s join complaint c on c.id = s.complaint_id "
				+ "where c.reference = '" + reference + "' and s.extended_to is not null"))
			.isZero();
		assertThat(count("select count(*) from deadline_pause p join deadline d on d.id = p.deadline_id "
				+ "where d.subject_id = '" + reference + "'"))
			.isZero();
	}

	@Test
	void aComplaintsDeadlinesAreReadOnlyByThoseWhoMayReadTheComplaint() throws Exception {
		String reference = aComplaintInItsStage2Investigation("2026-11-30T10:00:00Z");
		String path = "/api/deadlines?subjectType=ComplaintProcess&subjectId=";
		HttpResponse<String> police = this.api.get(path + reference, Tokens.forUser("paul.police"));
		HttpResponse<String> unknown = this.api.get(path + "CMP-1999-99999", Tokens.forUser("paul.police"));

		assertThat(police.statusCode()).isEqualTo(404);
		assertThat(police.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unknown.statusCode()).as("a complaint one may not read looks like one that does not exist")
			.isEqualTo(404);
		assertThat(this.api.get(path + reference, Tokens.forUser("maya.manager")).statusCode()).isEqualTo(404);
		JsonNode read = JSON.readTree(this.api.get(path + reference, this.manager).body());
		assertThat(read.findValuesAsText("policy")).contains("COMPLAINT_STAGE_2_RESPONSE");
		String deadline = read.get(0).get("id").asText();
		assertThat(this.api.get("/api/deadlines/" + deadline, Tokens.forUser("paul.police")).statusCode())
			.isEqualTo(404);
		assertThat(this.api.get("/api/deadlines/" + deadline, this.investigator).statusCode())
			.as("the investigating officer reads the complaint allocated to them")
			.isEqualTo(200);
	}

	@Test
	void theTrackerShowsALateStepRedUntilItsReasonForDelayIsRecorded() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2026-11-23T09:30:00Z", "2026-10-01"), this.support);
		ComplaintSteps.at("2026-11-27T09:30:00Z");
		assertThat(this.api.get("/api/complaints/tracker", this.investigator).statusCode()).isEqualTo(403);

		JsonNode row = trackerRow(reference);
		assertThat(row.get("currentStep").asText()).isEqualTo("Acknowledge and decide acceptance");
		assertThat(row.get("rag").asText()).isEqualTo("RED");
		assertThat(row.get("workingDaysLeft").asInt()).as("due Thursday, now Friday").isEqualTo(-1);
		assertThat(row.get("awaitingReason")).hasSize(1);
		String deadline = row.get("awaitingReason").get(0).get("id").asText();

		ComplaintSteps
			.ok(this.steps.post("/api/complaints/" + reference + "/deadlines/" + deadline + "/reason-for-delay",
					"{\"reason\": \"Complaints manager off sick\"}", this.manager));

		assertThat(trackerRow(reference).get("awaitingReason")).isEmpty();
		String csv = this.api.get("/api/complaints/tracker.csv?rag=RED", this.manager).body();
		assertThat(csv).startsWith("Reference,Complainant,Stage,Current step,Owner,Due,Working days left,RAG,")
			.contains("\"" + reference
					+ "\",\"Parent\",\"1\",\"Acknowledge and decide acceptance\",\"Unallocated (complaints-manager)\",\"2026-11-26T09:30:00Z\",\"-1\",\"RED\"");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement",
				"{\"eligible\": true, \"responder\": \"ian.investigator\"}", this.manager));
		assertThat(this.jdbc.sql("select delay_reason from deadline where task_id = :task")
			.param("task", acknowledgement)
			.query(String.class)
			.single()).as("the reason given on the tracker is the one the step keeps")
			.isEqualTo("Complaints manager off sick");
	}

	@Test
	void anInvestigatorSeesOnlyWorkAllocatedToThemByName() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2026-11-23T09:30:00Z", "2026-10-01"), this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement",
				"{\"eligible\": true, \"responder\": \"ian.investigator\"}", this.manager));
		String stage1 = this.steps.taskOf(reference, ComplaintProcedure.TASK_RESPOND_STAGE_1);
		assertThat(this.api.get("/api/tasks/" + stage1, this.investigator).statusCode()).isEqualTo(200);

		ComplaintSteps.ok(this.api.send("POST", "/api/tasks/" + stage1 + "/unclaim", null, this.investigator));

		assertThat(this.api.get("/api/tasks/" + stage1, this.investigator).statusCode())
			.as("back in the investigators' pool, which no investigator sees")
			.isEqualTo(404);
		assertThat(this.api.get("/api/tasks?tab=UNASSIGNED", this.investigator).body()).doesNotContain(stage1);
		assertThat(this.api.send("POST", "/api/tasks/" + stage1 + "/claim", null, this.investigator).statusCode())
			.isEqualTo(404);
		JsonNode task = JSON.readTree(this.api.get("/api/tasks/" + stage1, this.manager).body());
		ComplaintSteps.ok(this.steps.post("/api/tasks/reassignment", """
				{"tasks": [{"taskId": "%s", "version": %d}], "to": "ian.investigator", "reason": "Back to Ian"}"""
			.formatted(stage1, task.get("version").asInt()), this.manager));
		assertThat(this.api.get("/api/tasks/" + stage1, this.investigator).statusCode()).isEqualTo(200);
	}

	@Test
	void aWithdrawalClosesTheComplaintAndCancelsItsOpenStep() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2026-11-23T09:30:00Z", "2026-10-01"), this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		assertThat(this.jdbc.sql("select subject_label from work_item where task_id = :task")
			.param("task", acknowledgement)
			.query(String.class)
			.single()).as("the work queue names the complaint, never the complainant")
			.isEqualTo("Complaint " + reference + " (parent)");

		assertThat(this.steps.post("/api/complaints/" + reference + "/withdrawal", "{\"reason\": \" \"}", this.manager)
			.statusCode()).isEqualTo(400);
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/withdrawal",
				"{\"reason\": \"Resolved by phone\"}", this.manager));

		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("WITHDRAWN");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
		assertThat(this.jdbc.sql("select status from deadline where task_id = :task")
			.param("task", acknowledgement)
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void aComplaintIsLoggedOnlyWithWhatTheProcedureNeeds() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		HttpResponse<String> refused = this.steps.post("/api/complaints", """
				{"receivedVia": "Letter", "complainantName": "Jo Parent", "complainantContact": "1 High St",
				 "complainantType": "PARENT", "childName": "Kim Parent", "childDateOfBirth": "2012-05-01",
				 "matterAroseOn": "2026-10-01", "elements": [{"summary": "No reply", "theme": "Delay"}]}""",
				this.support);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(refused.body()).get("errors").fieldNames()).toIterable()
			.as("a 14-year-old must agree to a complaint made for them")
			.containsExactly("childConsent");
		HttpResponse<String> child = this.steps.post("/api/complaints", """
				{"receivedVia": "Phone", "complainantName": "Kim", "complainantContact": "07700 900000",
				 "complainantType": "CHILD", "matterAroseOn": "2026-10-01",
				 "elements": [{"summary": "My social worker keeps changing", "theme": "Quality of service"}]}""",
				this.support);
		assertThat(JSON.readTree(child.body()).get("errors").fieldNames()).toIterable()
			.as("a child complaining is offered an advocate")
			.containsExactly("advocacyOffered");
		assertThat(this.steps.post("/api/complaints", "{}", Tokens.forUser("paul.police")).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/complaints/report", this.support).statusCode()).isEqualTo(403);
	}

	@Test
	void aComplaintAboutAnOldMatterIsTakenOnlyWithTheManagersReason() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2026-11-23T09:30:00Z", "2024-06-01"), this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);

		HttpResponse<String> refused = this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement",
				"{\"eligible\": true, \"responder\": \"ian.investigator\"}", this.manager);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("acceptLate");
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement", """
				{"eligible": true, "acceptLate": false, "lateReason": "No good reason for the delay; records gone"}""",
				this.manager));

		JsonNode closed = this.steps.complaint(reference);
		assertThat(closed.get("closure").asText()).isEqualTo("OUT_OF_TIME");
		assertThat(closed.get("lateAcceptanceReason").asText()).startsWith("No good reason");
	}

	@Test
	void theAnnualReportMatchesTheComplaintsInTheDatabaseForThePeriod() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		this.steps.log(aComplaintFromAParent("2026-11-23T09:30:00Z", "2026-10-01"), this.support);
		String from = "2026-04-01";
		String to = "2027-03-31";
		JsonNode report = JSON
			.readTree(this.api.get("/api/complaints/report?from=" + from + "&to=" + to, this.serviceManager).body());

		String inPeriod = "between cast('" + from + "' as date) and cast('" + to + "' as date)";
		String local = " at time zone 'Europe/London')::date ";
		assertThat(report.get("started").get("1").asInt()).isEqualTo(
				count("select count(*) from complaint_stage where stage = 1 and (requested_at" + local + inPeriod));
		assertThat(report.get("started").get("2").asInt()).isEqualTo(
				count("select count(*) from complaint_stage where stage = 2 and (requested_at" + local + inPeriod));
		assertThat(report.get("byComplainant").get("PARENT").asInt())
			.isEqualTo(count("select count(*) from complaint where complainant_type = 'PARENT' and (received_at" + local
					+ inPeriod));
		assertThat(report.get("timeliness").get("1").get("responses").asInt()).isEqualTo(
				count("select count(*) from complaint_stage where stage = 1 and (responded_at" + local + inPeriod));
		assertThat(report.get("timeliness").get("1").get("inTime").asInt())
			.isEqualTo(count("select count(*) from complaint_stage where stage = 1 and in_time and (responded_at"
					+ local + inPeriod));
		assertThat(report.get("themes").get("Delay").asInt()).isEqualTo(count("""
				select count(*) from complaint_element e join complaint c on c.id = e.complaint_id
				where e.theme = 'Delay' and (c.received_at""" + local + inPeriod));
		assertThat(report.get("advocacyOffered").asInt()).isEqualTo(
				count("select count(*) from complaint where advocacy_offered and (received_at" + local + inPeriod));
		assertThat(report.get("started").get("1").asInt()).isPositive();
		String csv = this.api.get("/api/complaints/report.csv?from=" + from + "&to=" + to, this.serviceManager).body();
		assertThat(csv)
			.contains(
					"\"Started\",\"Stage 1 (complaints received)\",\"" + report.get("started").get("1").asInt() + "\"")
			.contains(
					"\"Stage 1\",\"Responses\",\"" + report.get("timeliness").get("1").get("responses").asInt() + "\"");
	}

	/**
	 * A complaint received on 2 November 2026, answered at stage 1, whose stage 2 written
	 * record is agreed and entered at {@code agreedAt}, the engine clock left there.
	 */
	private String aComplaintInItsStage2Investigation(String agreedAt) throws Exception {
		ComplaintSteps.at("2026-11-02T10:00:00Z");
		String reference = this.steps.log(aComplaintFromAParent("2026-11-02T10:00:00Z", "2026-10-01"), this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcedure.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + acknowledgement + "/acknowledgement",
				"{\"eligible\": true, \"responder\": \"ian.investigator\"}", this.manager));
		ComplaintSteps.at("2026-11-10T10:00:00Z");
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/"
				+ this.steps.taskOf(reference, ComplaintProcedure.TASK_RESPOND_STAGE_1) + "/response", findings(null),
				this.investigator));
		ComplaintSteps.at("2026-11-20T10:00:00Z");
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/stage-requests",
				"{\"stage\": 2, \"requestedOn\": \"2026-11-20\"}", this.manager));
		ComplaintSteps.at(agreedAt);
		String record = this.steps.taskOf(reference, ComplaintProcedure.TASK_AGREE_WRITTEN_RECORD);
		this.steps.claim(record, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + record + "/written-record", """
				{"agreedOn": "%s", "investigatingOfficer": "ian.investigator",
				 "independentPerson": "Pat Independent"}""".formatted(agreedAt.substring(0, 10)), this.manager));
		return reference;
	}

	private String aComplaintFromAParent(String receivedAt, String matterAroseOn) {
		return """
				{"receivedAt": "%s", "receivedVia": "Letter", "complainantName": "Jo Parent",
				 "complainantContact": "1 High Street, Anytown", "complainantType": "PARENT",
				 "childName": "Kim Parent", "childDateOfBirth": "2012-05-01", "childConsent": "WRITTEN_CONSENT",
				 "matterAroseOn": "%s", "advocacyOffered": false,
				 "elements": [{"summary": "Nobody returned my calls", "theme": "Communication"},
				              {"summary": "The assessment took too long", "theme": "Delay"}]}""".formatted(receivedAt,
				matterAroseOn);
	}

	private static String findings(String reasonForDelay) {
		return """
				{"findings": {"1": {"finding": "PARTLY_UPHELD", "note": "Some calls missed"},
				              "2": {"finding": "NOT_UPHELD"}},
				 "summary": "Apology for the missed calls; the assessment was within timescale"%s}"""
			.formatted((reasonForDelay != null) ? ", \"reasonForDelay\": \"" + reasonForDelay + "\"" : "");
	}

	private JsonNode trackerRow(String reference) throws Exception {
		JsonNode rows = JSON.readTree(this.api.get("/api/complaints/tracker", this.manager).body());
		for (JsonNode row : rows) {
			if (row.get("reference").asText().equals(reference)) {
				return row;
			}
		}
		throw new AssertionError(reference + " is not on the tracker: " + rows);
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}
