package org.mashhub.tasks;

import java.util.Map;

import org.mashhub.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A task whose model names a form is completed there, never bare: the form records what
 * the step decided. The problem document's {@code form} is where.
 */
public class CompleteOnItsForm extends Refusal {

	private final String formLink;

	public CompleteOnItsForm(String formLink) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "Completed on its own form",
				"This task is completed on its own form, at " + formLink + ".", Map.of());
		this.formLink = formLink;
		getBody().setProperty("form", formLink);
	}

	public String formLink() {
		return this.formLink;
	}

}
