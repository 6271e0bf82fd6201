package org.mashhub.referral.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mashhub.referral.AgencyCheckView;
import org.mashhub.referral.Rag;
import org.mashhub.referral.ReferrerFeedback;
import org.mashhub.referral.SchoolNotice;
import org.mashhub.referral.AgencyCheckAnswers;
import org.mashhub.referral.Candidate;
import org.mashhub.referral.ContactScreening;
import org.mashhub.referral.FeedbackAndHandOffs;
import org.mashhub.referral.RagChanges;
import org.mashhub.referral.ThresholdDecisions;
import org.mashhub.referral.TriageReadings;
import org.mashhub.referral.TriageForms;
import org.mashhub.referral.TriageReading;
import org.mashhub.referral.TriageView;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The triage's steps for API clients, the same rules as the screens: screening (MASH
 * social workers only), an agency's answer (its own requests only), the threshold
 * decision (MASH managers only), feedback and the hand-offs. Each completes the task it
 * names, which must be claimed first.
 */
@RestController
class TriageApi {

	private final TriageReadings readings;

	private final ContactScreening screening;

	private final AgencyCheckAnswers agencyChecks;

	private final ThresholdDecisions decisions;

	private final FeedbackAndHandOffs feedback;

	private final RagChanges ragChanges;

	private final AccessAudit audit;

	TriageApi(TriageReadings readings, ContactScreening screening, AgencyCheckAnswers agencyChecks,
			ThresholdDecisions decisions, FeedbackAndHandOffs feedback, RagChanges ragChanges, AccessAudit audit) {
		this.readings = readings;
		this.screening = screening;
		this.agencyChecks = agencyChecks;
		this.decisions = decisions;
		this.feedback = feedback;
		this.ragChanges = ragChanges;
		this.audit = audit;
	}

	/**
	 * A triage task with what the caller may read of it ({@code reading}): an agency
	 * liaison its own request, a school its notice, feedback the referrer and the
	 * outcome, a manager of the team the task alone. Views the caller may not read are
	 * null.
	 */
	public record TaskView(String taskId, String step, TriageReading reading, String taskName, String reference,
			Instant dueAt, String assignee, TriageView triage, AgencyCheckView check, SchoolNotice schoolNotice,
			ReferrerFeedback feedback, List<Candidate> possibleMatches) {
	}

	@GetMapping("/api/triage/tasks/{taskId}")
	@Transactional
	TaskView task(@PathVariable String taskId, Authentication authentication) {
		TriageReadings.TaskContext context = this.readings.forTask(taskId, CurrentUser.of(authentication));
		this.audit.record("VIEW", context.auditedAs(), context.item().subjectReference(), null);
		return new TaskView(taskId, context.step(), context.reading(), context.item().taskName(),
				context.item().subjectReference(), context.item().dueAt(), context.item().assignee(), context.triage(),
				context.check(), context.schoolNotice(), context.feedback(), context.possibleMatches());
	}

	@PostMapping("/api/triage/tasks/{taskId}/screening")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void screen(@PathVariable String taskId, @RequestBody TriageForms.Screening screening,
			Authentication authentication) {
		this.screening.screen(taskId, screening, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/answer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void answer(@PathVariable String taskId, @RequestBody TriageForms.AgencyAnswer answer,
			Authentication authentication) {
		this.agencyChecks.answer(taskId, answer, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/decision")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void decide(@PathVariable String taskId, @RequestBody TriageForms.Decision decision,
			Authentication authentication) {
		this.decisions.decide(taskId, decision, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/feedback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void feedback(@PathVariable String taskId, @RequestBody TriageForms.Feedback feedback,
			Authentication authentication) {
		this.feedback.giveFeedback(taskId, feedback, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/done")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void done(@PathVariable String taskId, @RequestBody TriageForms.StepDone done, Authentication authentication) {
		this.feedback.markDone(taskId, done, CurrentUser.of(authentication));
	}

	public record ReRating(Rag rag, String reason) {
	}

	/**
	 * A screened, undecided child's RAG changed: the open information requests' targets
	 * move with it.
	 */
	@PostMapping("/api/contacts/{reference}/children/{position}/rag")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reRate(@PathVariable String reference, @PathVariable int position, @RequestBody ReRating reRating,
			Authentication authentication) {
		this.ragChanges.reRate(reference + "/" + position, reRating.rag(), reRating.reason(),
				CurrentUser.of(authentication));
	}

	/** Every child's triage of a contact: MASH staff and the assessment team. Audited. */
	@GetMapping("/api/contacts/{reference}/triage")
	@Transactional
	List<TriageView> contact(@PathVariable String reference, Authentication authentication) {
		List<TriageView> triages = this.readings.contact(reference, CurrentUser.of(authentication));
		this.audit.record("VIEW", "contact-triage", reference, null);
		return triages;
	}

	/**
	 * One information request: its own agency and MASH staff; another agency gets 403.
	 * Audited.
	 */
	@GetMapping("/api/agency-checks/{id}")
	@Transactional
	AgencyCheckView check(@PathVariable UUID id, Authentication authentication) {
		AgencyCheckView check = this.agencyChecks.read(id, CurrentUser.of(authentication));
		this.audit.record("VIEW", "agency-check", id.toString(), null);
		return check;
	}

}
