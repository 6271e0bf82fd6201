package org.mashhub.missing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The missing coordinator's dashboard: children missing now, children back and awaiting
 * their return home interview (amber near the 72 hours, red after), how the interviews
 * went in a period, and the repeat-missing children. Each table is one query on an index
 * of its own. For the coordinators and service managers.
 */
@Service
public class MissingDashboard {

	/** Rows a table shows at most; the CSV has them all. */
	public static final int PAGE = 200;

	private final JdbcClient jdbc;

	private final MissingSettings settings;

	private final Clock clock;

	MissingDashboard(JdbcClient jdbc, MissingSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** A child missing now. */
	public record MissingNow(String reference, UUID childId, String childName, EpisodeType type, String riskGrade,
			Instant startedAt, long hoursMissing, Instant lastReviewedAt, boolean repeatMissing) {
	}

	/** A child back and awaiting the interview, with the hours left (negative: late). */
	public record AwaitingInterview(String reference, String childName, Instant returnedAt, Instant dueAt,
			long hoursLeft, String rag) {
	}

	/**
	 * Interviews of the children who returned in a period: offered, held, held within 72
	 * hours, declined and not possible, of all returns.
	 */
	public record Performance(String providerType, int returns, int offered, int held, int heldInTime, int declined,
			int notPossible) {

		public String percent(int count) {
			return (this.returns == 0) ? "–" : String.format("%.0f%%", 100.0 * count / this.returns);
		}

	}

	/** A child with a repeat-missing episode in the council's window. */
	public record RepeatMissing(UUID childId, String childName, int episodes, Instant lastStartedAt,
			String lastReference, boolean missingNow) {
	}

	/**
	 * The interviews' period, from the first day to the last, both included; by default
	 * the three months to today.
	 */
	public record Period(LocalDate from, LocalDate to) {

		public Instant start() {
			return this.from.atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant();
		}

		public Instant end() {
			return this.to.plusDays(1).atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant();
		}

	}

	/**
	 * The period asked for: either end may be left out; a period that ends before it
	 * starts is refused, naming {@code from}.
	 */
	public Period period(LocalDate from, LocalDate to) {
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(now(), MashHubApplication.LOCAL_TIME);
		LocalDate first = (from != null) ? from : last.minusMonths(3);
		if (first.isAfter(last)) {
			throw Refusal.invalid("from", "The period must start on or before its last day.");
		}
		return new Period(first, last);
	}

	public Instant now() {
		return this.clock.instant();
	}

	@Transactional(readOnly = true)
	public List<MissingNow> missingNow(CurrentUser reader, int limit) {
		mayRead(reader);
		Instant now = now();
		return this.jdbc.sql("""
				select e.reference, e.child_id, e.child_given_names || ' ' || e.child_family_name as child_name, e.type,
				  e.risk_grade, e.started_at, e.repeat_missing, e.last_reviewed_at
				from missing_episode e where e.returned_at is null
				order by e.started_at limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new MissingNow(rs.getString("reference"), rs.getObject("child_id", UUID.class),
					rs.getString("child_name"), EpisodeType.valueOf(rs.getString("type")),
					this.settings.gradeLabel(rs.getString("risk_grade")), EpisodeRecords.instant(rs, "started_at"),
					Duration.between(EpisodeRecords.instant(rs, "started_at"), now).toHours(),
					EpisodeRecords.instant(rs, "last_reviewed_at"), rs.getBoolean("repeat_missing")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<AwaitingInterview> awaitingInterview(CurrentUser reader, int limit) {
		mayRead(reader);
		Instant now = now();
		Duration amber = Duration.ofHours(this.settings.amberWithinHours());
		return this.jdbc.sql("""
				select reference, child_given_names || ' ' || child_family_name as child_name, returned_at,
				  interview_due_at
				from missing_episode where returned_at is not null and interview_recorded_at is null
				order by interview_due_at limit :limit""").param("limit", limit).query((rs, row) -> {
			Instant due = EpisodeRecords.instant(rs, "interview_due_at");
			Duration left = Duration.between(now, due);
			String rag = left.isNegative() ? "RED" : (left.compareTo(amber) <= 0) ? "AMBER" : "GREEN";
			return new AwaitingInterview(rs.getString("reference"), rs.getString("child_name"),
					EpisodeRecords.instant(rs, "returned_at"), due, Math.floorDiv(left.toMinutes(), 60), rag);
		}).list();
	}

	/**
	 * The period's figures: all returns first, then one row per provider type of the
	 * interviews held. Held within 72 hours is the ledger's: recorded by its due instant.
	 */
	@Transactional(readOnly = true)
	public List<Performance> performance(CurrentUser reader, Period period) {
		mayRead(reader);
		Instant from = period.start();
		Instant to = period.end();
		List<java.util.Map.Entry<Boolean, Performance>> groups = this.jdbc.sql("""
				select interview_provider_type as provider_type, grouping(interview_provider_type) = 1 as everything,
				  count(*) as returns, count(interview_outcome) as offered,
				  count(*) filter (where interview_outcome = 'HELD') as held,
				  count(*) filter (where interview_outcome = 'HELD' and interview_in_time) as held_in_time,
				  count(*) filter (where interview_outcome = 'DECLINED') as declined,
				  count(*) filter (where interview_outcome = 'NOT_POSSIBLE') as not_possible
				from missing_episode where returned_at >= :from and returned_at < :to
				group by grouping sets ((), (interview_provider_type))
				order by everything desc, provider_type""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> java.util.Map.entry(rs.getBoolean("everything"), performance(rs, row)))
			.list();
		Performance all = groups.get(0).getValue();
		List<Performance> rows = new java.util.ArrayList<>();
		rows.add(new Performance("ALL", all.returns(), all.offered(), all.held(), all.heldInTime(), all.declined(),
				all.notPossible()));
		// One row per provider of the interviews held, each against all the period's
		// returns
		groups.stream()
			.skip(1)
			.map(java.util.Map.Entry::getValue)
			.filter((group) -> group.providerType() != null)
			.forEach((group) -> rows.add(new Performance(group.providerType(), all.returns(), group.held(),
					group.held(), group.heldInTime(), 0, 0)));
		return rows;

	}

	@Transactional(readOnly = true)
	public List<RepeatMissing> repeatMissing(CurrentUser reader, int limit) {
		mayRead(reader);
		Instant since = now().minus(Duration.ofDays(this.settings.repeatWithinDays()));
		return this.jdbc.sql("""
				select e.child_id, max(e.child_given_names || ' ' || e.child_family_name) as child_name,
				  count(*) filter (where e.started_at >= :since) as episodes, max(e.started_at) as last_started_at,
				  (array_agg(e.reference order by e.started_at desc))[1] as last_reference,
				  bool_or(e.returned_at is null) as missing_now
				from missing_episode e
				where e.child_id in (select child_id from missing_episode where repeat_missing and started_at >= :since)
				group by e.child_id order by last_started_at desc limit :limit""")
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, row) -> new RepeatMissing(rs.getObject("child_id", UUID.class), rs.getString("child_name"),
					rs.getInt("episodes"), EpisodeRecords.instant(rs, "last_started_at"),
					rs.getString("last_reference"), rs.getBoolean("missing_now")))
			.list();
	}

	private static Performance performance(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Performance(rs.getString("provider_type"), rs.getInt("returns"), rs.getInt("offered"),
				rs.getInt("held"), rs.getInt("held_in_time"), rs.getInt("declined"), rs.getInt("not_possible"));
	}

	public static void mayRead(CurrentUser reader) {
		if (!reader.isIn(Roles.MISSING_COORDINATOR) && !reader.isIn(Roles.SERVICE_MANAGER)) {
			throw new AccessDeniedException(
					"The missing children dashboard is for the coordinators and service " + "managers.");
		}
	}

}
