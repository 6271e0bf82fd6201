package org.mashhub.cse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A place or group recorded once and linked to every child screened in connection with it
 * (contextual safeguarding).
 */
public record Place(UUID id, PlaceKind kind, String name, String description, Instant recordedAt, String recordedBy) {

	/** A child screened in connection with the place, with who linked them and when. */
	public record Link(UUID placeId, PlaceKind kind, String placeName, String screeningReference, UUID childId,
			String childName, RiskLevel level, boolean open, Instant linkedAt, String linkedBy, String note) {
	}

	/** A place with its links, for the coordinator's views. */
	public record WithChildren(Place place, List<Link> links) {

		public long openChildren() {
			return this.links.stream().filter(Link::open).map(Link::childId).distinct().count();
		}

	}

}
