package org.mashhub.tasks;

/**
 * A reassignment the rules refuse: the person is unknown to MASH Hub or not in the task's
 * team. The manager chooses someone else.
 */
public class ReassignmentRefused extends RuntimeException {

	ReassignmentRefused(String message) {
		super(message);
	}

}
