package org.mashhub.missing;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The missing module's tables: episodes, their timeline, risk reviews, meetings and
 * return home interviews. Nothing else writes them.
 */
@Repository
class EpisodeRecords {

	private static final String EPISODE = """
			select id, reference, child_id, child_given_names, child_family_name, child_date_of_birth, type, risk_grade,
			  last_seen_at, left_at, started_at, reported_at, reported_by_name, reported_by_role, reporting_agency,
			  recorded_by, channel, police_reference, placement, placing_authority, placing_authority_contact,
			  circumstances, exploitation_indicators, repeat_missing, returned_at, found_by, found_where,
			  return_recorded_at, return_recorded_by, prevention_interview_at, prevention_interview_by, interview_due_at,
			  process_instance_id
			from missing_episode
			""";

	private final JdbcClient jdbc;

	EpisodeRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An episode's start and end, for the overlap rule. */
	record Span(String reference, Instant startedAt, Instant returnedAt) {
	}

	String nextReference(Instant reportedAt) {
		long number = this.jdbc.sql("select nextval('missing_episode_reference_number')").query(Long.class).single();
		return String.format("MIS-%d-%06d",
				ZonedDateTime.ofInstant(reportedAt, MashHubApplication.LOCAL_TIME).getYear(), number);
	}

	/**
	 * Holds the child's episodes still until the transaction ends: two reports of one
	 * child at the same moment are checked one after the other.
	 */
	void lockChild(UUID childId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:id, 19))")
			.param("id", childId.toString())
			.query()
			.singleRow();
	}

	List<Span> spansOf(UUID childId) {
		return this.jdbc.sql(
				"select reference, started_at, returned_at from missing_episode where child_id = :id order by started_at")
			.param("id", childId)
			.query((rs, row) -> new Span(rs.getString("reference"), instant(rs, "started_at"),
					instant(rs, "returned_at")))
			.list();
	}

	/**
	 * Whether an episode of the child that began at or after the instant made them repeat
	 * missing.
	 */
	boolean repeatMissingSince(UUID childId, Instant since) {
		return this.jdbc.sql("""
				select exists (select 1 from missing_episode
				  where child_id = :id and repeat_missing and started_at >= :since)""")
			.param("id", childId)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	/** The child's open episode, if they are missing now. */
	Optional<String> openEpisodeOf(UUID childId) {
		return this.jdbc.sql("select reference from missing_episode where child_id = :id and returned_at is null")
			.param("id", childId)
			.query(String.class)
			.optional();
	}

	/** Episodes of the child that began at or after the instant. */
	int startedSince(UUID childId, Instant since) {
		return this.jdbc.sql("select count(*) from missing_episode where child_id = :id and started_at >= :since")
			.param("id", childId)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Inserts the episode, unless the caller already sent this Idempotency-Key; returns
	 * the rows inserted.
	 */
	int insert(UUID id, String reference, UUID childId, EpisodeForms.NewReport report, Instant startedAt,
			Instant reportedAt, String reportingAgency, Instant now, String recordedBy, String channel, String key,
			String hash) {
		return this.jdbc
			.sql("""
					insert into missing_episode (id, reference, child_id, child_given_names, child_family_name,
					  child_date_of_birth, type, risk_grade, last_seen_at, left_at, started_at, reported_at, reported_by_name,
					  reported_by_role, reporting_agency, recorded_at, recorded_by, channel, police_reference, placement,
					  placing_authority, placing_authority_contact, circumstances, exploitation_indicators, idempotency_key,
					  request_hash)
					values (:id, :reference, :childId, :givenNames, :familyName, :dateOfBirth, :type, :riskGrade, :lastSeenAt,
					  :leftAt, :startedAt, :reportedAt, :reportedByName, :reportedByRole, :agency, :recordedAt, :recordedBy,
					  :channel, :policeReference, :placement, :placingAuthority, :placingAuthorityContact, :circumstances,
					  :indicators, :key, :hash)
					on conflict (recorded_by, idempotency_key) do nothing""")
			.param("id", id)
			.param("reference", reference)
			.param("childId", childId)
			.param("givenNames", report.child().givenNames().strip())
			.param("familyName", report.child().familyName().strip())
			.param("dateOfBirth", Date.valueOf(report.child().dateOfBirth()))
			.param("type", report.type().name())
			.param("riskGrade", report.riskGrade())
			.param("lastSeenAt", Timestamp.from(report.lastSeenAt()))
			.param("leftAt", timestamp(report.leftAt()))
			.param("startedAt", Timestamp.from(startedAt))
			.param("reportedAt", Timestamp.from(reportedAt))
			.param("reportedByName", report.reportedByName().strip())
			.param("reportedByRole", report.reportedByRole().strip())
			.param("agency", reportingAgency)
			.param("recordedAt", Timestamp.from(now))
			.param("recordedBy", recordedBy)
			.param("channel", channel)
			.param("policeReference", EpisodeForms.strip(report.policeReference()))
			.param("placement", EpisodeForms.strip(report.placement()))
			.param("placingAuthority", EpisodeForms.strip(report.placingAuthority()))
			.param("placingAuthorityContact", EpisodeForms.strip(report.placingAuthorityContact()))
			.param("circumstances", EpisodeForms.strip(report.circumstances()))
			.param("indicators", report.exploitationIndicators().toArray(String[]::new))
			.param("key", key)
			.param("hash", hash)
			.update();
	}

	/** The episode an Idempotency-Key was first used for, with the request's hash. */
	Optional<Map.Entry<String, String>> byIdempotencyKey(String recordedBy, String key) {
		return this.jdbc.sql("""
				select reference, request_hash from missing_episode
				where recorded_by = :recordedBy and idempotency_key = :key""")
			.param("recordedBy", recordedBy)
			.param("key", key)
			.query((rs, row) -> Map.entry(rs.getString("reference"), rs.getString("request_hash")))
			.optional();
	}

	void update(UUID id, String assignments, Map<String, ?> params) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("update missing_episode set " + assignments + ", version = version + 1 where id = :id")
			.param("id", id);
		params.forEach(statement::param);
		statement.update();
	}

	/**
	 * Records the return on an open episode; 0 when it was already returned (the first
	 * return stands).
	 */
	int recordReturn(UUID id, EpisodeForms.ReturnReport report, Instant now, String by, Instant interviewDueAt) {
		return this.jdbc.sql("""
				update missing_episode set returned_at = :returnedAt, found_by = :foundBy, found_where = :foundWhere,
				  return_recorded_at = :now, return_recorded_by = :by, prevention_interview_at = :preventionAt,
				  prevention_interview_by = :preventionBy, interview_due_at = :dueAt, version = version + 1
				where id = :id and returned_at is null""")
			.param("id", id)
			.param("returnedAt", Timestamp.from(report.returnedAt()))
			.param("foundBy", EpisodeForms.strip(report.foundBy()))
			.param("foundWhere", EpisodeForms.strip(report.foundWhere()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("preventionAt", timestamp(report.preventionInterviewAt()))
			.param("preventionBy", EpisodeForms.strip(report.preventionInterviewBy()))
			.param("dueAt", Timestamp.from(interviewDueAt))
			.update();
	}

	/** The interview's figures on the episode, for the dashboard's period table. */
	void interviewRecorded(UUID id, Instant at, InterviewOutcome outcome, ProviderType providerType, boolean inTime) {
		this.jdbc.sql("""
				update missing_episode set interview_recorded_at = :at, interview_outcome = :outcome,
				  interview_provider_type = :providerType, interview_in_time = :inTime, version = version + 1
				where id = :id""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("outcome", outcome.name())
			.param("providerType", (providerType != null) ? providerType.name() : null)
			.param("inTime", inTime)
			.update();
	}

	/** Marks the episode's exploitation concern raised; false when it already was. */
	boolean raiseExploitationConcern(UUID id, Instant at) {
		return this.jdbc.sql("""
				update missing_episode set exploitation_concern_raised_at = :at
				where id = :id and exploitation_concern_raised_at is null""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<MissingEpisode> find(String reference) {
		return this.jdbc.sql(EPISODE + " where reference = :reference")
			.param("reference", reference)
			.query(EpisodeRecords::episode)
			.optional();
	}

	/** An episode by our reference, or by the police reference its police system gave. */
	Optional<MissingEpisode> findByEitherReference(String reference) {
		return find(reference)
			.or(() -> this.jdbc.sql(EPISODE + " where police_reference = :reference order by started_at desc limit 1")
				.param("reference", reference)
				.query(EpisodeRecords::episode)
				.optional());
	}

	boolean hasEpisodes(UUID childId) {
		return this.jdbc.sql("select exists (select 1 from missing_episode where child_id = :id)")
			.param("id", childId)
			.query(Boolean.class)
			.single();
	}

	void addEvent(UUID episodeId, Instant at, String actor, String summary) {
		this.jdbc.sql("""
				insert into missing_episode_event (episode_id, occurred_at, actor, summary)
				values (:id, :at, :actor, :summary)""")
			.param("id", episodeId)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("summary", summary)
			.update();
	}

	List<EpisodeHistory.Event> events(UUID episodeId) {
		return this.jdbc.sql("""
				select occurred_at, actor, summary from missing_episode_event where episode_id = :id
				order by occurred_at, id""")
			.param("id", episodeId)
			.query((rs, row) -> new EpisodeHistory.Event(instant(rs, "occurred_at"), rs.getString("actor"),
					rs.getString("summary")))
			.list();
	}

	void insertReview(UUID episodeId, Instant at, String by, String from, String to, String reason, String notes) {
		this.jdbc
			.sql("""
					insert into missing_risk_review (episode_id, reviewed_at, reviewed_by, grade_from, grade_to, reason, notes)
					values (:id, :at, :by, :from, :to, :reason, :notes)""")
			.param("id", episodeId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.param("notes", notes)
			.update();
	}

	List<EpisodeHistory.Review> reviews(UUID episodeId) {
		return this.jdbc.sql("""
				select reviewed_at, reviewed_by, grade_from, grade_to, reason, notes from missing_risk_review
				where episode_id = :id order by reviewed_at, id""")
			.param("id", episodeId)
			.query((rs, row) -> new EpisodeHistory.Review(instant(rs, "reviewed_at"), rs.getString("reviewed_by"),
					rs.getString("grade_from"), rs.getString("grade_to"), rs.getString("reason"),
					rs.getString("notes")))
			.list();
	}

	void insertMeeting(UUID episodeId, String kind, EpisodeForms.Meeting meeting, Instant now, String by) {
		this.jdbc.sql("""
				insert into missing_meeting (episode_id, kind, held_at, attendees, outcome, actions, recorded_at,
				  recorded_by)
				values (:id, :kind, :heldAt, :attendees, :outcome, :actions, :now, :by)""")
			.param("id", episodeId)
			.param("kind", kind)
			.param("heldAt", Timestamp.from(meeting.heldAt()))
			.param("attendees", meeting.attendees().strip())
			.param("outcome", meeting.outcome().strip())
			.param("actions", EpisodeForms.strip(meeting.actions()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	List<EpisodeHistory.Meeting> meetings(UUID episodeId) {
		return this.jdbc.sql("""
				select kind, held_at, attendees, outcome, actions, recorded_by from missing_meeting
				where episode_id = :id order by held_at, id""")
			.param("id", episodeId)
			.query((rs, row) -> new EpisodeHistory.Meeting(rs.getString("kind"), instant(rs, "held_at"),
					rs.getString("attendees"), rs.getString("outcome"), rs.getString("actions"),
					rs.getString("recorded_by")))
			.list();
	}

	void insertInterview(UUID episodeId, EpisodeForms.Interview form, Instant now, String by, Instant dueAt) {
		this.jdbc.sql("""
				insert into return_interview (episode_id, offered_at, offered_how, offered_by, outcome, outcome_reason,
				  carer_knows, held_at, held_where, interviewer, provider_type, before_episode, during_episode,
				  after_episode, push_factors, pull_factors, factors_note, harm, child_words, actions,
				  intelligence_to_police, intelligence_note, exploitation_indicators, recorded_at, recorded_by, due_at)
				values (:id, :offeredAt, :offeredHow, :offeredBy, :outcome, :outcomeReason, :carerKnows, :heldAt,
				  :heldWhere, :interviewer, :providerType, :before, :during, :after, :push, :pull, :factorsNote, :harm,
				  :childWords, :actions, :intelligence, :intelligenceNote, :indicators, :now, :by, :dueAt)""")
			.param("id", episodeId)
			.param("offeredAt", Timestamp.from(form.offeredAt()))
			.param("offeredHow", form.offeredHow().strip())
			.param("offeredBy", form.offeredBy().strip())
			.param("outcome", form.outcome().name())
			.param("outcomeReason", EpisodeForms.strip(form.outcomeReason()))
			.param("carerKnows", EpisodeForms.strip(form.carerKnows()))
			.param("heldAt", timestamp(form.heldAt()))
			.param("heldWhere", EpisodeForms.strip(form.heldWhere()))
			.param("interviewer", (form.outcome() == InterviewOutcome.HELD) ? by : null)
			.param("providerType", (form.providerType() != null) ? form.providerType().name() : null)
			.param("before", EpisodeForms.strip(form.beforeEpisode()))
			.param("during", EpisodeForms.strip(form.duringEpisode()))
			.param("after", EpisodeForms.strip(form.afterEpisode()))
			.param("push", form.pushFactors().toArray(String[]::new))
			.param("pull", form.pullFactors().toArray(String[]::new))
			.param("factorsNote", EpisodeForms.strip(form.factorsNote()))
			.param("harm", EpisodeForms.strip(form.harm()))
			.param("childWords", EpisodeForms.strip(form.childWords()))
			.param("actions", EpisodeForms.strip(form.actions()))
			.param("intelligence", Boolean.TRUE.equals(form.intelligenceToPolice()))
			.param("intelligenceNote", EpisodeForms.strip(form.intelligenceNote()))
			.param("indicators", form.exploitationIndicators().toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("dueAt", Timestamp.from(dueAt))
			.update();
	}

	Optional<ReturnInterview> interview(UUID episodeId) {
		return this.jdbc.sql("select * from return_interview where episode_id = :id")
			.param("id", episodeId)
			.query((rs,
					row) -> new ReturnInterview(
							new ReturnInterview.Offer(instant(rs, "offered_at"), rs.getString("offered_how"),
									rs.getString("offered_by")),
							InterviewOutcome.valueOf(rs.getString("outcome")), rs.getString("outcome_reason"),
							rs.getString("carer_knows"),
							(rs.getTimestamp("held_at") != null)
									? new ReturnInterview.Held(instant(rs, "held_at"), rs.getString("held_where"),
											rs.getString("interviewer"),
											(rs.getString("provider_type") != null)
													? ProviderType.valueOf(rs.getString("provider_type")) : null)
									: null,
							new ReturnInterview.Findings(rs.getString("before_episode"), rs.getString("during_episode"),
									rs.getString("after_episode"), strings(rs.getArray("push_factors")),
									strings(rs.getArray("pull_factors")), rs.getString("factors_note"),
									rs.getString("harm"), rs.getString("child_words"), rs.getString("actions"),
									rs.getBoolean("intelligence_to_police"), rs.getString("intelligence_note"),
									strings(rs.getArray("exploitation_indicators"))),
							instant(rs, "recorded_at"), rs.getString("recorded_by"), instant(rs, "due_at")))
			.optional();
	}

	private static MissingEpisode episode(ResultSet rs, int row) throws SQLException {
		MissingEpisode.Return returned = (rs.getTimestamp("returned_at") == null) ? null
				: new MissingEpisode.Return(instant(rs, "returned_at"), rs.getString("found_by"),
						rs.getString("found_where"), instant(rs, "return_recorded_at"),
						rs.getString("return_recorded_by"), instant(rs, "prevention_interview_at"),
						rs.getString("prevention_interview_by"));
		return new MissingEpisode(rs.getObject("id", UUID.class), rs.getString("reference"),
				new MissingEpisode.ChildInEpisode(rs.getObject("child_id", UUID.class),
						rs.getString("child_given_names"), rs.getString("child_family_name"),
						rs.getDate("child_date_of_birth").toLocalDate(), rs.getString("placement"),
						rs.getString("placing_authority"), rs.getString("placing_authority_contact")),
				new MissingEpisode.Report(EpisodeType.valueOf(rs.getString("type")), instant(rs, "last_seen_at"),
						instant(rs, "left_at"), instant(rs, "started_at"), instant(rs, "reported_at"),
						rs.getString("reported_by_name"), rs.getString("reported_by_role"),
						rs.getString("reporting_agency"), rs.getString("recorded_by"), rs.getString("channel"),
						rs.getString("police_reference"), rs.getString("circumstances"),
						strings(rs.getArray("exploitation_indicators"))),
				rs.getString("risk_grade"), rs.getBoolean("repeat_missing"), returned, instant(rs, "interview_due_at"),
				rs.getString("process_instance_id"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
