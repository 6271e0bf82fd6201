package org.mashhub.missing;

/** What came of offering the child a return home interview. */
public enum InterviewOutcome {

	HELD("Held"), DECLINED("Declined"), NOT_POSSIBLE("Not possible");

	private final String label;

	InterviewOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
