package org.mashhub.missing;

import java.util.Optional;

import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.sla.Dates;
import org.mashhub.tasks.TaskSubjects;

import org.springframework.stereotype.Component;

/**
 * Tells the work queue what a missing episode's task is about: the child's name, since
 * when they are missing or when they came back (from which the list's due time counts),
 * and whether they are repeat missing.
 */
@Component
class EpisodeTaskSubjects implements TaskSubjects {

	private final EpisodeRecords records;

	EpisodeTaskSubjects(EpisodeRecords records) {
		this.records = records;
	}

	@Override
	public Optional<TaskSubject> describe(String processDefinitionKey, String businessKey) {
		if (!MissingEpisodeProcess.PROCESS.equals(processDefinitionKey) || businessKey == null) {
			return Optional.empty();
		}
		return this.records.find(businessKey)
			.map((episode) -> new TaskSubject(episode.child().fullName() + " ("
					+ (episode.isOpen() ? "missing since " + Dates.describe(episode.report().startedAt())
							: "returned " + Dates.describe(episode.returned().returnedAt()))
					+ (episode.repeatMissing() ? "; repeat missing" : "") + ")", null));
	}

}
