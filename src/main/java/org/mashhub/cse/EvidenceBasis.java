package org.mashhub.cse;

/** Whether what is known of an indicator is evidence or a concern. */
public enum EvidenceBasis {

	EVIDENCE("Evidence"), CONCERN("Concern");

	private final String label;

	EvidenceBasis(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
