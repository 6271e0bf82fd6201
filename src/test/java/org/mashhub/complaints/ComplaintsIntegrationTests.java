package org.mashhub.complaints;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Complaints worked through the API on the real stack by business support, the complaints
 * manager, an investigator and a service manager: every due date by the working-day
 * calendar, extensions within their limits, reasons for delay enforced, the tracker, and
 * the annual report matching the database. One outcome per test; the procedure up to it
 * comes from the helpers at the end, one complaint received on Monday 1 February 2027 and
 * worked through all three stages on fixed instants.
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

	private final String investigator = Tokens.forUser(ComplaintFixtures.INVESTIGATOR);

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

	// Logging and acknowledging

	@Test
	void businessSupportLogsAComplaintButCannotReadIt() throws Exception {
		String reference = aComplaintReceivedOn1February2027();

		assertThat(this.api.get("/api/complaints/" + reference, this.support).statusCode())
			.as("business support logs complaints but does not read them")
			.isEqualTo(403);
	}

	@Test
	void anInvestigatorReadsAComplaintOnlyOnceItIsAllocatedToThem() throws Exception {
		String reference = aComplaintReceivedOn1February2027();
		assertThat(this.api.get("/api/complaints/" + reference, this.investigator).statusCode())
			.as("an investigator sees only complaints allocated to them")
			.isEqualTo(404);

		accept(reference);

		assertThat(this.api.get("/api/complaints/" + reference, this.investigator).statusCode()).isEqualTo(200);
	}

	@Test
	void anAcknowledgementIsDueInThreeWorkingDays() throws Exception {
		String reference = aComplaintReceivedOn1February2027();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE)))
			.as("3 working days")
			.isEqualTo(Instant.parse("2027-02-04T10:00:00Z"));
	}

	@Test
	void aComplaintIsNotAcceptedWithoutAStage1Responder() throws Exception {
		String acknowledgement = this.steps.taskOf(aComplaintReceivedOn1February2027(),
				ComplaintProcess.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);

		HttpResponse<String> accepted = this.steps.post(acknowledgementPath(acknowledgement), "{\"eligible\": true}",
				this.manager);

		assertThat(accepted.statusCode()).as("accepted without a responder").isEqualTo(400);
	}

	// Stage 1

	@Test
	void aStage1ResponseIsDueTenWorkingDaysFromReceipt() throws Exception {
		String reference = anAcceptedComplaint();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1)))
			.as("10 working days from receipt")
			.isEqualTo(Instant.parse("2027-02-15T10:00:00Z"));
	}

	@Test
	void onlyAServiceManagerApprovesAStage1Extension() throws Exception {
		String reference = anAcceptedComplaint();

		HttpResponse<String> extended = this.steps.extend(reference, ComplaintFixtures.anExtension(15, "Complex"),
				this.manager);

		assertThat(extended.statusCode()).as("only a service manager approves a stage 1 extension").isEqualTo(403);
	}

	@Test
	void aStage1ExtensionBeyond20WorkingDaysIsRefused() throws Exception {
		String reference = anAcceptedComplaint();

		HttpResponse<String> tooLong = this.steps.extend(reference, ComplaintFixtures.anExtension(25, "Complex"),
				this.serviceManager);

		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("at most 20");
	}

	@Test
	void aStage1ExtensionMovesTheResponsesDueDateAndItsEscalationTimer() throws Exception {
		String reference = aComplaintWithStage1ExtendedTo15WorkingDays();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1)))
			.as("15 working days")
			.isEqualTo(Instant.parse("2027-02-22T10:00:00Z"));
		assertThat(
				this.steps.timerOf(reference, ComplaintProcess.TIMER_STAGE_1_RESPONSE_OVERDUE).getDuedate().toInstant())
			.as("the escalation timer moves with the deadline")
			.isEqualTo(Instant.parse("2027-02-22T10:00:00Z"));
	}

	@Test
	void aLateStage1ResponseNeedsAReasonForDelay() throws Exception {
		String reference = aComplaintWithStage1ExtendedTo15WorkingDays();
		ComplaintSteps.at("2027-02-23T11:00:00Z");

		HttpResponse<String> late = this.steps.post(
				responsePath(this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1)),
				ComplaintFixtures.aResponse(), this.investigator);

		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(late.body()).get("errors").has("reasonForDelay")).isTrue();
	}

	@Test
	void aStage1ResponseOpensTheStage2WindowFor20WorkingDays() throws Exception {
		String reference = aComplaintAnsweredLateAtStage1();

		JsonNode answered = this.steps.complaint(reference);

		assertThat(answered.get("status").asText()).isEqualTo("AWAITING_STAGE_2_REQUEST");
		assertThat(answered.get("windowClosesAt").asText()).isEqualTo("2027-03-23T11:00:00Z");
	}

	@Test
	void aLateStage1ResponseCountsAsLateWithTheWorkingDaysItTook() throws Exception {
		String reference = aComplaintAnsweredLateAtStage1();

		assertThat(this.steps.stageRow(reference, 1, "in_time", Boolean.class)).isFalse();
		assertThat(this.steps.stageRow(reference, 1, "working_days", Integer.class)).isEqualTo(16);
	}

	// Stage 2

	@Test
	void theWrittenRecordIsDueTenWorkingDaysFromTheStage2Request() throws Exception {
		String reference = aComplaintWithStage2Requested();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD)))
			.isEqualTo(Instant.parse("2027-03-22T10:00:00Z"));
	}

	@Test
	void aStage2InvestigationIsDue25WorkingDaysFromTheAgreedRecordPastEaster() throws Exception {
		String reference = aComplaintInItsStage2InvestigationFrom15March2027();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2)))
			.as("25 working days from the agreed record, past Easter, in summer time")
			.isEqualTo(Instant.parse("2027-04-21T09:00:00Z"));
	}

	@Test
	void aStage2ExtensionWaitsUntilTheComplainantIsToldInWriting() throws Exception {
		String reference = aComplaintInItsStage2InvestigationFrom15March2027();

		HttpResponse<String> untold = this.steps.extend(reference,
				ComplaintFixtures.anExtension(65, "Many records to read"), this.manager);

		assertThat(untold.body()).as("the complainant is told in writing first").contains("noticeOn");
	}

	@Test
	void aStage2ExtensionBeyond65WorkingDaysIsRefused() throws Exception {
		String reference = aComplaintInItsStage2InvestigationFrom15March2027();

		HttpResponse<String> tooLong = this.steps.extend(reference,
				ComplaintFixtures.anExtensionToldInWriting(66, "Many records", "2027-03-15"), this.manager);

		assertThat(tooLong.statusCode()).isEqualTo(400);
	}

	@Test
	void aStage2ExtendedTo65WorkingDaysMovesTheInvestigationsDueDate() throws Exception {
		String reference = aComplaintWithStage2ExtendedTo65WorkingDays();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2)))
			.isEqualTo(Instant.parse("2027-06-18T09:00:00Z"));
	}

	@Test
	void aStage2ExtensionHoldsForTheAdjudicationToo() throws Exception {
		String reference = aComplaintAwaitingItsStage2Adjudication();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_ADJUDICATE_STAGE_2)))
			.as("the extension holds for the adjudication too")
			.isEqualTo(Instant.parse("2027-06-18T09:00:00Z"));
	}

	@Test
	void aStage2ResponseOpensTheReviewPanelWindowFor20WorkingDays() throws Exception {
		String reference = aComplaintAnsweredAtStage2();

		assertThat(this.steps.complaint(reference).get("windowClosesAt").asText()).isEqualTo("2027-05-19T14:00:00Z");
	}

	@Test
	void aStage2AnsweredWithinItsExtensionIsInTime() throws Exception {
		String reference = aComplaintAnsweredAtStage2();

		assertThat(this.steps.stageRow(reference, 2, "in_time", Boolean.class)).isTrue();
	}

	@Test
	void noReviewPanelAskedForWithinTheWindowClosesTheComplaintAtStage2() throws Exception {
		String reference = aComplaintClosedAtStage2();

		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("RESOLVED_AT_STAGE_2");
	}

	// Stage 3: the review panel

	@Test
	void aReviewPanelAskedForAfterTheWindowNeedsTheManagersReason() throws Exception {
		String reference = aComplaintClosedAtStage2();
		ComplaintSteps.at("2027-07-23T13:00:00Z");

		HttpResponse<String> lateRequest = this.steps.post(stageRequestsPath(reference),
				ComplaintFixtures.aStageRequest(3, "2027-07-23"), this.manager);

		assertThat(lateRequest.statusCode()).isEqualTo(400);
		assertThat(lateRequest.body()).contains("lateReason");
	}

	@Test
	void aLateReviewPanelRequestTakenWithTheManagersReasonReopensTheComplaint() throws Exception {
		String reference = aComplaintBeforeItsReviewPanel();

		assertThat(this.steps.complaint(reference).get("status").asText()).isEqualTo("OPEN");
	}

	@Test
	void theReviewPanelIsDue30WorkingDaysFromTheRequestPastTheAugustBankHoliday() throws Exception {
		String reference = aComplaintBeforeItsReviewPanel();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_CONVENE_PANEL)))
			.as("30 working days, past the August bank holiday")
			.isEqualTo(Instant.parse("2027-09-06T13:00:00Z"));
	}

	@Test
	void theStage2IndependentPersonCannotSitOnTheReviewPanel() throws Exception {
		String panel = aReviewPanelClaimedOn8September2027(aComplaintBeforeItsReviewPanel());

		String meeting = ComplaintFixtures.aPanelMeeting("2027-09-07", "Panel availability", "Robin Chair",
				"pat  independent", "Sam Member");

		HttpResponse<String> sameAsStage2 = this.steps.post(panelMeetingPath(panel), meeting, this.manager);

		assertThat(sameAsStage2.statusCode()).isEqualTo(400);
		assertThat(sameAsStage2.body()).contains("cannot sit on the review panel");
	}

	@Test
	void aPanelThatMetLateNeedsAReasonForDelay() throws Exception {
		String panel = aReviewPanelClaimedOn8September2027(aComplaintBeforeItsReviewPanel());

		HttpResponse<String> noReason = this.steps.post(panelMeetingPath(panel),
				ComplaintFixtures.aPanelMeeting("2027-09-07", null, "Robin Chair", "Alex Member", "Sam Member"),
				this.manager);

		assertThat(noReason.statusCode()).as("the panel met late: a reason for delay first").isEqualTo(400);
	}

	@Test
	void thePanelsReportIsDueFiveWorkingDaysFromTheMeetingDay() throws Exception {
		String reference = aComplaintWhoseReviewPanelMetLate();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_RECORD_PANEL_REPORT)))
			.as("5 working days from the meeting day")
			.isEqualTo(Instant.parse("2027-09-14T08:00:00Z"));
	}

	@Test
	void theCouncilsResponseIsDue15WorkingDaysFromThePanelsReport() throws Exception {
		String reference = aComplaintAwaitingTheCouncilsResponseToThePanel();

		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_TO_PANEL)))
			.isEqualTo(Instant.parse("2027-10-04T10:00:00Z"));
	}

	@Test
	void theCouncilsResponseToThePanelClosesTheComplaintAsReviewCompleted() throws Exception {
		String reference = aComplaintReviewedByItsPanel();

		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("REVIEW_COMPLETED");
	}

	@Test
	void theCouncilsResponseRecordsItsFindingOnEachElementAtStage3() throws Exception {
		String reference = aComplaintReviewedByItsPanel();

		JsonNode firstElement = this.steps.complaint(reference).get("elements").get(0);

		assertThat(firstElement.get("findings").get("3").get("finding").asText()).isEqualTo("PARTLY_UPHELD");
	}

	@Test
	void aPanelThatMetLateLeavesStage3OutOfTime() throws Exception {
		String reference = aComplaintReviewedByItsPanel();

		assertThat(this.steps.stageRow(reference, 3, "in_time", Boolean.class)).as("the panel met late").isFalse();
	}

	@Test
	void theLedgerKeepsEveryStepOfTheThreeStagesAsMetOrBreached() throws Exception {
		String reference = aComplaintReviewedByItsPanel();

		assertThat(deadlinesOf(reference).findValuesAsText("status")).containsExactly("MET", "BREACHED", "MET", "MET",
				"MET", "BREACHED", "MET", "MET");
	}

	// Deadlines, the tracker and who sees what

	@Test
	void aStage2ExtendedToItsMaximumIsDueWhenAFreshDeadlineOfThatLengthWouldBe() throws Exception {
		// The written record agreed and entered on Sunday 29 November 2026 at 20:00
		String reference = aComplaintInItsStage2Investigation("2026-11-29T20:00:00Z");
		String investigation = this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2);
		assertThat(this.steps.dueOf(investigation)).as("25 working days: past Christmas and the 28 December substitute")
			.isEqualTo(Instant.parse("2027-01-06T17:00:00Z"));

		ComplaintSteps.ok(this.steps.extend(reference,
				ComplaintFixtures.anExtensionToldInWriting(65, "Many records", "2026-11-29"), this.manager));

		assertThat(this.steps.dueOf(investigation)).as("65 working days from the same anchor, not the next morning")
			.isEqualTo(Instant.parse("2027-03-03T17:00:00Z"));
		assertThat(this.steps.timerOf(reference, ComplaintProcess.TIMER_INVESTIGATION_OVERDUE).getDuedate().toInstant())
			.isEqualTo(Instant.parse("2027-03-03T17:00:00Z"));
		JsonNode deadlines = deadlinesOf(reference);
		assertThat(deadlines.get(deadlines.size() - 1).get("dueAt").asText()).isEqualTo("2027-03-03T17:00:00Z");
	}

	@Test
	void theGenericLedgerNeverExtendsOrStopsAComplaintsClockAndNamesTheProceduresWay() throws Exception {
		String reference = aComplaintInItsStage2Investigation("2026-11-30T10:00:00Z");
		String deadline = openDeadlineOf(reference);

		HttpResponse<String> extension = this.steps.post("/api/deadlines/" + deadline + "/extension",
				"{\"amount\": 65, \"reason\": \"Complex\"}", this.serviceManager);
		HttpResponse<String> pause = this.steps.post("/api/deadlines/" + deadline + "/pause",
				"{\"reason\": \"Advocate\"}", this.serviceManager);

		assertThat(extension.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(extension.body()).get("detail").asText())
			.contains("POST /api/complaints/" + reference + "/extension");
		assertThat(pause.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(pause.body()).get("detail").asText()).contains("stops no clock");
		assertThat(this.steps.dueOf(this.steps.taskOf(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2)))
			.isEqualTo(Instant.parse("2027-01-07T10:00:00Z"));
		assertThat(stagesExtendedOf(reference)).isZero();
		assertThat(pausesOf(reference)).isZero();
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
		String reference = this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-23T09:30:00Z"), this.support);
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
					ComplaintFixtures.aReasonForDelay("Complaints manager off sick"), this.manager));

		assertThat(trackerRow(reference).get("awaitingReason")).isEmpty();
		String csv = this.api.get("/api/complaints/tracker.csv?rag=RED", this.manager).body();
		assertThat(csv).startsWith("Reference,Complainant,Stage,Current step,Owner,Due,Working days left,RAG,")
			.contains("\"" + reference
					+ "\",\"Parent\",\"1\",\"Acknowledge and decide acceptance\",\"Unallocated (complaints-manager)\",\"2026-11-26T09:30:00Z\",\"-1\",\"RED\"");
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		accept(reference);
		assertThat(delayReasonOf(acknowledgement)).as("the reason given on the tracker is the one the step keeps")
			.isEqualTo("Complaints manager off sick");
	}

	@Test
	void anInvestigatorSeesOnlyWorkAllocatedToThemByName() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-23T09:30:00Z"), this.support);
		accept(reference);
		String stage1 = this.steps.taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
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
	void theWorkQueueNamesTheComplaintNeverTheComplainant() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-23T09:30:00Z"), this.support);

		String label = workQueueLabelOf(this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE));

		assertThat(label).as("the work queue names the complaint, never the complainant")
			.isEqualTo("Complaint " + reference + " (parent)");
	}

	@Test
	void aWithdrawalClosesTheComplaintAndCancelsItsOpenStep() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-23T09:30:00Z"), this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);

		assertThat(this.steps
			.post("/api/complaints/" + reference + "/withdrawal", ComplaintFixtures.aWithdrawal(" "), this.manager)
			.statusCode()).isEqualTo(400);
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/withdrawal",
				ComplaintFixtures.aWithdrawal("Resolved by phone"), this.manager));

		assertThat(this.steps.complaint(reference).get("closure").asText()).isEqualTo("WITHDRAWN");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
		assertThat(deadlineStatusOf(acknowledgement)).isEqualTo("CANCELLED");
	}

	@Test
	void aComplaintMadeForAChildOf12OrOverNeedsTheChildsAgreement() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");

		HttpResponse<String> refused = this.steps.post("/api/complaints",
				ComplaintFixtures.aComplaintAboutChild("2026-11-23T09:30:00Z", "2012-05-01", null), this.support);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(fieldsRefused(refused)).as("a 14-year-old must agree to a complaint made for them")
			.containsExactly("childConsent");
	}

	@Test
	void aChildWhoComplainsIsOfferedAnAdvocate() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");

		HttpResponse<String> refused = this.steps.post("/api/complaints",
				ComplaintFixtures.aComplaintFromAChildNotOfferedAnAdvocate("2026-11-23T09:30:00Z"), this.support);

		assertThat(fieldsRefused(refused)).as("a child complaining is offered an advocate")
			.containsExactly("advocacyOffered");
	}

	@Test
	void anAgencyLiaisonCannotLogAComplaint() {
		assertThat(this.steps.post("/api/complaints", "{}", Tokens.forUser("paul.police")).statusCode()).isEqualTo(403);
	}

	@Test
	void businessSupportCannotReadTheAnnualReport() {
		assertThat(this.api.get("/api/complaints/report", this.support).statusCode()).isEqualTo(403);
	}

	@Test
	void aComplaintAboutAnOldMatterIsTakenOnlyWithTheManagersReason() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		String reference = this.steps.log(ComplaintFixtures.aComplaintAboutAnOldMatter("2026-11-23T09:30:00Z"),
				this.support);
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);

		HttpResponse<String> refused = this.steps.post(acknowledgementPath(acknowledgement),
				ComplaintFixtures.anAcceptance(ComplaintFixtures.INVESTIGATOR), this.manager);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("acceptLate");
		ComplaintSteps.ok(this.steps.post(acknowledgementPath(acknowledgement),
				ComplaintFixtures.aRefusalAsOutOfTime("No good reason for the delay; records gone"), this.manager));

		JsonNode closed = this.steps.complaint(reference);
		assertThat(closed.get("closure").asText()).isEqualTo("OUT_OF_TIME");
		assertThat(closed.get("lateAcceptanceReason").asText()).startsWith("No good reason");
	}

	@Test
	void theAnnualReportMatchesTheComplaintsInTheDatabaseForThePeriod() throws Exception {
		ComplaintSteps.at("2026-11-23T09:30:00Z");
		this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-23T09:30:00Z"), this.support);
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

	// One complaint through the procedure, step by step on fixed instants; each step
	// asserts it was accepted

	/**
	 * Monday 1 February 2027, 10:00: Jo Parent's letter about a matter of December 2026,
	 * logged by business support.
	 */
	private String aComplaintReceivedOn1February2027() throws Exception {
		ComplaintSteps.at("2027-02-01T10:00:00Z");
		return this.steps.log(ComplaintFixtures.aComplaintFromAParent("2027-02-01T10:00:00Z", "2026-12-01"),
				this.support);
	}

	/** Acknowledged and accepted at once, stage 1 allocated to the investigator. */
	private String anAcceptedComplaint() throws Exception {
		String reference = aComplaintReceivedOn1February2027();
		accept(reference);
		return reference;
	}

	/**
	 * The service manager extended stage 1 to 15 working days: an advocate is arranged.
	 */
	private String aComplaintWithStage1ExtendedTo15WorkingDays() throws Exception {
		String reference = anAcceptedComplaint();
		ComplaintSteps.ok(this.steps.extend(reference, ComplaintFixtures.anExtension(15, "Advocate being arranged"),
				this.serviceManager));
		return reference;
	}

	/**
	 * Stage 1 answered a day late, on Tuesday 23 February 2027 at 11:00: the investigator
	 * was on leave.
	 */
	private String aComplaintAnsweredLateAtStage1() throws Exception {
		String reference = aComplaintWithStage1ExtendedTo15WorkingDays();
		ComplaintSteps.at("2027-02-23T11:00:00Z");
		respond(reference, ComplaintProcess.TASK_RESPOND_STAGE_1,
				ComplaintFixtures.aResponseLateBecause("Investigator on leave"), this.investigator);
		return reference;
	}

	/** The complainant asked for stage 2 on Monday 8 March 2027. */
	private String aComplaintWithStage2Requested() throws Exception {
		String reference = aComplaintAnsweredLateAtStage1();
		ComplaintSteps.at("2027-03-08T10:00:00Z");
		ComplaintSteps.ok(this.steps.post(stageRequestsPath(reference),
				ComplaintFixtures.aStageRequest(2, "2027-03-08"), this.manager));
		return reference;
	}

	/** The written record agreed and entered on Monday 15 March 2027 at 10:00. */
	private String aComplaintInItsStage2InvestigationFrom15March2027() throws Exception {
		String reference = aComplaintWithStage2Requested();
		ComplaintSteps.at("2027-03-15T10:00:00Z");
		agreeTheWrittenRecord(reference, "2027-03-15");
		return reference;
	}

	/** Stage 2 extended to its maximum, the complainant told in writing the same day. */
	private String aComplaintWithStage2ExtendedTo65WorkingDays() throws Exception {
		String reference = aComplaintInItsStage2InvestigationFrom15March2027();
		ComplaintSteps.ok(this.steps.extend(reference,
				ComplaintFixtures.anExtensionToldInWriting(65, "Many records", "2027-03-15"), this.manager));
		return reference;
	}

	/** The investigating officer reported on Monday 12 April 2027. */
	private String aComplaintAwaitingItsStage2Adjudication() throws Exception {
		String reference = aComplaintWithStage2ExtendedTo65WorkingDays();
		ComplaintSteps.at("2027-04-12T10:00:00Z");
		respond(reference, ComplaintProcess.TASK_INVESTIGATE_STAGE_2, ComplaintFixtures.aResponse(), this.investigator);
		return reference;
	}

	/**
	 * The service manager adjudicated on Tuesday 20 April 2027 at 14:00 (15:00 BST), well
	 * within the extension.
	 */
	private String aComplaintAnsweredAtStage2() throws Exception {
		String reference = aComplaintAwaitingItsStage2Adjudication();
		ComplaintSteps.at("2027-04-20T14:00:00Z");
		claimAndRespond(reference, ComplaintProcess.TASK_ADJUDICATE_STAGE_2, this.serviceManager);
		return reference;
	}

	/** No review panel asked for: the window's timer fires on Thursday 20 May 2027. */
	private String aComplaintClosedAtStage2() throws Exception {
		String reference = aComplaintAnsweredAtStage2();
		ComplaintSteps.at("2027-05-20T09:00:00Z");
		this.management.executeJob(this.steps.timerOf(reference, ComplaintProcess.CATCH_STAGE_3_WINDOW_PASSED).getId());
		return reference;
	}

	/**
	 * A review panel asked for on Friday 23 July 2027, after the window: taken with the
	 * manager's reason.
	 */
	private String aComplaintBeforeItsReviewPanel() throws Exception {
		String reference = aComplaintClosedAtStage2();
		ComplaintSteps.at("2027-07-23T13:00:00Z");
		ComplaintSteps.ok(this.steps.post(stageRequestsPath(reference),
				ComplaintFixtures.aLateStageRequest(3, "2027-07-23", "Complainant was in hospital"), this.manager));
		return reference;
	}

	/** The manager takes the panel's step on Wednesday 8 September 2027; its task. */
	private String aReviewPanelClaimedOn8September2027(String reference) {
		ComplaintSteps.at("2027-09-08T10:00:00Z");
		String panel = this.steps.taskOf(reference, ComplaintProcess.TASK_CONVENE_PANEL);
		this.steps.claim(panel, this.manager);
		return panel;
	}

	/**
	 * The panel met on Tuesday 7 September 2027, after its due date, and the manager gave
	 * the reason.
	 */
	private String aComplaintWhoseReviewPanelMetLate() throws Exception {
		String reference = aComplaintBeforeItsReviewPanel();
		String panel = aReviewPanelClaimedOn8September2027(reference);
		String meeting = ComplaintFixtures.aPanelMeeting("2027-09-07", "Panel availability over the summer",
				"Robin Chair", "Alex Member", "Sam Member");
		ComplaintSteps.ok(this.steps.post(panelMeetingPath(panel), meeting, this.manager));
		return reference;
	}

	/** The panel's report recorded on Monday 13 September 2027. */
	private String aComplaintAwaitingTheCouncilsResponseToThePanel() throws Exception {
		String reference = aComplaintWhoseReviewPanelMetLate();
		ComplaintSteps.at("2027-09-13T10:00:00Z");
		claimAndRespond(reference, ComplaintProcess.TASK_RECORD_PANEL_REPORT, this.manager);
		return reference;
	}

	/**
	 * The council answered the panel on Friday 1 October 2027 and the complainant went to
	 * the Ombudsman the same day.
	 */
	private String aComplaintReviewedByItsPanel() throws Exception {
		String reference = aComplaintAwaitingTheCouncilsResponseToThePanel();
		ComplaintSteps.at("2027-10-01T10:00:00Z");
		claimAndRespond(reference, ComplaintProcess.TASK_RESPOND_TO_PANEL, this.serviceManager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/" + reference + "/ombudsman-referral",
				ComplaintFixtures.anOmbudsmanReferral("2027-10-01", "LGSCO 27 001 234"), this.manager));
		return reference;
	}

	/**
	 * A complaint received on 2 November 2026, answered at stage 1, whose stage 2 written
	 * record is agreed and entered at {@code agreedAt}, the engine clock left there.
	 */
	private String aComplaintInItsStage2Investigation(String agreedAt) throws Exception {
		ComplaintSteps.at("2026-11-02T10:00:00Z");
		String reference = this.steps.log(ComplaintFixtures.aStage1Complaint("2026-11-02T10:00:00Z"), this.support);
		accept(reference);
		ComplaintSteps.at("2026-11-10T10:00:00Z");
		respond(reference, ComplaintProcess.TASK_RESPOND_STAGE_1, ComplaintFixtures.aResponse(), this.investigator);
		ComplaintSteps.at("2026-11-20T10:00:00Z");
		ComplaintSteps.ok(this.steps.post(stageRequestsPath(reference),
				ComplaintFixtures.aStageRequest(2, "2026-11-20"), this.manager));
		ComplaintSteps.at(agreedAt);
		agreeTheWrittenRecord(reference, agreedAt.substring(0, 10));
		return reference;
	}

	/** The manager acknowledges and accepts the complaint, allocating stage 1. */
	private void accept(String reference) {
		String acknowledgement = this.steps.taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		this.steps.claim(acknowledgement, this.manager);
		ComplaintSteps.ok(this.steps.post(acknowledgementPath(acknowledgement),
				ComplaintFixtures.anAcceptance(ComplaintFixtures.INVESTIGATOR), this.manager));
	}

	private void agreeTheWrittenRecord(String reference, String agreedOn) {
		String record = this.steps.taskOf(reference, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		this.steps.claim(record, this.manager);
		ComplaintSteps.ok(this.steps.post("/api/complaints/tasks/" + record + "/written-record",
				ComplaintFixtures.aWrittenRecord(agreedOn), this.manager));
	}

	/** The step's holder answers it (a task already assigned to them). */
	private void respond(String reference, String step, String response, String token) {
		ComplaintSteps.ok(this.steps.post(responsePath(this.steps.taskOf(reference, step)), response, token));
	}

	/** The step's people claim it and answer it in time. */
	private void claimAndRespond(String reference, String step, String token) {
		String task = this.steps.taskOf(reference, step);
		this.steps.claim(task, token);
		ComplaintSteps.ok(this.steps.post(responsePath(task), ComplaintFixtures.aResponse(), token));
	}

	// Reading what the steps did

	/**
	 * Every deadline of the complaint, every step's, as the complaints manager reads
	 * them.
	 */
	private JsonNode deadlinesOf(String reference) throws Exception {
		return JSON.readTree(this.api.get("/api/complaints/" + reference + "/deadlines", this.manager).body());
	}

	/** The complaint's open deadline in the generic ledger. */
	private String openDeadlineOf(String reference) throws Exception {
		String deadline = null;
		for (JsonNode entry : JSON.readTree(
				this.api.get("/api/deadlines?subjectType=ComplaintProcess&subjectId=" + reference, this.serviceManager)
					.body())) {
			if ("OPEN".equals(entry.get("status").asText())) {
				deadline = entry.get("id").asText();
			}
		}
		assertThat(deadline).as("an open deadline for " + reference).isNotNull();
		return deadline;
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

	private static List<String> fieldsRefused(HttpResponse<String> refused) throws Exception {
		List<String> fields = new ArrayList<>();
		JSON.readTree(refused.body()).get("errors").fieldNames().forEachRemaining(fields::add);
		return fields;
	}

	/** The complaint's stages with an extension recorded. */
	private int stagesExtendedOf(String reference) {
		return this.jdbc
			.sql("select count(*) from complaint_stage s join complaint c on c.id = s.complaint_id "
					+ "where c.reference = :reference and s.extended_to is not null")
			.param("reference", reference)
			.query(Integer.class)
			.single();
	}

	/** Pauses of the complaint's deadlines in the generic ledger. */
	private int pausesOf(String reference) {
		return this.jdbc
			.sql("select count(*) from deadline_pause p join deadline d on d.id = p.deadline_id "
					+ "where d.subject_id = :reference")
			.param("reference", reference)
			.query(Integer.class)
			.single();
	}

	private String deadlineStatusOf(String taskId) {
		return this.jdbc.sql("select status from deadline where task_id = :task")
			.param("task", taskId)
			.query(String.class)
			.single();
	}

	private String delayReasonOf(String taskId) {
		return this.jdbc.sql("select delay_reason from deadline where task_id = :task")
			.param("task", taskId)
			.query(String.class)
			.single();
	}

	private String workQueueLabelOf(String taskId) {
		return this.jdbc.sql("select subject_label from work_item where task_id = :task")
			.param("task", taskId)
			.query(String.class)
			.single();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static String acknowledgementPath(String taskId) {
		return "/api/complaints/tasks/" + taskId + "/acknowledgement";
	}

	private static String responsePath(String taskId) {
		return "/api/complaints/tasks/" + taskId + "/response";
	}

	private static String panelMeetingPath(String taskId) {
		return "/api/complaints/tasks/" + taskId + "/panel-meeting";
	}

	private static String stageRequestsPath(String reference) {
		return "/api/complaints/" + reference + "/stage-requests";
	}

}
