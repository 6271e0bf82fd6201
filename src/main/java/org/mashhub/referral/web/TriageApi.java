package org.mashhub.referral.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mashhub.referral.AgencyCheckView;
import org.mashhub.referral.Rag;
import org.mashhub.referral.ReferrerFeedback;
import org.mashhub.referral.SchoolNotice;
import org.mashhub.referral.Triage;
import org.mashhub.referral.TriageForms;
import org.mashhub.referral.TriageReading;
import org.mashhub.referral.TriageRefused;
import org.mashhub.referral.TriageView;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.DeadlineRefused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

	private final Triage triage;

	private final AccessAudit audit;

	TriageApi(Triage triage, AccessAudit audit) {
		this.triage = triage;
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
			ReferrerFeedback feedback, List<Triage.Candidate> possibleMatches) {
	}

	@GetMapping("/api/triage/tasks/{taskId}")
	@Transactional
	TaskView task(@PathVariable String taskId, Authentication authentication) {
		Triage.TaskContext context = this.triage.forTask(taskId, CurrentUser.of(authentication));
		this.audit.record("VIEW", context.auditedAs(), context.item().subjectReference(), null);
		return new TaskView(taskId, context.step(), context.reading(), context.item().taskName(),
				context.item().subjectReference(), context.item().dueAt(), context.item().assignee(), context.triage(),
				context.check(), context.schoolNotice(), context.feedback(), context.possibleMatches());
	}

	@PostMapping("/api/triage/tasks/{taskId}/screening")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void screen(@PathVariable String taskId, @RequestBody TriageForms.Screening screening,
			Authentication authentication) {
		this.triage.screen(taskId, screening, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/answer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void answer(@PathVariable String taskId, @RequestBody TriageForms.AgencyAnswer answer,
			Authentication authentication) {
		this.triage.answer(taskId, answer, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/decision")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void decide(@PathVariable String taskId, @RequestBody TriageForms.Decision decision,
			Authentication authentication) {
		this.triage.decide(taskId, decision, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/feedback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void feedback(@PathVariable String taskId, @RequestBody TriageForms.Feedback feedback,
			Authentication authentication) {
		this.triage.giveFeedback(taskId, feedback, CurrentUser.of(authentication));
	}

	@PostMapping("/api/triage/tasks/{taskId}/done")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void done(@PathVariable String taskId, @RequestBody TriageForms.StepDone done, Authentication authentication) {
		this.triage.markDone(taskId, done, CurrentUser.of(authentication));
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
		this.triage.reRate(reference + "/" + position, reRating.rag(), reRating.reason(),
				CurrentUser.of(authentication));
	}

	/** Every child's triage of a contact: MASH staff and the assessment team. Audited. */
	@GetMapping("/api/contacts/{reference}/triage")
	@Transactional
	List<TriageView> contact(@PathVariable String reference, Authentication authentication) {
		List<TriageView> triages = this.triage.contact(reference, CurrentUser.of(authentication));
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
		AgencyCheckView check = this.triage.check(id, CurrentUser.of(authentication));
		this.audit.record("VIEW", "agency-check", id.toString(), null);
		return check;
	}

	@ExceptionHandler(DeadlineRefused.class)
	ProblemDetail late(DeadlineRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
		problem.setTitle("Not allowed by the SLA rules");
		problem.setProperty("errors", java.util.Map.of(refused.field(), refused.getMessage()));
		return problem;
	}

	@ExceptionHandler(TriageRefused.class)
	ProblemDetail refused(TriageRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
		problem.setTitle("Not recorded");
		problem.setProperty("errors", refused.errors());
		return problem;
	}

}
