package org.mashhub.missing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.mashhub.Refusal;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.missing.process.MissingEpisodeWorkflow;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A risk review while the child is missing: what it found, and the grade now. A changed
 * grade needs its reason and is audited; the next review follows the new grade, and a
 * grade raised to high calls a strategy discussion at once.
 */
@Service
public class RiskReviews {

	private final EpisodeRecords records;

	private final WorkQueue queue;

	private final MissingEpisodeWorkflow workflow;

	private final MissingSettings settings;

	private final AccessAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RiskReviews(EpisodeRecords records, WorkQueue queue, MissingEpisodeWorkflow workflow, MissingSettings settings,
			AccessAudit audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.queue = queue;
		this.workflow = workflow;
		this.settings = settings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void review(String taskId, EpisodeForms.RiskReview form, CurrentUser user) {
		MissingEpisode episode = stepOf(this.queue.assignedTo(taskId, user), MissingEpisodeProcess.TASK_REVIEW_RISK);
		String from = episode.riskGrade();
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.riskGrade() == null || this.settings.grade(form.riskGrade()).isEmpty()) {
			errors.put("riskGrade", "Choose the risk grade now.");
		}
		boolean changed = !errors.containsKey("riskGrade") && !from.equals(form.riskGrade());
		if (EpisodeForms.blank(form.notes())) {
			errors.put("notes",
					"Say what the review found: what is known of where the child may be, and what is " + "being done.");
		}
		if (changed && EpisodeForms.blank(form.reason())) {
			errors.put("reason",
					"Say why the grade changes from " + this.settings.gradeLabel(from).toLowerCase(Locale.UK) + " to "
							+ this.settings.gradeLabel(form.riskGrade()).toLowerCase(Locale.UK) + ".");
		}
		Refusal.ifAny(errors);
		Instant now = this.clock.instant();
		String to = form.riskGrade();
		this.records.insertReview(episode.id(), now, user.username(), from, to, EpisodeForms.strip(form.reason()),
				form.notes().strip());
		this.records.update(episode.id(), "risk_grade = :grade, last_reviewed_at = :at",
				Map.of("grade", to, "at", java.sql.Timestamp.from(now)));
		if (changed) {
			this.records.addEvent(episode.id(), now, user.username(),
					"Risk grade changed from " + this.settings.gradeLabel(from).toLowerCase(Locale.UK) + " to "
							+ this.settings.gradeLabel(to).toLowerCase(Locale.UK) + ": " + form.reason().strip());
			this.audit.record("CHANGE_RISK_GRADE", "missing-episode", episode.reference(), form.reason().strip());
			this.events.publishEvent(
					new RiskGradeChanged(episode.reference(), episode.child().id(), from, to, now, user.username()));
		}
		else {
			this.records.addEvent(episode.id(), now, user.username(),
					"Risk reviewed: " + this.settings.gradeLabel(to).toLowerCase(Locale.UK) + " still");
		}
		MissingSettings.RiskGrade grade = this.settings.recorded(to);
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(),
				MissingEpisodeWorkflow.reviewed(now, grade.reviewEveryHours(), grade.high()));
		if (grade.high() && !this.settings.recorded(from).high()) {
			this.workflow.riskRaisedToHigh(episode.reference());
		}
	}

	/** The episode of an open task of the step named, or no such task. */
	MissingEpisode stepOf(WorkItem item, String step) {
		if (!MissingEpisodeProcess.PROCESS.equals(item.processDefinitionKey())
				|| !step.equals(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No such step " + item.taskId());
		}
		return this.records.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No missing episode " + item.subjectReference()));
	}

}
