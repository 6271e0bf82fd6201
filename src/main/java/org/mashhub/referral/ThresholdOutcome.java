package org.mashhub.referral;

/**
 * What a MASH manager decides a contact needs, against the continuum of need.
 */
public enum ThresholdOutcome {

	NFA_ADVICE("No further action, information and advice", false),
	UNIVERSAL_SERVICES("Signpost to universal services", false), EARLY_HELP("Step down to Early Help", false),
	CIN_S17_ASSESSMENT("Child in need (s17): child and family assessment", true),
	STRATEGY_DISCUSSION_S47("Strategy discussion (s47)", true),
	PASS_TO_ALLOCATED_WORKER("Pass to the allocated worker", false);

	private final String label;

	private final boolean referral;

	ThresholdOutcome(String label, boolean referral) {
		this.label = label;
		this.referral = referral;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Whether the contact becomes a referral to children's social care (counted for
	 * re-referrals).
	 */
	public boolean isReferral() {
		return this.referral;
	}

}
