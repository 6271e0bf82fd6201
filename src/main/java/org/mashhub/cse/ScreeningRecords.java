package org.mashhub.cse;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mashhub.MashHubApplication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The screening tables: screenings, their concerns, timeline, scorings with their
 * indicators, actions and safety plans. Nothing else writes them.
 */
@Repository
class ScreeningRecords {

	private static final String SCREENING = """
			select id, reference, child_id, child_given_names, child_family_name, child_date_of_birth, instrument_id,
			  instrument_version, opened_at, opened_by, level, computed_level, score, last_scored_at, cin_factors,
			  awaiting_approval, closed_at, closed_reason
			from cse_screening
			""";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	ScreeningRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextReference(Instant openedAt) {
		long number = this.jdbc.sql("select nextval('cse_screening_reference_number')").query(Long.class).single();
		return String.format("CSE-%d-%06d", ZonedDateTime.ofInstant(openedAt, MashHubApplication.LOCAL_TIME).getYear(),
				number);
	}

	/** Two concerns about one child at the same moment are taken one after the other. */
	void lockChild(UUID childId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:id, 20))")
			.param("id", childId.toString())
			.query()
			.singleRow();
	}

	Optional<Screening> find(String reference) {
		return this.jdbc.sql(SCREENING + " where reference = :reference")
			.param("reference", reference)
			.query(ScreeningRecords::screening)
			.optional();
	}

	Optional<Screening> openOf(UUID childId) {
		return this.jdbc.sql(SCREENING + " where child_id = :child and closed_at is null")
			.param("child", childId)
			.query(ScreeningRecords::screening)
			.optional();
	}

	List<Screening> open() {
		return this.jdbc.sql(SCREENING + " where closed_at is null order by opened_at")
			.query(ScreeningRecords::screening)
			.list();
	}

	/** The last panel held before the day, if any was recorded. */
	Optional<java.time.LocalDate> lastPanelBefore(java.time.LocalDate day) {
		return this.jdbc.sql("select max(held_on) from cse_panel where held_on < :day")
			.param("day", Date.valueOf(day))
			.query((rs, row) -> (rs.getDate(1) != null) ? rs.getDate(1).toLocalDate() : null)
			.optional();
	}

	/** Whether the panel day is new. */
	boolean recordPanel(java.time.LocalDate day, Instant now, String by) {
		return this.jdbc.sql("""
				insert into cse_panel (held_on, recorded_at, recorded_by) values (:day, :now, :by)
				on conflict (held_on) do nothing""")
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	boolean hasScreenings(UUID childId) {
		return this.jdbc.sql("select exists (select 1 from cse_screening where child_id = :child)")
			.param("child", childId)
			.query(Boolean.class)
			.single();
	}

	void insert(UUID id, String reference, Screening.ChildInScreening child, Instrument instrument, Instant openedAt,
			String openedBy) {
		this.jdbc.sql("""
				insert into cse_screening (id, reference, child_id, child_given_names, child_family_name,
				  child_date_of_birth, instrument_id, instrument_version, opened_at, opened_by)
				values (:id, :reference, :child, :given, :family, :born, :instrument, :version, :opened, :by)""")
			.param("id", id)
			.param("reference", reference)
			.param("child", child.id())
			.param("given", child.givenNames())
			.param("family", child.familyName())
			.param("born", (child.dateOfBirth() != null) ? Date.valueOf(child.dateOfBirth()) : null)
			.param("instrument", instrument.id())
			.param("version", instrument.version())
			.param("opened", Timestamp.from(openedAt))
			.param("by", openedBy)
			.update();
	}

	void setProcessInstance(UUID id, String processInstanceId) {
		this.jdbc.sql("update cse_screening set process_instance_id = :pid where id = :id")
			.param("pid", processInstanceId)
			.param("id", id)
			.update();
	}

	/** Whether the concern was new (an event delivered again is recorded once). */
	boolean addTrigger(UUID screeningId, TriggerSource source, String sourceReference, Instant raisedAt,
			String raisedBy, String summary) {
		return this.jdbc.sql("""
				insert into cse_trigger (screening_id, source, source_reference, raised_at, raised_by, summary)
				values (:screening, :source, :ref, :raised, :by, :summary)
				on conflict (source, source_reference) do nothing""")
			.param("screening", screeningId)
			.param("source", source.name())
			.param("ref", sourceReference)
			.param("raised", Timestamp.from(raisedAt))
			.param("by", raisedBy)
			.param("summary", summary)
			.update() == 1;
	}

	boolean triggerKnown(TriggerSource source, String sourceReference) {
		return this.jdbc
			.sql("select exists (select 1 from cse_trigger where source = :source and source_reference = :ref)")
			.param("source", source.name())
			.param("ref", sourceReference)
			.query(Boolean.class)
			.single();
	}

	List<ScreeningHistory.Trigger> triggers(UUID screeningId) {
		return this.jdbc.sql("""
				select source, source_reference, raised_at, raised_by, summary from cse_trigger
				where screening_id = :id order by raised_at, id""")
			.param("id", screeningId)
			.query((rs, row) -> new ScreeningHistory.Trigger(TriggerSource.valueOf(rs.getString("source")),
					rs.getString("source_reference"), instant(rs, "raised_at"), rs.getString("raised_by"),
					rs.getString("summary")))
			.list();
	}

	void addEvent(UUID screeningId, Instant at, String actor, String summary) {
		this.jdbc.sql("""
				insert into cse_screening_event (screening_id, occurred_at, actor, summary)
				values (:id, :at, :actor, :summary)""")
			.param("id", screeningId)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("summary", summary)
			.update();
	}

	List<ScreeningHistory.Event> events(UUID screeningId) {
		return this.jdbc.sql("""
				select occurred_at, actor, summary from cse_screening_event
				where screening_id = :id order by occurred_at, id""")
			.param("id", screeningId)
			.query((rs, row) -> new ScreeningHistory.Event(instant(rs, "occurred_at"), rs.getString("actor"),
					rs.getString("summary")))
			.list();
	}

	/**
	 * A scoring's row and its indicators; the screening's own level follows separately.
	 */
	void insertScoring(ScreeningHistory.Scoring scoring, UUID screeningId, String instrumentId, Instant recordedAt) {
		this.jdbc.sql("""
				insert into cse_scoring (id, screening_id, kind, scored_at, scored_by, recorded_at, instrument_id,
				  instrument_version, score, decision_inputs, rules_fired, computed_level, proposed_level, rationale,
				  final_level, summary, closes)
				values (:id, :screening, :kind, :scored, :by, :recorded, :instrument, :version, :score,
				  cast(:inputs as jsonb), cast(:rules as jsonb), :computed, :proposed, :rationale, :final, :summary,
				  :closes)""")
			.param("id", scoring.id())
			.param("screening", screeningId)
			.param("kind", scoring.kind())
			.param("scored", Timestamp.from(scoring.scoredAt()))
			.param("by", scoring.scoredBy())
			.param("recorded", Timestamp.from(recordedAt))
			.param("instrument", instrumentId)
			.param("version", scoring.instrumentVersion())
			.param("score", scoring.score())
			.param("inputs", json(scoring.inputs()))
			.param("rules", json(scoring.rulesFired()))
			.param("computed", scoring.computedLevel().name())
			.param("proposed", scoring.proposedLevel().name())
			.param("rationale", scoring.rationale())
			.param("final", (scoring.finalLevel() != null) ? scoring.finalLevel().name() : null)
			.param("summary", scoring.summary())
			.param("closes", scoring.closes())
			.update();
		for (ScreeningHistory.Answer answer : scoring.answers()) {
			this.jdbc.sql("""
					insert into cse_scoring_indicator (scoring_id, indicator_code, answer, observed_on, agency, basis,
					  note, dropped_out)
					values (:scoring, :code, :answer, :observed, :agency, :basis, :note, :dropped)""")
				.param("scoring", scoring.id())
				.param("code", answer.indicatorCode())
				.param("answer", answer.answer().name())
				.param("observed", (answer.observedOn() != null) ? Date.valueOf(answer.observedOn()) : null)
				.param("agency", answer.agency())
				.param("basis", (answer.basis() != null) ? answer.basis().name() : null)
				.param("note", answer.note())
				.param("dropped", answer.droppedOut())
				.update();
		}
	}

	/**
	 * The screening's level and last scoring, as a scoring or an approval leaves them.
	 */
	void setLevel(UUID screeningId, RiskLevel level, RiskLevel computed, int score, Instant scoredAt,
			List<CinFactor> cinFactors, boolean awaitingApproval, String instrumentId, int instrumentVersion) {
		this.jdbc.sql("""
				update cse_screening set level = :level, computed_level = :computed, score = :score,
				  last_scored_at = :scored, cin_factors = :factors, awaiting_approval = :awaiting,
				  instrument_id = :instrument, instrument_version = :version
				where id = :id""")
			.param("level", level.name())
			.param("computed", computed.name())
			.param("score", score)
			.param("scored", Timestamp.from(scoredAt))
			.param("factors", cinFactors.stream().map(CinFactor::code).toArray(String[]::new))
			.param("awaiting", awaitingApproval)
			.param("instrument", instrumentId)
			.param("version", instrumentVersion)
			.param("id", screeningId)
			.update();
	}

	void settleApproval(UUID scoringId, boolean approved, RiskLevel finalLevel, String by, Instant at, String note) {
		this.jdbc.sql("""
				update cse_scoring set approval = :approval, final_level = :final, approved_by = :by,
				  approved_at = :at, approval_note = :note
				where id = :id""")
			.param("approval", approved ? "APPROVED" : "REFUSED")
			.param("final", finalLevel.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.param("id", scoringId)
			.update();
	}

	void settleScreening(UUID screeningId, RiskLevel level) {
		this.jdbc.sql("update cse_screening set level = :level, awaiting_approval = false where id = :id")
			.param("level", level.name())
			.param("id", screeningId)
			.update();
	}

	/** Closes an open screening; false when it was closed already. */
	boolean close(UUID screeningId, String reason, Instant at) {
		return this.jdbc.sql("""
				update cse_screening set closed_at = :at, closed_reason = :reason
				where id = :id and closed_at is null""")
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("id", screeningId)
			.update() == 1;
	}

	List<ScreeningHistory.Scoring> scorings(UUID screeningId) {
		List<ScreeningHistory.Scoring> scorings = this.jdbc.sql("""
				select id, kind, scored_at, scored_by, instrument_version, score, decision_inputs::text as inputs,
				  rules_fired::text as rules, computed_level, proposed_level, rationale, final_level, approval,
				  approved_by, approved_at, approval_note, summary, closes
				from cse_scoring where screening_id = :id order by scored_at desc, recorded_at desc""")
			.param("id", screeningId)
			.query((rs, row) -> new ScreeningHistory.Scoring(rs.getObject("id", UUID.class), rs.getString("kind"),
					instant(rs, "scored_at"), rs.getString("scored_by"), rs.getInt("instrument_version"),
					rs.getInt("score"), read(rs.getString("inputs"), new TypeReference<RiskDecision.Inputs>() {
					}), read(rs.getString("rules"), new TypeReference<List<RiskDecision.FiredRule>>() {
					}), level(rs, "computed_level"), level(rs, "proposed_level"), rs.getString("rationale"),
					level(rs, "final_level"), rs.getString("approval"), rs.getString("approved_by"),
					instant(rs, "approved_at"), rs.getString("approval_note"), rs.getString("summary"),
					rs.getBoolean("closes"), List.of()))
			.list();
		if (scorings.isEmpty()) {
			return scorings;
		}
		Map<UUID, List<ScreeningHistory.Answer>> answers = new java.util.HashMap<>();
		this.jdbc.sql("""
				select i.scoring_id, i.indicator_code, i.answer, i.observed_on, i.agency, i.basis, i.note, i.dropped_out
				from cse_scoring_indicator i join cse_scoring s on s.id = i.scoring_id
				where s.screening_id = :id""").param("id", screeningId).query((rs) -> {
			answers.computeIfAbsent(rs.getObject("scoring_id", UUID.class), (key) -> new java.util.ArrayList<>())
				.add(new ScreeningHistory.Answer(rs.getString("indicator_code"),
						IndicatorAnswer.valueOf(rs.getString("answer")),
						(rs.getDate("observed_on") != null) ? rs.getDate("observed_on").toLocalDate() : null,
						rs.getString("agency"),
						(rs.getString("basis") != null) ? EvidenceBasis.valueOf(rs.getString("basis")) : null,
						rs.getString("note"), rs.getBoolean("dropped_out")));
		});
		return scorings.stream()
			.map((s) -> new ScreeningHistory.Scoring(s.id(), s.kind(), s.scoredAt(), s.scoredBy(),
					s.instrumentVersion(), s.score(), s.inputs(), s.rulesFired(), s.computedLevel(), s.proposedLevel(),
					s.rationale(), s.finalLevel(), s.approval(), s.approvedBy(), s.approvedAt(), s.approvalNote(),
					s.summary(), s.closes(), answers.getOrDefault(s.id(), List.of())))
			.toList();
	}

	void insertAction(UUID screeningId, String kind, ScreeningForms.Action action, Instant now, String by) {
		this.jdbc.sql("""
				insert into cse_action (screening_id, kind, held_at, attendees, outcome, recorded_at, recorded_by)
				values (:id, :kind, :held, :attendees, :outcome, :now, :by)""")
			.param("id", screeningId)
			.param("kind", kind)
			.param("held", Timestamp.from(action.heldAt()))
			.param("attendees", ScreeningForms.strip(action.attendees()))
			.param("outcome", action.outcome().strip())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	List<ScreeningHistory.Action> actions(UUID screeningId) {
		return this.jdbc.sql("""
				select kind, held_at, attendees, outcome, recorded_by from cse_action
				where screening_id = :id order by held_at desc, id desc""")
			.param("id", screeningId)
			.query((rs, row) -> new ScreeningHistory.Action(rs.getString("kind"), instant(rs, "held_at"),
					rs.getString("attendees"), rs.getString("outcome"), rs.getString("recorded_by")))
			.list();
	}

	/** A new version of the safety plan; returns its version. */
	int insertSafetyPlan(UUID screeningId, ScreeningForms.SafetyPlan plan, Instant now, String by) {
		Map<String, Object> row = this.jdbc.sql("""
				insert into cse_safety_plan (screening_id, version, summary, recorded_at, recorded_by)
				values (:id, (select coalesce(max(version), 0) + 1 from cse_safety_plan where screening_id = :id),
				  :summary, :now, :by)
				returning id, version""")
			.param("id", screeningId)
			.param("summary", plan.summary().strip())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.query()
			.singleRow();
		long planId = ((Number) row.get("id")).longValue();
		int position = 0;
		for (ScreeningForms.PlanAction action : plan.actions()) {
			this.jdbc.sql("""
					insert into cse_safety_plan_action (plan_id, position, action, owner, due_on)
					values (:plan, :position, :action, :owner, :due)""")
				.param("plan", planId)
				.param("position", position++)
				.param("action", action.action().strip())
				.param("owner", action.owner().strip())
				.param("due", Date.valueOf(action.dueOn()))
				.update();
		}
		return ((Number) row.get("version")).intValue();
	}

	/**
	 * Every version of the safety plan, the latest first, with its actions: one query.
	 */
	List<ScreeningHistory.SafetyPlan> safetyPlans(UUID screeningId) {
		Map<Integer, ScreeningHistory.SafetyPlan> plans = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select p.version, p.summary, p.recorded_at, p.recorded_by, a.action, a.owner, a.due_on
				from cse_safety_plan p left join cse_safety_plan_action a on a.plan_id = p.id
				where p.screening_id = :id order by p.version desc, a.position""")
			.param("id", screeningId)
			.query((rs) -> {
				ScreeningHistory.SafetyPlan plan = plans.get(rs.getInt("version"));
				if (plan == null) {
					plan = new ScreeningHistory.SafetyPlan(rs.getInt("version"), rs.getString("summary"),
							instant(rs, "recorded_at"), rs.getString("recorded_by"), new java.util.ArrayList<>());
					plans.put(plan.version(), plan);
				}
				if (rs.getString("action") != null) {
					plan.actions()
						.add(new ScreeningHistory.PlanAction(rs.getString("action"), rs.getString("owner"),
								rs.getDate("due_on").toLocalDate()));
				}
			});
		return List.copyOf(plans.values());
	}

	private static Screening screening(ResultSet rs, int row) throws SQLException {
		return new Screening(rs.getObject("id", UUID.class), rs.getString("reference"),
				new Screening.ChildInScreening(rs.getObject("child_id", UUID.class), rs.getString("child_given_names"),
						rs.getString("child_family_name"),
						(rs.getDate("child_date_of_birth") != null) ? rs.getDate("child_date_of_birth").toLocalDate()
								: null),
				rs.getString("instrument_id"), rs.getInt("instrument_version"), instant(rs, "opened_at"),
				rs.getString("opened_by"), level(rs, "level"), level(rs, "computed_level"),
				(Integer) rs.getObject("score"), instant(rs, "last_scored_at"), factors(rs.getArray("cin_factors")),
				rs.getBoolean("awaiting_approval"), instant(rs, "closed_at"), rs.getString("closed_reason"));
	}

	static List<CinFactor> factors(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).flatMap((code) -> CinFactor.ofCode(code).stream()).toList();
	}

	static RiskLevel level(ResultSet rs, String column) throws SQLException {
		String level = rs.getString(column);
		return (level != null) ? RiskLevel.valueOf(level) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T read(String json, TypeReference<T> type) {
		try {
			return JSON.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
