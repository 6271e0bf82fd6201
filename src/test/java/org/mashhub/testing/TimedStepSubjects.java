package org.mashhub.testing;

import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.DeadlineSubjects;

/**
 * Owns the deadlines of the neutral timed-step process ({@link TimedSteps}) as a business
 * module would: MASH staff and service managers read them, and the ledger's own rules are
 * all there is to changing them.
 */
public class TimedStepSubjects implements DeadlineSubjects {

	@Override
	public boolean owns(String subjectType) {
		return TimedSteps.PROCESS.equals(subjectType);
	}

	@Override
	public boolean mayRead(String subjectId, CurrentUser reader) {
		return reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)
				|| reader.isIn(Roles.SERVICE_MANAGER);
	}

}
