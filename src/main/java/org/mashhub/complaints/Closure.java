package org.mashhub.complaints;

/** How a complaint ended. */
public enum Closure {

	NOT_ELIGIBLE("Not eligible under s26(3)"), OUT_OF_TIME("Not accepted: more than 12 months after the matter"),
	RESOLVED_AT_STAGE_1("Closed at stage 1"), RESOLVED_AT_STAGE_2("Closed at stage 2"),
	REVIEW_COMPLETED("Review panel completed"), WITHDRAWN("Withdrawn");

	private final String label;

	Closure(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
