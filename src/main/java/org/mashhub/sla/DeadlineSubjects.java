package org.mashhub.sla;

import java.util.Optional;

import org.mashhub.security.CurrentUser;

/**
 * Implemented by a business module for the deadlines of its own subjects: the ledger
 * shows a deadline only to those who may read its subject, and a module whose procedure
 * has its own rules for more time or a stopped clock takes those changes itself.
 */
public interface DeadlineSubjects {

	/** Whether the deadlines of this subject type (a process key) are this module's. */
	boolean owns(String subjectType);

	/** Whether the reader may read the subject, and so its deadlines. */
	boolean mayRead(String subjectId, CurrentUser reader);

	/**
	 * Why the generic ledger may not make this change to the deadline, naming where it is
	 * made instead; empty (the default) when the policy's own rules (its maximum, who may
	 * extend or stop it) are all there is.
	 */
	default Optional<String> refusesGenericChange(Deadline deadline, Change change) {
		return Optional.empty();
	}

	/** What the generic ledger may be asked to do to a running deadline. */
	enum Change {

		EXTEND, STOP_CLOCK, RESTART_CLOCK

	}

}
