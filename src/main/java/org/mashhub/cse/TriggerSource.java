package org.mashhub.cse;

/** What raised a concern of exploitation that opened or joined a screening. */
public enum TriggerSource {

	FRONT_DOOR("Front door: a threshold decision with a CSE concern"),
	MISSING_REPORT("Missing episode: signs of exploitation in the report"),
	RETURN_INTERVIEW("Missing episode: signs of exploitation at the return home interview"),
	COORDINATOR("Exploitation coordinator");

	private final String label;

	TriggerSource(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
