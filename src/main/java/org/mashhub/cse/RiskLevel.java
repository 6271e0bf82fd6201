package org.mashhub.cse;

/** A screening's level of exploitation risk, lowest first. */
public enum RiskLevel {

	LOW("Low"), MEDIUM("Medium"), HIGH("High");

	private final String label;

	RiskLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean isBelow(RiskLevel other) {
		return compareTo(other) < 0;
	}

}
