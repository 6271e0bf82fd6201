package org.mashhub.tasks;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Someone else changed the same work in the same moment (two people finishing one step, a
 * step racing its own timer), found by the engine or by a version check, however deep it
 * was wrapped: nothing was saved, and looking again before retrying is the cure.
 */
public final class EngineConflicts {

	/** What the person is told, on a form or in a problem document. */
	public static final String MESSAGE = "Someone else changed this at the same time, so nothing you sent was saved."
			+ " Look at it again and retry.";

	private EngineConflicts() {
	}

	public static boolean in(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

}
