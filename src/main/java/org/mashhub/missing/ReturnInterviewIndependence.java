package org.mashhub.missing;

import java.util.Map;

import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.tasks.AssignmentRules;
import org.mashhub.tasks.WorkItem;

import org.springframework.stereotype.Component;

/**
 * A return home interview is held by someone independent of the child's care: the child's
 * allocated social worker may not claim it, be given it or record it, in the work queue
 * or on its form.
 */
@Component
class ReturnInterviewIndependence implements AssignmentRules {

	private final EpisodeRecords records;

	private final ChildRecords children;

	ReturnInterviewIndependence(EpisodeRecords records, ChildRecords children) {
		this.records = records;
		this.children = children;
	}

	@Override
	public Map<String, String> barred(WorkItem item) {
		if (!MissingEpisodeProcess.PROCESS.equals(item.processDefinitionKey())
				|| !MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW.equals(item.taskDefinitionKey())) {
			return Map.of();
		}
		return this.records.find(item.subjectReference())
			.flatMap((episode) -> this.children.find(episode.child().id()))
			.map(Child::allocatedWorker)
			.map((worker) -> Map.of(worker,
					"The child's allocated social worker may not hold their return home"
							+ " interview: it must be independent of the child's care."))
			.orElse(Map.of());
	}

}
