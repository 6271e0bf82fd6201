package org.mashhub.missing;

/**
 * The DfE / SSDA903 type of an episode, recorded on every episode whatever the police
 * grade.
 */
public enum EpisodeType {

	/** Not where they are expected to be and whereabouts unknown. */
	M("Missing"),

	/** Whereabouts known, but away without permission and the carer is concerned. */
	A("Away");

	private final String label;

	EpisodeType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
