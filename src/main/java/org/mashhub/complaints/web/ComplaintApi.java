package org.mashhub.complaints.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mashhub.complaints.ComplainantRequests;
import org.mashhub.complaints.ComplaintResponses;
import org.mashhub.complaints.ComplainantType;
import org.mashhub.complaints.Complaint;
import org.mashhub.complaints.ComplaintForms;
import org.mashhub.complaints.ComplaintTracker;
import org.mashhub.complaints.Complaints;
import org.mashhub.complaints.ComplaintsReport;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints for API clients, under the same rules as the screens: logging (business
 * support and the complaints team), each step of the procedure on its claimed task, the
 * complainant's requests, extensions, withdrawal, Ombudsman referrals and reasons for
 * delay, the tracker and the annual report.
 */
@RestController
class ComplaintApi {

	private final Complaints complaints;

	private final ComplaintResponses responses;

	private final ComplainantRequests requests;

	private final ComplaintTracker tracker;

	private final ComplaintsReport report;

	ComplaintApi(Complaints complaints, ComplaintResponses responses, ComplainantRequests requests,
			ComplaintTracker tracker, ComplaintsReport report) {
		this.complaints = complaints;
		this.responses = responses;
		this.requests = requests;
		this.tracker = tracker;
		this.report = report;
	}

	record Logged(String reference) {
	}

	record StageRequestBody(int stage, LocalDate requestedOn, String lateReason) {
	}

	record ReasonForDelay(String reason) {
	}

	@PostMapping("/api/complaints")
	ResponseEntity<Logged> log(@RequestBody ComplaintForms.NewComplaint complaint, Authentication authentication) {
		String reference = this.complaints.log(complaint, CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/complaints/" + reference)).body(new Logged(reference));
	}

	@GetMapping("/api/complaints/{reference}")
	Complaint complaint(@PathVariable String reference, Authentication authentication) {
		return this.complaints.find(reference, CurrentUser.of(authentication));
	}

	@GetMapping("/api/complaints/{reference}/deadlines")
	List<Deadline> deadlines(@PathVariable String reference, Authentication authentication) {
		return this.complaints.deadlines(this.complaints.find(reference, CurrentUser.of(authentication)));
	}

	@PostMapping("/api/complaints/tasks/{taskId}/acknowledgement")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void acknowledge(@PathVariable String taskId, @RequestBody ComplaintForms.Acknowledgement acknowledgement,
			Authentication authentication) {
		this.responses.acknowledge(taskId, acknowledgement, CurrentUser.of(authentication));
	}

	/**
	 * A stage's answer on its task: the stage 1 response, the investigation report, the
	 * adjudication, the panel's report or the council's response.
	 */
	@PostMapping("/api/complaints/tasks/{taskId}/response")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void respond(@PathVariable String taskId, @RequestBody ComplaintForms.Response response,
			Authentication authentication) {
		this.responses.respond(taskId, response, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/tasks/{taskId}/written-record")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void agreeWrittenRecord(@PathVariable String taskId, @RequestBody ComplaintForms.WrittenRecord record,
			Authentication authentication) {
		this.responses.agreeWrittenRecord(taskId, record, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/tasks/{taskId}/panel-meeting")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void convenePanel(@PathVariable String taskId, @RequestBody ComplaintForms.PanelMeeting meeting,
			Authentication authentication) {
		this.responses.convenePanel(taskId, meeting, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/{reference}/stage-requests")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void requestStage(@PathVariable String reference, @RequestBody StageRequestBody request,
			Authentication authentication) {
		this.requests.requestStage(reference, request.stage(),
				new ComplaintForms.StageRequest(request.requestedOn(), request.lateReason()),
				CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/{reference}/extension")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void extend(@PathVariable String reference, @RequestBody ComplaintForms.Extension extension,
			Authentication authentication) {
		this.requests.extend(reference, extension, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/{reference}/withdrawal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable String reference, @RequestBody ComplaintForms.Withdrawal withdrawal,
			Authentication authentication) {
		this.requests.withdraw(reference, withdrawal, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/{reference}/ombudsman-referral")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void referToOmbudsman(@PathVariable String reference, @RequestBody ComplaintForms.OmbudsmanReferral referral,
			Authentication authentication) {
		this.requests.referToOmbudsman(reference, referral, CurrentUser.of(authentication));
	}

	@PostMapping("/api/complaints/{reference}/deadlines/{deadlineId}/reason-for-delay")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void explainDelay(@PathVariable String reference, @PathVariable UUID deadlineId, @RequestBody ReasonForDelay body,
			Authentication authentication) {
		this.requests.explainDelay(reference, deadlineId, body.reason(), CurrentUser.of(authentication));
	}

	@GetMapping("/api/complaints/tracker")
	List<ComplaintTracker.Row> tracker(@RequestParam(required = false) Integer stage,
			@RequestParam(required = false) ComplaintTracker.Proximity rag,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) ComplainantType complainantType,
			@RequestParam(defaultValue = "false") boolean awaitingReasonOnly,
			@RequestParam(required = false) Boolean waiting, Authentication authentication) {
		return this.tracker.rows(
				new ComplaintTracker.Filter(stage, rag, owner, complainantType, awaitingReasonOnly, waiting),
				CurrentUser.of(authentication));
	}

	@GetMapping(path = "/api/complaints/tracker.csv", produces = "text/csv")
	String trackerCsv(@RequestParam(required = false) Integer stage,
			@RequestParam(required = false) ComplaintTracker.Proximity rag,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) ComplainantType complainantType,
			@RequestParam(defaultValue = "false") boolean awaitingReasonOnly,
			@RequestParam(required = false) Boolean waiting, Authentication authentication) {
		return this.tracker
			.csv(tracker(stage, rag, owner, complainantType, awaitingReasonOnly, waiting, authentication));
	}

	@GetMapping(path = "/api/complaints/report.csv", produces = "text/csv")
	String reportCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Authentication authentication) {
		return this.report.csv(report(from, to, authentication));
	}

	@GetMapping(path = "/api/complaints/report", produces = MediaType.APPLICATION_JSON_VALUE)
	ComplaintsReport.Report report(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Authentication authentication) {
		ComplaintsReport.Period year = this.report.currentYear();
		return this.report.report(
				new ComplaintsReport.Period((from != null) ? from : year.from(), (to != null) ? to : year.to()),
				CurrentUser.of(authentication));
	}

}
