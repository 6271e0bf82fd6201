package org.mashhub.complaints;

/**
 * Who complains, as Children Act 1989 s26(3) and the annual report count them. All but
 * "someone else" may complain by right; for anyone else the council decides whether they
 * have sufficient interest in the child's welfare.
 */
public enum ComplainantType {

	CHILD("Child or young person"), PARENT("Parent"),
	PARENTAL_RESPONSIBILITY("Other person with parental responsibility"), FOSTER_CARER("Local authority foster carer"),
	SPECIAL_GUARDIAN("Special guardian"), CARE_LEAVER("Care leaver"),
	SUFFICIENT_INTEREST("Someone else with sufficient interest");

	private final String label;

	ComplainantType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Eligible under s26(3) by who they are, without the council's judgement. */
	public boolean eligibleByRight() {
		return this != SUFFICIENT_INTEREST;
	}

}
