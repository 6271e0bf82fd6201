package org.mashhub.cse;

/**
 * A place or group children are screened in connection with (contextual safeguarding). An
 * associate may name a suspected adult: it is read by the fewest.
 */
public enum PlaceKind {

	LOCATION("Location"), PEER_GROUP("Peer group"), SCHOOL("School"), ONLINE_SPACE("Online space"),
	ASSOCIATE("Associate");

	private final String label;

	PlaceKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
