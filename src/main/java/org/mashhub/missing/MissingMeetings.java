package org.mashhub.missing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.mashhub.Refusal;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Dates;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings a missing episode calls for: a strategy discussion (high risk, or 72 hours
 * missing) and a multi-agency meeting when the child goes missing repeatedly. The
 * coordinator records when it was held, who came, what was decided and the actions.
 */
@Service
public class MissingMeetings {

	private static final Map<String, String> KINDS = Map.of(MissingEpisodeProcess.TASK_HOLD_STRATEGY_DISCUSSION,
			"STRATEGY_DISCUSSION", MissingEpisodeProcess.TASK_HOLD_REPEAT_MISSING_MEETING, "REPEAT_MISSING_MEETING");

	private final EpisodeRecords records;

	private final WorkQueue queue;

	private final Clock clock;

	MissingMeetings(EpisodeRecords records, WorkQueue queue, Clock clock) {
		this.records = records;
		this.queue = queue;
		this.clock = clock;
	}

	@Transactional
	public void record(String taskId, EpisodeForms.Meeting form, CurrentUser user) {
		WorkItem item = this.queue.assignedTo(taskId, user);
		String kind = KINDS.get(item.taskDefinitionKey());
		MissingEpisode episode = this.records.find(item.subjectReference())
			.filter((found) -> kind != null && MissingEpisodeProcess.PROCESS.equals(item.processDefinitionKey()))
			.orElseThrow(() -> new NoSuchElementException("No such step " + taskId));
		Instant now = this.clock.instant();
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.heldAt() == null) {
			errors.put("heldAt", "Enter when the meeting was held.");
		}
		else if (form.heldAt().isAfter(now)) {
			errors.put("heldAt", "The meeting cannot be held in the future: record it once held.");
		}
		else if (form.heldAt().isBefore(episode.report().startedAt())) {
			errors.put("heldAt", "The meeting cannot be before the episode began ("
					+ Dates.describe(episode.report().startedAt()) + ").");
		}
		if (EpisodeForms.blank(form.attendees())) {
			errors.put("attendees", "Enter who took part, and for which agency.");
		}
		if (EpisodeForms.blank(form.outcome())) {
			errors.put("outcome", "Enter what was decided.");
		}
		Refusal.ifAny(errors);
		this.records.insertMeeting(episode.id(), kind, form, now, user.username());
		this.records.addEvent(episode.id(), form.heldAt(), user.username(),
				(("STRATEGY_DISCUSSION".equals(kind)) ? "Strategy discussion held: " : "Repeat-missing meeting held: ")
						+ form.outcome().strip());
		this.queue.completeFromForm(taskId, user, form.reasonForDelay(), Map.of());
	}

}
