package org.mashhub.cse;

/** Whether an indicator of the instrument is seen in the child's life. */
public enum IndicatorAnswer {

	PRESENT("Present"), POSSIBLE("Possible"), ABSENT("Absent");

	private final String label;

	IndicatorAnswer(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
