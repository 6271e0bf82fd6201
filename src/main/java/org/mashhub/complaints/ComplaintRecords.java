package org.mashhub.complaints;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaint tables. */
@Repository
class ComplaintRecords {

	private final JdbcClient jdbc;

	ComplaintRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextReference(int year) {
		long number = this.jdbc.sql("select nextval('complaint_reference_number')").query(Long.class).single();
		return String.format("CMP-%d-%05d", year, number);
	}

	void insert(UUID id, String reference, ComplaintForms.NewComplaint form, Instant receivedAt, Instant loggedAt,
			String loggedBy, ChildConsent consent) {
		this.jdbc
			.sql("""
					insert into complaint (id, reference, received_at, received_via, logged_at, logged_by, complainant_name,
					  complainant_contact, complainant_type, child_name, child_date_of_birth, child_consent, child_consent_note,
					  matter_arose_on, advocacy_offered, advocacy_accepted, advocate, desired_outcome, status, stage)
					values (:id, :reference, :receivedAt, :receivedVia, :loggedAt, :loggedBy, :complainantName,
					  :complainantContact, :complainantType, :childName, :childDateOfBirth, :childConsent, :childConsentNote,
					  :matterAroseOn, :advocacyOffered, :advocacyAccepted, :advocate, :desiredOutcome, 'OPEN', 1)""")
			.param("id", id)
			.param("reference", reference)
			.param("receivedAt", Timestamp.from(receivedAt))
			.param("receivedVia", form.receivedVia().strip())
			.param("loggedAt", Timestamp.from(loggedAt))
			.param("loggedBy", loggedBy)
			.param("complainantName", form.complainantName().strip())
			.param("complainantContact", form.complainantContact().strip())
			.param("complainantType", form.complainantType().name())
			.param("childName", blankToNull(form.childName()))
			.param("childDateOfBirth", form.childDateOfBirth())
			.param("childConsent", (consent != null) ? consent.name() : null)
			.param("childConsentNote", blankToNull(form.childConsentNote()))
			.param("matterAroseOn", form.matterAroseOn())
			.param("advocacyOffered", Boolean.TRUE.equals(form.advocacyOffered()))
			.param("advocacyAccepted", form.advocacyAccepted())
			.param("advocate", blankToNull(form.advocate()))
			.param("desiredOutcome", blankToNull(form.desiredOutcome()))
			.update();
		int position = 1;
		for (ComplaintForms.Element element : form.elements()) {
			this.jdbc.sql("""
					insert into complaint_element (complaint_id, position, summary, theme)
					values (:id, :position, :summary, :theme)""")
				.param("id", id)
				.param("position", position++)
				.param("summary", element.summary().strip())
				.param("theme", element.theme())
				.update();
		}
	}

	Optional<Complaint> find(String reference) {
		return this.jdbc.sql("select * from complaint where reference = :reference")
			.param("reference", reference)
			.query((rs, row) -> complaint(rs))
			.optional()
			.map(this::withParts);
	}

	/** Who complains, without loading the rest of the complaint. */
	Optional<ComplainantType> complainantType(String reference) {
		return this.jdbc.sql("select complainant_type from complaint where reference = :reference")
			.param("reference", reference)
			.query((rs, row) -> ComplainantType.valueOf(rs.getString(1)))
			.optional();
	}

	/** The complaints not yet closed, oldest first. */
	List<Complaint> open() {
		return withParts(
				this.jdbc.sql("select * from complaint where closed_at is null order by received_at, reference")
					.query((rs, row) -> complaint(rs))
					.list());
	}

	/**
	 * Complaints with anything in the period: received, asked for a stage, answered,
	 * closed or referred on.
	 */
	List<Complaint> touchedBetween(Instant from, Instant to) {
		List<Complaint> found = this.jdbc
			.sql("""
					select * from complaint c
					where c.received_at >= :from and c.received_at < :to
					   or c.closed_at >= :from and c.closed_at < :to
					   or c.ombudsman_referred_on >= cast(:fromDay as date) and c.ombudsman_referred_on < cast(:toDay as date)
					   or exists (select 1 from complaint_stage s where s.complaint_id = c.id
					              and (s.requested_at >= :from and s.requested_at < :to
					                   or s.responded_at >= :from and s.responded_at < :to))
					order by c.received_at, c.reference""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("fromDay",
					java.sql.Date.valueOf(LocalDate.ofInstant(from, org.mashhub.MashHubApplication.LOCAL_TIME)))
			.param("toDay", java.sql.Date.valueOf(LocalDate.ofInstant(to, org.mashhub.MashHubApplication.LOCAL_TIME)))
			.query((rs, row) -> complaint(rs))
			.list();
		return withParts(found);
	}

	void update(UUID id, String assignments, Map<String, Object> values) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("update complaint set " + assignments + ", version = version + 1 where id = :id")
			.param("id", id);
		for (Map.Entry<String, Object> value : values.entrySet()) {
			statement = statement.param(value.getKey(), sqlValue(value.getValue()));
		}
		statement.update();
	}

	void insertStage(UUID id, int stage, Instant requestedAt, Instant windowClosedAt, String lateReason,
			String acceptedBy, Instant startedAt) {
		this.jdbc.sql("""
				insert into complaint_stage (complaint_id, stage, requested_at, request_window_closed_at,
				  late_request_reason, late_request_accepted_by, started_at)
				values (:id, :stage, :requestedAt, :windowClosedAt, :lateReason, :acceptedBy, :startedAt)""")
			.param("id", id)
			.param("stage", stage)
			.param("requestedAt", Timestamp.from(requestedAt))
			.param("windowClosedAt", (windowClosedAt != null) ? Timestamp.from(windowClosedAt) : null)
			.param("lateReason", lateReason)
			.param("acceptedBy", acceptedBy)
			.param("startedAt", (startedAt != null) ? Timestamp.from(startedAt) : null)
			.update();
	}

	void updateStage(UUID id, int stage, String assignments, Map<String, Object> values) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("update complaint_stage set " + assignments + " where complaint_id = :id and stage = :stage")
			.param("id", id)
			.param("stage", stage);
		for (Map.Entry<String, Object> value : values.entrySet()) {
			statement = statement.param(value.getKey(), sqlValue(value.getValue()));
		}
		statement.update();
	}

	/**
	 * Records a stage's finding on each element; a later record of the same stage
	 * replaces it.
	 */
	void recordFindings(UUID id, int stage, Map<Integer, ComplaintForms.ElementFinding> findings, boolean proposed,
			String by, Instant at) {
		for (Map.Entry<Integer, ComplaintForms.ElementFinding> entry : findings.entrySet()) {
			ComplaintForms.ElementFinding finding = entry.getValue();
			this.jdbc.sql(proposed
					? """
							insert into complaint_finding (complaint_id, position, stage, finding, proposed_finding, note, recorded_by, recorded_at)
							values (:id, :position, :stage, :finding, :finding, :note, :by, :at)
							on conflict (complaint_id, position, stage) do update set proposed_finding = excluded.proposed_finding,
							  finding = excluded.finding, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at"""
					: """
							insert into complaint_finding (complaint_id, position, stage, finding, note, recorded_by, recorded_at)
							values (:id, :position, :stage, :finding, :note, :by, :at)
							on conflict (complaint_id, position, stage) do update set finding = excluded.finding,
							  note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
				.param("id", id)
				.param("position", entry.getKey())
				.param("stage", stage)
				.param("finding", finding.finding().name())
				.param("note", blankToNull(finding.note()))
				.param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	void addEvent(UUID id, Instant at, String by, String what) {
		this.jdbc.sql(
				"insert into complaint_event (complaint_id, occurred_at, occurred_by, what) values (:id, :at, :by, :what)")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("what", what)
			.update();
	}

	List<Complaint.Event> events(UUID id) {
		return this.jdbc.sql("select * from complaint_event where complaint_id = :id order by occurred_at, id")
			.param("id", id)
			.query((rs, row) -> new Complaint.Event(instant(rs, "occurred_at"), rs.getString("occurred_by"),
					rs.getString("what")))
			.list();
	}

	private Complaint withParts(Complaint complaint) {
		return withParts(List.of(complaint)).get(0);
	}

	/** Elements, findings and stages of many complaints in three queries. */
	private List<Complaint> withParts(List<Complaint> complaints) {
		if (complaints.isEmpty()) {
			return complaints;
		}
		UUID[] ids = complaints.stream().map(Complaint::id).toArray(UUID[]::new);
		Map<UUID, Map<Integer, Map<Integer, Complaint.StageFinding>>> findings = new LinkedHashMap<>();
		this.jdbc.sql("select * from complaint_finding where complaint_id = any(:ids)")
			.param("ids", ids)
			.query((rs) -> {
				findings.computeIfAbsent(rs.getObject("complaint_id", UUID.class), (k) -> new TreeMap<>())
					.computeIfAbsent(rs.getInt("position"), (k) -> new TreeMap<>())
					.put(rs.getInt("stage"),
							new Complaint.StageFinding(rs.getInt("stage"), Finding.valueOf(rs.getString("finding")),
									(rs.getString("proposed_finding") != null)
											? Finding.valueOf(rs.getString("proposed_finding")) : null,
									rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at")));
			});
		Map<UUID, List<Complaint.Element>> elements = new LinkedHashMap<>();
		this.jdbc.sql("select * from complaint_element where complaint_id = any(:ids) order by position")
			.param("ids", ids)
			.query((rs) -> {
				UUID id = rs.getObject("complaint_id", UUID.class);
				elements.computeIfAbsent(id, (k) -> new ArrayList<>())
					.add(new Complaint.Element(rs.getInt("position"), rs.getString("summary"), rs.getString("theme"),
							findings.getOrDefault(id, Map.of()).getOrDefault(rs.getInt("position"), Map.of())));
			});
		Map<UUID, List<Complaint.Stage>> stages = new LinkedHashMap<>();
		this.jdbc.sql("select * from complaint_stage where complaint_id = any(:ids) order by stage")
			.param("ids", ids)
			.query((rs) -> {
				stages.computeIfAbsent(rs.getObject("complaint_id", UUID.class), (k) -> new ArrayList<>())
					.add(new Complaint.Stage(rs.getInt("stage"), instant(rs, "requested_at"),
							instant(rs, "request_window_closed_at"), rs.getString("late_request_reason"),
							rs.getString("late_request_accepted_by"), instant(rs, "started_at"),
							(Integer) rs.getObject("extended_to"), rs.getString("extension_reason"),
							rs.getString("extended_by"), date(rs, "extension_notice_on"), instant(rs, "responded_at"),
							instant(rs, "response_due_at"), (Boolean) rs.getObject("in_time"),
							(Integer) rs.getObject("working_days"), rs.getString("response_summary")));
			});
		return complaints.stream()
			.map((c) -> new Complaint(c.id(), c.reference(), c.receivedAt(), c.receivedVia(), c.loggedAt(),
					c.loggedBy(), c.complainantName(), c.complainantContact(), c.complainantType(), c.childName(),
					c.childDateOfBirth(), c.childConsent(), c.childConsentNote(), c.matterAroseOn(),
					c.advocacyOffered(), c.advocacyAccepted(), c.advocate(), c.desiredOutcome(), c.status(), c.stage(),
					c.acknowledgedAt(), c.acknowledgedBy(), c.eligible(), c.eligibilityNote(), c.lateAcceptanceReason(),
					c.acceptedBy(), c.stage1Responder(), c.investigatingOfficer(), c.independentPerson(),
					c.panelMembers(), c.windowClosesAt(), c.closedAt(), c.closure(), c.withdrawalReason(),
					c.ombudsmanReferredOn(), c.ombudsmanReference(), c.processInstanceId(),
					List.copyOf(elements.getOrDefault(c.id(), List.of())),
					List.copyOf(stages.getOrDefault(c.id(), List.of()))))
			.toList();
	}

	private static Complaint complaint(ResultSet rs) throws SQLException {
		Array panel = rs.getArray("panel_members");
		return new Complaint(rs.getObject("id", UUID.class), rs.getString("reference"), instant(rs, "received_at"),
				rs.getString("received_via"), instant(rs, "logged_at"), rs.getString("logged_by"),
				rs.getString("complainant_name"), rs.getString("complainant_contact"),
				ComplainantType.valueOf(rs.getString("complainant_type")), rs.getString("child_name"),
				date(rs, "child_date_of_birth"),
				(rs.getString("child_consent") != null) ? ChildConsent.valueOf(rs.getString("child_consent")) : null,
				rs.getString("child_consent_note"), date(rs, "matter_arose_on"), rs.getBoolean("advocacy_offered"),
				(Boolean) rs.getObject("advocacy_accepted"), rs.getString("advocate"), rs.getString("desired_outcome"),
				Complaint.Status.valueOf(rs.getString("status")), rs.getInt("stage"), instant(rs, "acknowledged_at"),
				rs.getString("acknowledged_by"), (Boolean) rs.getObject("eligible"), rs.getString("eligibility_note"),
				rs.getString("late_acceptance_reason"), rs.getString("accepted_by"), rs.getString("stage_1_responder"),
				rs.getString("investigating_officer"), rs.getString("independent_person"),
				(panel != null) ? List.of((String[]) panel.getArray()) : List.of(), instant(rs, "window_closes_at"),
				instant(rs, "closed_at"),
				(rs.getString("closure") != null) ? Closure.valueOf(rs.getString("closure")) : null,
				rs.getString("withdrawal_reason"), date(rs, "ombudsman_referred_on"),
				rs.getString("ombudsman_reference"), rs.getString("process_instance_id"), List.of(), List.of());
	}

	private static Object sqlValue(Object value) {
		if (value instanceof Instant instant) {
			return Timestamp.from(instant);
		}
		if (value instanceof LocalDate day) {
			return java.sql.Date.valueOf(day);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Collection<?> many) {
			return many.toArray(String[]::new);
		}
		return value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date day = rs.getDate(column);
		return (day != null) ? day.toLocalDate() : null;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
