package org.mashhub.complaints;

/** The finding on one element of a complaint at one stage. */
public enum Finding {

	UPHELD("Upheld"), PARTLY_UPHELD("Partly upheld"), NOT_UPHELD("Not upheld");

	private final String label;

	Finding(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
