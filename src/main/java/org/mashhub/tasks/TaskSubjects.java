package org.mashhub.tasks;

import java.util.Optional;

/**
 * Implemented by a business module to tell the work queue what its tasks are about: the
 * label a practitioner recognises (a child's name, a complaint reference) and the RAG
 * rating, if any.
 */
public interface TaskSubjects {

	/**
	 * What the task of a process instance is about, or empty when the module does not own
	 * it.
	 */
	Optional<TaskSubject> describe(String processDefinitionKey, String businessKey);

	/**
	 * @param label what the work is about, e.g. the child's name or a complaint reference
	 * @param rag RED, AMBER, GREEN or BLUE, or null when the work is not RAG-rated
	 */
	record TaskSubject(String label, String rag) {
	}

}
