package org.mashhub.complaints;

/**
 * Why someone may complain on a child's behalf: a child of the consent age (about 12) or
 * over agrees in writing, unless the child cannot understand what they are agreeing to.
 */
public enum ChildConsent {

	WRITTEN_CONSENT("The child agreed in writing"), LACKS_UNDERSTANDING("The child cannot understand enough to agree"),
	UNDER_CONSENT_AGE("Under the consent age: not needed");

	private final String label;

	ChildConsent(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
