package org.mashhub.sla;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Days the service is closed beyond the bank holidays (a newly proclaimed holiday, a
 * local office closure), kept in PostgreSQL and held in memory: every due date asks about
 * them.
 */
@Repository
class ClosureDays {

	private final JdbcClient jdbc;

	private volatile NavigableSet<LocalDate> days;

	ClosureDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@SuppressWarnings("unchecked")
	boolean contains(LocalDate day) {
		// A transaction that changed the days sees its own change; everyone else what is
		// committed
		NavigableSet<LocalDate> known = (NavigableSet<LocalDate>) TransactionSynchronizationManager.getResource(this);
		if (known == null) {
			known = this.days;
		}
		if (known == null) {
			known = reload();
		}
		return known.contains(day);
	}

	List<ClosureDay> all() {
		return this.jdbc.sql("select day, reason, added_by, added_at from closure_day order by day")
			.query((rs, row) -> new ClosureDay(rs.getDate("day").toLocalDate(), rs.getString("reason"),
					rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	/**
	 * Adds the day in the caller's transaction; returns false when it was already closed.
	 */
	boolean add(LocalDate day, String reason, String addedBy, Instant addedAt) {
		int added = this.jdbc.sql("""
				insert into closure_day (day, reason, added_by, added_at) values (:day, :reason, :addedBy, :addedAt)
				on conflict (day) do nothing""")
			.param("day", Date.valueOf(day))
			.param("reason", reason)
			.param("addedBy", addedBy)
			.param("addedAt", java.sql.Timestamp.from(addedAt))
			.update();
		reloadWithinTransaction();
		return added == 1;
	}

	/**
	 * Removes the day in the caller's transaction; returns false when it was not a
	 * closure day.
	 */
	boolean remove(LocalDate day) {
		int removed = this.jdbc.sql("delete from closure_day where day = :day")
			.param("day", Date.valueOf(day))
			.update();
		reloadWithinTransaction();
		return removed == 1;
	}

	/** Other nodes' changes arrive within a minute; this node's own at once. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	NavigableSet<LocalDate> reload() {
		// One reload at a time: a periodic one that read before a change committed never
		// overwrites the one that read after it
		synchronized (this) {
			NavigableSet<LocalDate> loaded = read();
			this.days = loaded;
			return loaded;
		}
	}

	private NavigableSet<LocalDate> read() {
		return new TreeSet<>(
				this.jdbc.sql("select day from closure_day").query((rs, row) -> rs.getDate(1).toLocalDate()).list());
	}

	/**
	 * Deadlines are recalculated in the same transaction, so it must see the change now,
	 * and only it: what this node believes follows what commits (a periodic reload during
	 * the transaction reads the days as they were).
	 */
	private void reloadWithinTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			reload();
			return;
		}
		boolean first = TransactionSynchronizationManager.unbindResourceIfPossible(this) == null;
		TransactionSynchronizationManager.bindResource(this, read());
		if (first) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				private Object suspended;

				// A transaction started inside this one sees the days as committed
				@Override
				public void suspend() {
					this.suspended = TransactionSynchronizationManager.unbindResourceIfPossible(ClosureDays.this);
				}

				@Override
				public void resume() {
					if (this.suspended != null) {
						TransactionSynchronizationManager.bindResource(ClosureDays.this, this.suspended);
					}
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ClosureDays.this);
					if (status == STATUS_COMMITTED) {
						reload();
					}
				}
			});
		}
	}

}
