package org.mashhub.tasks;

import java.util.Map;

/**
 * Implemented by a business module whose tasks some people may not hold, whatever their
 * team (an interview that must be independent of the person's own case). The work queue
 * asks once per task, before anyone claims it or is given it, and when it lists whom a
 * manager may give it to.
 */
public interface AssignmentRules {

	/** The people who may not hold the task, each with why; empty when anyone may. */
	Map<String, String> barred(WorkItem item);

}
