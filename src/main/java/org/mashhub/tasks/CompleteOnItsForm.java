package org.mashhub.tasks;

/**
 * A task whose model names a form is completed there, never bare: the form records what
 * the step decided.
 */
public class CompleteOnItsForm extends RuntimeException {

	private final String formLink;

	public CompleteOnItsForm(String formLink) {
		super("This task is completed on its own form, at " + formLink + ".");
		this.formLink = formLink;
	}

	public String formLink() {
		return this.formLink;
	}

}
