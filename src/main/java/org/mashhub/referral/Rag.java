package org.mashhub.referral;

/**
 * A screener's RAG rating: how fast what follows must happen. Red, amber and green each
 * have a target (an SLA policy); blue means no further MASH work.
 */
public enum Rag {

	RED("Red"), AMBER("Amber"), GREEN("Green"), BLUE("Blue");

	private final String label;

	Rag(String label) {
		this.label = label;
	}

	/** The rating as a person reads it: "Amber". */
	public String label() {
		return this.label;
	}

}
