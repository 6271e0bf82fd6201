package org.mashhub.cse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The places and groups, and their links to screened children. */
@Repository
class PlaceRecords {

	private static final String LINK = """
			select l.place_id, p.kind, p.name, s.reference, l.child_id,
			  s.child_given_names || ' ' || s.child_family_name as child_name, s.level, s.closed_at is null as open,
			  l.linked_at, l.linked_by, l.note
			from cse_place_link l join cse_place p on p.id = l.place_id join cse_screening s on s.id = l.screening_id
			""";

	private final JdbcClient jdbc;

	PlaceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Place> find(UUID id) {
		return this.jdbc
			.sql("select id, kind, name, description, recorded_at, recorded_by from cse_place where id = :id")
			.param("id", id)
			.query(PlaceRecords::place)
			.optional();
	}

	List<Place> find(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, kind, name, description, recorded_at, recorded_by from cse_place where id in (:ids)")
			.param("ids", ids)
			.query(PlaceRecords::place)
			.list();
	}

	Optional<Place> byName(PlaceKind kind, String name) {
		return this.jdbc.sql("""
				select id, kind, name, description, recorded_at, recorded_by from cse_place
				where kind = :kind and lower(name) = lower(:name)""")
			.param("kind", kind.name())
			.param("name", name.strip())
			.query(PlaceRecords::place)
			.optional();
	}

	List<Place> all() {
		return this.jdbc
			.sql("select id, kind, name, description, recorded_at, recorded_by from cse_place order by kind,"
					+ " lower(name)")
			.query(PlaceRecords::place)
			.list();
	}

	Place insert(PlaceKind kind, String name, String description, Instant now, String by) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into cse_place (id, kind, name, description, recorded_at, recorded_by)
				values (:id, :kind, :name, :description, :now, :by)""")
			.param("id", id)
			.param("kind", kind.name())
			.param("name", name.strip())
			.param("description", ScreeningForms.strip(description))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		return find(id).orElseThrow();
	}

	/** Whether the link is new. */
	boolean link(UUID placeId, Screening screening, Instant now, String by, String note) {
		return this.jdbc.sql("""
				insert into cse_place_link (place_id, screening_id, child_id, linked_at, linked_by, note)
				values (:place, :screening, :child, :now, :by, :note)
				on conflict (place_id, screening_id) do nothing""")
			.param("place", placeId)
			.param("screening", screening.id())
			.param("child", screening.child().id())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("note", ScreeningForms.strip(note))
			.update() == 1;
	}

	List<Place.Link> linksOfPlace(UUID placeId) {
		return this.jdbc.sql(LINK + " where l.place_id = :place order by l.linked_at")
			.param("place", placeId)
			.query(PlaceRecords::link)
			.list();
	}

	List<Place.Link> linksOfScreening(UUID screeningId) {
		return this.jdbc.sql(LINK + " where l.screening_id = :screening order by p.kind, lower(p.name)")
			.param("screening", screeningId)
			.query(PlaceRecords::link)
			.list();
	}

	/**
	 * Every link of the places this screening is linked to: the children who share them.
	 */
	List<Place.Link> sharedWith(UUID screeningId) {
		return this.jdbc.sql(LINK + """
				 where l.place_id in (select place_id from cse_place_link where screening_id = :screening)
				  and l.screening_id <> :screening
				order by p.kind, lower(p.name), l.linked_at""")
			.param("screening", screeningId)
			.query(PlaceRecords::link)
			.list();
	}

	/** The links of places linked to two or more children with open screenings. */
	List<Place.Link> sharedByOpenScreenings() {
		return this.jdbc.sql(LINK + """
				 where s.closed_at is null and l.place_id in (
				  select l2.place_id from cse_place_link l2 join cse_screening s2 on s2.id = l2.screening_id
				  where s2.closed_at is null group by l2.place_id having count(distinct l2.child_id) >= 2)
				order by p.kind, lower(p.name), l.linked_at""").query(PlaceRecords::link).list();
	}

	List<Place.Link> allLinks() {
		return this.jdbc.sql(LINK + " order by p.kind, lower(p.name), l.linked_at").query(PlaceRecords::link).list();
	}

	private static Place place(ResultSet rs, int row) throws SQLException {
		return new Place(rs.getObject("id", UUID.class), PlaceKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("description"), ScreeningRecords.instant(rs, "recorded_at"), rs.getString("recorded_by"));
	}

	private static Place.Link link(ResultSet rs, int row) throws SQLException {
		return new Place.Link(rs.getObject("place_id", UUID.class), PlaceKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("reference"), rs.getObject("child_id", UUID.class),
				rs.getString("child_name"), ScreeningRecords.level(rs, "level"), rs.getBoolean("open"),
				ScreeningRecords.instant(rs, "linked_at"), rs.getString("linked_by"), rs.getString("note"));
	}

}
