package org.mashhub.missing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.Deadlines;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return home interview: offered within 72 hours of the return by someone independent
 * of the child's care ({@link ReturnInterviewIndependence}). Whether it was in time is
 * the ledger's due instant against the moment it was recorded, never typed; a late one
 * needs a reason for delay. Signs of exploitation found start an exploitation screening,
 * once per episode.
 */
@Service
public class ReturnInterviews {

	private final EpisodeRecords records;

	private final ReturnInterviewIndependence independence;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final MissingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReturnInterviews(EpisodeRecords records, ReturnInterviewIndependence independence, WorkQueue queue,
			Deadlines deadlines, MissingSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.independence = independence;
		this.queue = queue;
		this.deadlines = deadlines;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void record(String taskId, EpisodeForms.Interview form, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		MissingEpisode episode = this.records.find(item.subjectReference())
			.filter((found) -> MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW.equals(item.taskDefinitionKey()))
			.orElseThrow(() -> new java.util.NoSuchElementException("No such step " + taskId));
		String why = this.independence.barred(item).get(user.username());
		if (why != null) {
			throw Refusal.notAllowed("taskId", why);
		}
		Instant now = this.clock.instant();
		Refusal.ifAny(errors(episode, form, now));
		Instant dueAt = this.deadlines.findOpenForTask(taskId).map(Deadline::dueAt).orElse(episode.interviewDueAt());
		this.records.insertInterview(episode.id(), form, now, user.username(), dueAt);
		boolean inTime = !now.isAfter(dueAt);
		this.records.interviewRecorded(episode.id(), now, form.outcome(),
				(form.outcome() == InterviewOutcome.HELD) ? form.providerType() : null, inTime);
		this.records.addEvent(episode.id(), now, user.username(), "Return home interview: "
				+ form.outcome().label().toLowerCase() + (inTime ? ", within 72 hours" : ", after 72 hours"));
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
		this.events.publishEvent(new ReturnInterviewRecorded(episode.reference(), episode.child().id(), form.outcome(),
				inTime, now, user.username()));
		if (!form.exploitationIndicators().isEmpty() && this.records.raiseExploitationConcern(episode.id(), now)) {
			this.events.publishEvent(new ExploitationConcernRaised(episode.reference(), episode.child().id(),
					"RETURN_INTERVIEW", form.exploitationIndicators(), now, user.username()));
		}
	}

	private Map<String, String> errors(MissingEpisode episode, EpisodeForms.Interview form, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant returnedAt = episode.returned().returnedAt();
		instantAfterReturn(errors, "offeredAt", form.offeredAt(), returnedAt, now, "when the interview was offered");
		required(errors, "offeredHow", form.offeredHow(), "Say how it was offered (in person, phone, letter…).");
		required(errors, "offeredBy", form.offeredBy(), "Say who offered it.");
		if (form.outcome() == null) {
			errors.put("outcome", "Choose whether the interview was held, declined or not possible.");
		}
		else if (form.outcome() == InterviewOutcome.HELD) {
			instantAfterReturn(errors, "heldAt", form.heldAt(), returnedAt, now, "when the interview was held");
			required(errors, "heldWhere", form.heldWhere(), "Say where the interview was held.");
			if (form.providerType() == null) {
				errors.put("providerType", "Choose who held the interview.");
			}
		}
		else {
			required(errors, "outcomeReason", form.outcomeReason(), (form.outcome() == InterviewOutcome.DECLINED)
					? "Say why the child declined." : "Say why an interview was not possible.");
			if (form.outcome() == InterviewOutcome.DECLINED) {
				required(errors, "carerKnows", form.carerKnows(), "Say what the carer knows of the episode.");
			}
		}
		unknown(errors, "pushFactors", form.pushFactors(), this.settings.pushFactors());
		unknown(errors, "pullFactors", form.pullFactors(), this.settings.pullFactors());
		unknown(errors, "exploitationIndicators", form.exploitationIndicators(),
				this.settings.exploitationIndicators());
		if (form.intelligenceToPolice() == null) {
			errors.put("intelligenceToPolice", "Say whether intelligence was passed to the police.");
		}
		else if (form.intelligenceToPolice()) {
			required(errors, "intelligenceNote", form.intelligenceNote(),
					"Say what was passed to the police, and when.");
		}
		return errors;
	}

	private static void instantAfterReturn(Map<String, String> errors, String field, Instant instant,
			Instant returnedAt, Instant now, String what) {
		if (instant == null) {
			errors.put(field, "Enter " + what + ".");
		}
		else if (instant.isAfter(now)) {
			errors.put(field, "Enter " + what + ": it cannot be in the future.");
		}
		else if (instant.isBefore(returnedAt)) {
			errors.put(field, "Enter " + what + ": it cannot be before the child returned.");
		}
	}

	private static void required(Map<String, String> errors, String field, String value, String message) {
		if (EpisodeForms.blank(value)) {
			errors.put(field, message);
		}
	}

	private static void unknown(Map<String, String> errors, String field, List<String> chosen, List<String> allowed) {
		List<String> strangers = chosen.stream().filter((code) -> !allowed.contains(code)).toList();
		if (!strangers.isEmpty()) {
			errors.put(field, "Choose from the list: " + String.join(", ", strangers) + " is not on it.");
		}
	}

}
