package org.mashhub.chronology;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.mashhub.child.Child;
import org.mashhub.child.ChildAccess;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The children's chronologies: read oldest first; written by this module's listeners
 * only, each entry once however often its event is delivered.
 */
@Service
public class Chronology {

	private final JdbcClient jdbc;

	private final ChildAccess access;

	private final AccessAudit audit;

	Chronology(JdbcClient jdbc, ChildAccess access, AccessAudit audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/** A child and their chronology, as one who may read it asked for it. */
	public record Read(Child child, List<ChronologyEntry> entries) {
	}

	/**
	 * The chronology for a reader who may open the child's record ({@link ChildAccess});
	 * audited. Anyone else is told there is no such child.
	 */
	@Transactional
	public Read readBy(UUID childId, CurrentUser reader) {
		Child child = this.access.readable(childId, reader);
		this.audit.record("VIEW_CHRONOLOGY", "child", childId.toString(), null);
		return new Read(child, of(childId));
	}

	/** A child's chronology, oldest first. */
	@Transactional(readOnly = true)
	public List<ChronologyEntry> of(UUID childId) {
		return this.jdbc.sql("""
				select occurred_at, kind, summary, actor, reference from chronology_entry
				where child_id = :id order by occurred_at, id""")
			.param("id", childId)
			.query((rs, row) -> new ChronologyEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
					rs.getString("summary"), rs.getString("actor"), rs.getString("reference")))
			.list();
	}

	void add(UUID childId, ChronologyEntry entry) {
		this.jdbc.sql("""
				insert into chronology_entry (child_id, occurred_at, kind, summary, actor, reference)
				values (:childId, :occurredAt, :kind, :summary, :actor, :reference)
				on conflict do nothing""")
			.param("childId", childId)
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("kind", entry.kind())
			.param("summary", entry.summary())
			.param("actor", entry.actor())
			.param("reference", entry.reference())
			.update();
	}

	/** The children whose chronology already holds a case, by its reference. */
	List<UUID> childrenIn(String reference) {
		return this.jdbc.sql("select distinct child_id from chronology_entry where reference = :reference")
			.param("reference", reference)
			.query(UUID.class)
			.list();
	}

}
