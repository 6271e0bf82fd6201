package org.mashhub.cse;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mashhub.Refusal;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and groups: recorded once (one name per kind), linked by the coordinator to
 * every child screened in connection with them, and read by the exploitation coordinators
 * and MASH managers only, every view audited: an associate may name a suspected adult.
 */
@Service
public class Places {

	private final PlaceRecords records;

	private final ScreeningRecords screenings;

	private final AccessAudit audit;

	private final Clock clock;

	Places(PlaceRecords records, ScreeningRecords screenings, AccessAudit audit, Clock clock) {
		this.records = records;
		this.screenings = screenings;
		this.audit = audit;
		this.clock = clock;
	}

	/** Links a place (one recorded, or a new one) to the screened child. */
	@Transactional
	public Place link(String reference, ScreeningForms.PlaceLink form, CurrentUser user) {
		if (!user.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("Places and groups are linked by an exploitation coordinator.");
		}
		Screening screening = this.screenings.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No screening " + reference));
		if (!screening.isOpen()) {
			throw Refusal.conflict("Screening " + reference + " is closed: link the place to a new screening.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Place place = null;
		if (form.placeId() != null) {
			place = this.records.find(form.placeId()).orElse(null);
			if (place == null) {
				errors.put("placeId", "Choose a place or group from the list.");
			}
		}
		else {
			if (form.kind() == null) {
				errors.put("kind", "Choose what it is: a location, peer group, school, online space or associate.");
			}
			if (ScreeningForms.blank(form.name())) {
				errors.put("name", "Enter its name, or choose one already recorded.");
			}
			else if (form.name().strip().length() > 200) {
				errors.put("name", "Keep the name to 200 characters; describe it below.");
			}
		}
		Refusal.ifAny(errors);
		Instant now = this.clock.instant();
		if (place == null) {
			place = this.records.byName(form.kind(), form.name())
				.orElseGet(
						() -> this.records.insert(form.kind(), form.name(), form.description(), now, user.username()));
		}
		if (!this.records.link(place.id(), screening, now, user.username(), form.note())) {
			throw Refusal.invalid((form.placeId() != null) ? "placeId" : "name",
					place.name() + " is already linked to this screening.");
		}
		// The timeline is read more widely than associates are: it never names one
		this.screenings.addEvent(screening.id(), now, user.username(),
				(place.kind() == PlaceKind.ASSOCIATE) ? "Linked to an associate"
						: "Linked to " + place.kind().label().toLowerCase(java.util.Locale.UK) + " " + place.name());
		this.audit.record("LINK", "cse-place", place.id().toString(), reference);
		return place;
	}

	/** Every place and group with its children; audited. */
	@Transactional
	public List<Place.WithChildren> all(CurrentUser reader) {
		mayRead(reader);
		this.audit.record("VIEW", "cse-places", "all", null);
		Map<UUID, List<Place.Link>> links = this.records.allLinks()
			.stream()
			.collect(Collectors.groupingBy(Place.Link::placeId));
		return this.records.all()
			.stream()
			.map((place) -> new Place.WithChildren(place, links.getOrDefault(place.id(), List.of())))
			.toList();
	}

	@Transactional
	public Place.WithChildren find(UUID id, CurrentUser reader) {
		mayRead(reader);
		Place place = this.records.find(id).orElseThrow(() -> new NoSuchElementException("No place " + id));
		this.audit.record("VIEW", "cse-place", id.toString(), null);
		return new Place.WithChildren(place, this.records.linksOfPlace(id));
	}

	/** Every place and group recorded, to link one to a child; audited. */
	@Transactional
	public List<Place> recorded(CurrentUser reader) {
		mayRead(reader);
		this.audit.record("VIEW", "cse-places", "names", null);
		return this.records.all();
	}

	/** Places linked to two or more children with open screenings, for the panel. */
	List<Place.WithChildren> sharedByOpenScreenings() {
		Map<UUID, List<Place.Link>> links = this.records.sharedByOpenScreenings()
			.stream()
			.collect(Collectors.groupingBy(Place.Link::placeId, LinkedHashMap::new, Collectors.toList()));
		Map<UUID, Place> places = this.records.find(links.keySet())
			.stream()
			.collect(Collectors.toMap(Place::id, (place) -> place));
		return links.entrySet()
			.stream()
			.map((entry) -> new Place.WithChildren(places.get(entry.getKey()), entry.getValue()))
			.toList();
	}

	static boolean mayReadPlaces(CurrentUser reader) {
		return reader.isIn(Roles.CSE_COORDINATOR) || reader.isIn(Roles.MASH_MANAGER);
	}

	private static void mayRead(CurrentUser reader) {
		if (!mayReadPlaces(reader)) {
			throw new AccessDeniedException(
					"Places and groups are read by the exploitation coordinators and MASH" + " managers.");
		}
	}

}
