package org.mashhub.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.mashhub.MashHubApplication;
import org.mashhub.sla.Sla;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The triage tables: each child's record of a contact ({@code contact_child}), its RAG
 * history and its information requests to the agencies. Only the front door's steps write
 * here.
 */
@Repository
class TriageRecords {

	private static final String THIS_CHILD = " where contact_id = :contactId and position = :position";

	private final JdbcClient jdbc;

	private final Sla sla;

	private final ReferralSettings settings;

	TriageRecords(JdbcClient jdbc, Sla sla, ReferralSettings settings) {
		this.jdbc = jdbc;
		this.sla = sla;
		this.settings = settings;
	}

	/** The triage a reference names; no such triage when it names none. */
	TriageKey key(String reference) {
		int slash = (reference != null) ? reference.lastIndexOf('/') : -1;
		if (slash < 0) {
			throw new NoSuchElementException("No contact triage " + reference);
		}
		String contactReference = reference.substring(0, slash);
		int position;
		try {
			position = Integer.parseInt(reference.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new NoSuchElementException("No contact triage " + reference);
		}
		return this.jdbc.sql("""
				select c.id, c.received_at from contact c join contact_child cc on cc.contact_id = c.id
				where c.reference = :reference and cc.position = :position""")
			.param("reference", contactReference)
			.param("position", position)
			.query((rs, row) -> new TriageKey(rs.getObject("id", UUID.class), position, reference, contactReference,
					rs.getTimestamp("received_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No contact triage " + reference));
	}

	TriageKey key(UUID contactId, int position) {
		String contactReference = this.jdbc.sql("select reference from contact where id = :id")
			.param("id", contactId)
			.query(String.class)
			.single();
		return key(contactReference + "/" + position);
	}

	/** The children's positions in a contact, in order. */
	List<Integer> positionsOf(String contactReference) {
		return this.jdbc.sql("""
				select cc.position from contact_child cc join contact c on c.id = cc.contact_id
				where c.reference = :reference order by cc.position""")
			.param("reference", contactReference)
			.query(Integer.class)
			.list();
	}

	TriageView view(TriageKey key) {
		List<TriageView.RagChange> history = at(key,
				"select rag, set_at, set_by, reason from triage_rag" + THIS_CHILD + " order by set_at, id")
			.query((rs, row) -> new TriageView.RagChange(Rag.valueOf(rs.getString("rag")),
					rs.getTimestamp("set_at").toInstant(), rs.getString("set_by"), rs.getString("reason")))
			.list();
		List<AgencyCheckView> checks = checksOf(key);
		List<TriageView.Sibling> siblings = this.jdbc.sql("""
				select position, given_names || ' ' || family_name as name from contact_child
				where contact_id = :contactId and position <> :position order by position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query((rs, row) -> new TriageView.Sibling(key.contactReference() + "/" + rs.getInt("position"),
					rs.getString("name")))
			.list();
		return this.jdbc.sql("""
				select c.*, cc.given_names, cc.family_name, cc.date_of_birth, cc.gender, cc.nhs_number, cc.address,
				  cc.school, cc.child_id, cc.identity_confirmed_by, cc.open_case, cc.re_referral, cc.recent_cp_plan,
				  cc.rag, cc.rag_set_at, cc.screening_summary, cc.consent_review, cc.recommendation, cc.marac_referral,
				  cc.marac_reason, cc.screened_by, cc.screened_at, cc.level_of_need, cc.outcome, cc.rationale,
				  cc.cse_concern, cc.decided_by, cc.decided_at, cc.feedback_route as given_feedback_route,
				  cc.feedback_summary, cc.family_letter_route, cc.feedback_by, cc.feedback_at
				from contact c join contact_child cc on cc.contact_id = c.id
				where c.id = :contactId and cc.position = :position""")
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query((rs, row) -> new TriageView(key.reference(), key.contactReference(), key.receivedAt(),
					rs.getString("recorded_by"),
					new TriageView.Referrer(rs.getString("referrer_name"), rs.getString("referrer_agency"),
							rs.getString("referrer_role"), rs.getString("referrer_phone"),
							rs.getString("referrer_email"), rs.getString("feedback_route")),
					rs.getString("concerns"), List.of((String[]) rs.getArray("categories").getArray()),
					new TriageView.Consent(rs.getString("consent_status"), rs.getString("consent_given_by"),
							rs.getString("consent_not_sought_reason"), rs.getString("consent_lawful_basis"),
							rs.getString("consent_override_reason"), rs.getString("consent_authorised_by")),
					domesticAbuse(rs), childAsGiven(rs),
					new TriageView.Identity(rs.getObject("child_id", UUID.class), rs.getString("identity_confirmed_by"),
							(Boolean) rs.getObject("open_case"), (Boolean) rs.getObject("re_referral"),
							(Boolean) rs.getObject("recent_cp_plan")),
					new TriageView.Screening(rag(rs.getString("rag")), instant(rs.getTimestamp("rag_set_at")),
							rs.getString("screening_summary"), rs.getString("consent_review"),
							outcome(rs.getString("recommendation")), (Boolean) rs.getObject("marac_referral"),
							rs.getString("marac_reason"), rs.getString("screened_by"),
							instant(rs.getTimestamp("screened_at")), history),
					checks,
					new TriageView.Decision((Integer) rs.getObject("level_of_need"), outcome(rs.getString("outcome")),
							rs.getString("rationale"), (Boolean) rs.getObject("cse_concern"),
							rs.getString("decided_by"), instant(rs.getTimestamp("decided_at"))),
					new TriageView.Feedback(rs.getString("given_feedback_route"), rs.getString("feedback_summary"),
							rs.getString("family_letter_route"), rs.getString("feedback_by"),
							instant(rs.getTimestamp("feedback_at"))),
					siblings))
			.single();
	}

	/** The child's record the triage is linked to, or null while it is not known. */
	UUID childOf(TriageKey key) {
		return at(key, "select child_id from contact_child" + THIS_CHILD).query(UUID.class).optional().orElse(null);
	}

	String processInstanceOf(TriageKey key) {
		return at(key, "select process_instance_id from contact_child" + THIS_CHILD).query(String.class).single();
	}

	/**
	 * Whether another triage of the child ended in a referral in the 12 months before
	 * this contact's receipt.
	 */
	boolean referredInYearBefore(TriageKey key, UUID childId) {
		return this.jdbc.sql("""
				select count(*) from contact_child
				where child_id = :childId and outcome in (:referrals) and decided_at <= :receivedAt
				  and decided_at > :yearBefore and not (contact_id = :contactId and position = :position)""")
			.param("childId", childId)
			.param("referrals", outcomes(ThresholdOutcome::isReferral))
			.param("receivedAt", Timestamp.from(key.receivedAt()))
			.param("yearBefore",
					Timestamp.from(ZonedDateTime.ofInstant(key.receivedAt(), MashHubApplication.LOCAL_TIME)
						.minusMonths(12)
						.toInstant()))
			.param("contactId", key.contactId())
			.param("position", key.position())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether any contact about the child was handed to the assessment team (an open
	 * case, a referral, passed to the allocated worker).
	 */
	boolean handedToAssessment(UUID childId) {
		return this.jdbc.sql("""
				select exists (select 1 from contact_child
				  where child_id = :childId and (open_case or outcome in (:handedOn)))""")
			.param("childId", childId)
			.param("handedOn",
					outcomes((outcome) -> outcome.isReferral() || outcome == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER))
			.query(Boolean.class)
			.single();
	}

	void link(TriageKey key, UUID childId, String by, HistoryFlags history) {
		at(key, """
				update contact_child set child_id = :childId, identity_confirmed_by = :by, open_case = :openCase,
				  re_referral = :reReferral, recent_cp_plan = :recentPlan""" + THIS_CHILD).param("childId", childId)
			.param("by", by)
			.param("openCase", history.openCase())
			.param("reReferral", history.reReferral())
			.param("recentPlan", history.recentCpPlan())
			.update();
	}

	void referToMarac(TriageKey key, String reason) {
		at(key, "update contact_child set marac_referral = true, marac_reason = :reason" + THIS_CHILD)
			.param("reason", reason)
			.update();
	}

	void recordScreening(TriageKey key, TriageForms.Screening form, ThresholdOutcome recommendation, boolean marac,
			String maracReason, String by, Instant at) {
		at(key, """
				update contact_child set screening_summary = :summary, consent_review = :consentReview,
				  recommendation = :recommendation, marac_referral = :marac, marac_reason = :maracReason,
				  screened_by = :by, screened_at = :at""" + THIS_CHILD).param("summary", form.summary())
			.param("consentReview",
					(form.consentReview() == null || form.consentReview().isBlank()) ? null : form.consentReview())
			.param("recommendation", (recommendation != null) ? recommendation.name() : null)
			.param("marac", marac)
			.param("maracReason", maracReason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The child's RAG from now, kept in the history with who and why. */
	void rate(TriageKey key, Rag rag, String by, Instant at, String reason) {
		at(key, "update contact_child set rag = :rag, rag_set_at = :at" + THIS_CHILD).param("rag", rag.name())
			.param("at", Timestamp.from(at))
			.update();
		at(key, """
				insert into triage_rag (contact_id, position, rag, set_at, set_by, reason)
				values (:contactId, :position, :rag, :at, :by, :reason)""").param("rag", rag.name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.update();
	}

	/** Whether the victim of domestic abuse may be contacted, and how, as screened. */
	void recordSafeContact(TriageKey key, boolean safe, String route, String by) {
		this.jdbc.sql("""
				update contact set safe_to_contact_victim = :safe, safe_contact_route = :route,
				 safe_contact_recorded_by = :by where id = :contactId""")
			.param("safe", safe)
			.param("route", route)
			.param("by", by)
			.param("contactId", key.contactId())
			.update();
	}

	void askAgency(TriageKey key, TriageForms.CheckRequest check, String liaisonGroup, String by, Instant at) {
		at(key, """
				insert into agency_check (id, contact_id, position, agency, liaison_group, question, share_concerns,
				  asked_by, asked_at, state)
				values (:id, :contactId, :position, :agency, :group, :question, :share, :by, :at, 'OPEN')""")
			.param("id", UUID.randomUUID())
			.param("agency", check.agency().name())
			.param("group", liaisonGroup)
			.param("question", check.question())
			.param("share", Boolean.TRUE.equals(check.shareConcerns()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The ids of the information requests asked for the triage, in the order asked. */
	List<UUID> checkIdsOf(TriageKey key) {
		return at(key, "select id from agency_check" + THIS_CHILD + " order by asked_at, agency").query(UUID.class)
			.list();
	}

	String liaisonGroupOf(UUID checkId) {
		return this.jdbc.sql("select liaison_group from agency_check where id = :id")
			.param("id", checkId)
			.query(String.class)
			.single();
	}

	List<AgencyCheckView> checksOf(TriageKey key) {
		return checks("where ac.contact_id = :contactId and ac.position = :position",
				Map.of("contactId", key.contactId(), "position", key.position()));
	}

	Optional<AgencyCheckView> check(UUID id) {
		return checks("where ac.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The triage's request that one of these groups answers. */
	Optional<AgencyCheckView> checkFor(TriageKey key, List<String> liaisonGroups) {
		return checks("where ac.contact_id = :contactId and ac.position = :position and ac.liaison_group in (:groups)",
				Map.of("contactId", key.contactId(), "position", key.position(), "groups", liaisonGroups))
			.stream()
			.findFirst();
	}

	/**
	 * An open request closed unanswered, with its triage and agency; empty if not open.
	 */
	Optional<ClosedCheck> closeUnanswered(UUID checkId, Instant at) {
		record Closed(UUID contactId, int position, NewContact.Agency agency) {
		}
		return this.jdbc.sql("""
				update agency_check set state = 'NO_RESPONSE_IN_TIME', closed_at = :at
				where id = :id and state = 'OPEN'
				returning contact_id, position, agency""")
			.param("id", checkId)
			.param("at", Timestamp.from(at))
			.query((rs, row) -> new Closed(rs.getObject("contact_id", UUID.class), rs.getInt("position"),
					NewContact.Agency.valueOf(rs.getString("agency"))))
			.optional()
			// The key is looked up once the update's row is read, not inside its mapper
			.map((closed) -> new ClosedCheck(key(closed.contactId(), closed.position()), closed.agency()));
	}

	record ClosedCheck(TriageKey key, NewContact.Agency agency) {
	}

	void answer(UUID checkId, String answer, String by, Instant at) {
		this.jdbc.sql("""
				update agency_check set state = 'ANSWERED', answer = :answer, answered_by = :by, closed_at = :at
				where id = :id and state = 'OPEN'""")
			.param("answer", answer)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", checkId)
			.update();
	}

	void recordDecision(TriageKey key, TriageForms.Decision form, boolean cseConcern, String by, Instant at) {
		at(key, """
				update contact_child set level_of_need = :level, outcome = :outcome, rationale = :rationale,
				  cse_concern = :cse, decided_by = :by, decided_at = :at""" + THIS_CHILD)
			.param("level", form.levelOfNeed())
			.param("outcome", form.outcome().name())
			.param("rationale", form.rationale())
			.param("cse", cseConcern)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void recordFeedback(TriageKey key, TriageForms.Feedback form, String familyLetterRoute, String by, Instant at) {
		at(key, """
				update contact_child set feedback_route = :route, feedback_summary = :summary,
				  family_letter_route = :familyRoute, feedback_by = :by, feedback_at = :at""" + THIS_CHILD)
			.param("route", form.route().name())
			.param("summary", form.summary())
			.param("familyRoute", familyLetterRoute)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	private JdbcClient.StatementSpec at(TriageKey key, String sql) {
		return this.jdbc.sql(sql).param("contactId", key.contactId()).param("position", key.position());
	}

	/**
	 * Information requests with the minimum about the child; the referrer's concerns only
	 * where the screener shared them.
	 */
	private List<AgencyCheckView> checks(String where, Map<String, Object> params) {
		return this.jdbc.sql("""
				select ac.*, cc.given_names || ' ' || cc.family_name as child_name, cc.date_of_birth, cc.address,
				  cc.rag, cc.rag_set_at, c.concerns, c.reference
				from agency_check ac
				join contact_child cc on cc.contact_id = ac.contact_id and cc.position = ac.position
				join contact c on c.id = ac.contact_id
				""" + where + " order by ac.asked_at, ac.agency").params(params).query((rs, row) -> {
			Rag rag = rag(rs.getString("rag"));
			String policy = (rag != null) ? this.settings.ragPolicy(rag) : null;
			Instant due = (policy != null && rs.getTimestamp("rag_set_at") != null)
					? this.sla.due(policy, rs.getTimestamp("rag_set_at")).toInstant() : null;
			return new AgencyCheckView(rs.getObject("id", UUID.class),
					rs.getString("reference") + "/" + rs.getInt("position"), rs.getString("agency"),
					rs.getString("liaison_group"), rs.getString("child_name"),
					(rs.getDate("date_of_birth") != null) ? rs.getDate("date_of_birth").toLocalDate() : null,
					rs.getString("address"), rs.getString("question"),
					rs.getBoolean("share_concerns") ? rs.getString("concerns") : null, rs.getString("state"),
					rs.getTimestamp("asked_at").toInstant(), due, rs.getString("answer"), rs.getString("answered_by"),
					instant(rs.getTimestamp("closed_at")));
		}).list();
	}

	private static TriageView.DomesticAbuse domesticAbuse(ResultSet rs) throws SQLException {
		boolean abuse = rs.getObject("dash_ticks") != null || rs.getObject("incidents_last_12_months") != null
				|| rs.getObject("safe_to_contact_victim") != null;
		return abuse ? new TriageView.DomesticAbuse((Integer) rs.getObject("dash_ticks"),
				(Integer) rs.getObject("incidents_last_12_months"), (Boolean) rs.getObject("safe_to_contact_victim"),
				rs.getString("safe_contact_route"), rs.getString("safe_contact_recorded_by")) : null;
	}

	private static TriageView.ChildAsGiven childAsGiven(ResultSet rs) throws SQLException {
		return new TriageView.ChildAsGiven(rs.getString("given_names"), rs.getString("family_name"),
				(rs.getDate("date_of_birth") != null) ? rs.getDate("date_of_birth").toLocalDate() : null,
				rs.getString("gender"), rs.getString("nhs_number"), rs.getString("address"), rs.getString("school"));
	}

	private static List<String> outcomes(Predicate<ThresholdOutcome> which) {
		return Arrays.stream(ThresholdOutcome.values()).filter(which).map(Enum::name).toList();
	}

	private static Rag rag(String name) {
		return (name != null) ? Rag.valueOf(name) : null;
	}

	private static ThresholdOutcome outcome(String name) {
		return (name != null) ? ThresholdOutcome.valueOf(name) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
