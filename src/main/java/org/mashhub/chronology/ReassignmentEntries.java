package org.mashhub.chronology;

import java.util.UUID;

import org.mashhub.tasks.TaskReassigned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A manager moved a task of a child's case: the chronology of each child the case is
 * about says who, to whom and why.
 */
@Component
class ReassignmentEntries {

	private final Chronology chronology;

	ReassignmentEntries(Chronology chronology) {
		this.chronology = chronology;
	}

	@ApplicationModuleListener
	void reassigned(TaskReassigned moved) {
		if (moved.subjectReference() == null) {
			return;
		}
		ChronologyEntry entry = new ChronologyEntry(moved.at(), "REASSIGNED", "'" + moved.taskName() + "' moved from "
				+ ((moved.from() != null) ? moved.from() : "the team") + " to " + moved.to() + ": " + moved.reason(),
				moved.by(), moved.subjectReference());
		for (UUID child : this.chronology.childrenIn(moved.subjectReference())) {
			this.chronology.add(child, entry);
		}
	}

}
