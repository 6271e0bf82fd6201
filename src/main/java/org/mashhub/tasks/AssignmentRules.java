package org.mashhub.tasks;

import java.util.Optional;

/**
 * Implemented by a business module whose tasks some people may not hold, whatever their
 * team (an interview that must be independent of the person's own case). The work queue
 * asks before anyone claims a task or is given it.
 */
public interface AssignmentRules {

	/** Why this person may not hold the task, or empty when they may. */
	Optional<String> refusal(WorkItem item, String username);

}
