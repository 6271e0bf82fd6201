package org.mashhub.missing;

/** Who held the return home interview. */
public enum ProviderType {

	COUNCIL_TEAM("Council team"), COMMISSIONED_SERVICE("Commissioned service"), SOCIAL_WORKER("Social worker"),
	OTHER("Other");

	private final String label;

	ProviderType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
