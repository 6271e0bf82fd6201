package org.mashhub.referral;

import java.time.Clock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.child.NhsNumber;
import org.mashhub.referral.process.ContactTriageWorkflow;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.web.RequestHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives contacts, on the engine's clock (receipt anchors the triage's deadlines):
 * checks them whole, stores them as given, and starts one triage per child, all in one
 * transaction. The same Idempotency-Key with the same contact answers as the first time;
 * with a different contact it is refused.
 */
@Service
public class ContactIntake {

	/** How far back a partner may date a contact's receipt. */
	static final Duration MAX_BACKDATING = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final ContactTriageWorkflow triage;

	private final ReferralSettings settings;

	private final Clock clock;

	ContactIntake(JdbcClient jdbc, ContactTriageWorkflow triage, ReferralSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.triage = triage;
		this.settings = settings;
	}

	@Transactional
	public ContactReceipt receive(NewContact contact, Map<String, String> fieldErrors, String idempotencyKey,
			CurrentUser caller) {
		Instant now = this.clock.instant();
		Map<String, String> errors = new LinkedHashMap<>(fieldErrors);
		errors.putAll(ruleErrors(contact, now));
		if (!errors.isEmpty()) {
			throw Refusal.invalid(errors);
		}
		mayActFor(caller, contact.referrer().agency());
		String hash = RequestHash.of(contact);
		Optional<ContactReceipt> earlier = earlier(caller.username(), idempotencyKey, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		UUID id = UUID.randomUUID();
		Instant receivedAt = (contact.receivedAt() != null) ? contact.receivedAt() : now;
		String reference = nextReference(receivedAt);
		int inserted = insert(contact, id, reference, receivedAt, now, caller, idempotencyKey, hash);
		if (inserted == 0) {
			// Someone sent the same key at the same moment and got there first
			return earlier(caller.username(), idempotencyKey, hash).orElseThrow();
		}
		List<ContactReceipt.ChildTriage> triages = new ArrayList<>();
		for (int position = 1; position <= contact.children().size(); position++) {
			NewContact.ChildInContact child = contact.children().get(position - 1);
			String triageReference = reference + "/" + position;
			// The child is recorded first: the work queue labels the new task with the
			// child's name
			insertChild(id, position, child);
			linkTriage(id, position, this.triage.start(triageReference, receivedAt, this.settings.decisionPolicy()));
			triages.add(new ContactReceipt.ChildTriage(position, triageReference));
		}
		return new ContactReceipt(id, reference, receivedAt, triages);
	}

	/** A recorded contact by its reference. */
	@Transactional(readOnly = true)
	public Optional<ContactRecord> find(String reference) {
		List<ContactRecord.Child> children = this.jdbc
			.sql("""
					select cc.position, cc.given_names, cc.family_name, cc.date_of_birth, cc.nhs_number, cc.address, cc.school
					from contact_child cc join contact c on c.id = cc.contact_id
					where c.reference = :reference order by cc.position""")
			.param("reference", reference)
			.query((rs, row) -> new ContactRecord.Child(rs.getInt("position"), reference + "/" + rs.getInt("position"),
					rs.getString("given_names"), rs.getString("family_name"),
					(rs.getDate("date_of_birth") != null) ? rs.getDate("date_of_birth").toLocalDate() : null,
					rs.getString("nhs_number"), rs.getString("address"), rs.getString("school")))
			.list();
		return this.jdbc.sql("""
				select reference, received_at, recorded_by, channel, referrer_name, referrer_agency, referrer_role,
				  feedback_route, concerns, categories, consent_status, dash_ticks, incidents_last_12_months,
				  safe_to_contact_victim
				from contact where reference = :reference""")
			.param("reference", reference)
			.query((rs, row) -> new ContactRecord(rs.getString("reference"), rs.getTimestamp("received_at").toInstant(),
					rs.getString("recorded_by"), rs.getString("channel"), rs.getString("referrer_name"),
					rs.getString("referrer_agency"), rs.getString("referrer_role"), rs.getString("feedback_route"),
					rs.getString("concerns"), List.of((String[]) rs.getArray("categories").getArray()),
					rs.getString("consent_status"), (Integer) rs.getObject("dash_ticks"),
					(Integer) rs.getObject("incidents_last_12_months"),
					(Boolean) rs.getObject("safe_to_contact_victim"), children))
			.optional();
	}

	/**
	 * The rules a form cannot express: consent, feedback route, safe contact, dates, NHS
	 * numbers.
	 */
	static Map<String, String> ruleErrors(NewContact contact, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (contact.receivedAt() != null) {
			if (contact.receivedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
				errors.put("receivedAt", "must not be in the future");
			}
			else if (contact.receivedAt().isBefore(now.minus(MAX_BACKDATING))) {
				errors.put("receivedAt", "must be within the last 7 days");
			}
		}
		NewContact.Consent consent = contact.consent();
		if (consent != null && consent.status() != null) {
			switch (consent.status()) {
				case GIVEN -> required(errors, "consent.givenBy", consent.givenBy(), "say who gave consent");
				case NOT_SOUGHT -> required(errors, "consent.notSoughtReason", consent.notSoughtReason(),
						"say why consent was not sought");
				case OVERRIDDEN -> {
					required(errors, "consent.lawfulBasis", consent.lawfulBasis(),
							"give the lawful basis for overriding consent");
					required(errors, "consent.overrideReason", consent.overrideReason(),
							"say why consent was overridden");
					required(errors, "consent.authorisedBy", consent.authorisedBy(), "say who authorised the override");
				}
				case REFUSED -> {
				}
			}
		}
		NewContact.Referrer referrer = contact.referrer();
		if (referrer != null && referrer.feedbackRoute() == NewContact.FeedbackRoute.EMAIL) {
			required(errors, "referrer.email", referrer.email(), "give an e-mail address for feedback by e-mail");
		}
		if (referrer != null && referrer.feedbackRoute() == NewContact.FeedbackRoute.PHONE) {
			required(errors, "referrer.phone", referrer.phone(), "give a phone number for feedback by phone");
		}
		NewContact.DomesticAbuse abuse = contact.domesticAbuse();
		if (abuse != null && Boolean.TRUE.equals(abuse.safeToContactVictim())) {
			required(errors, "domesticAbuse.safeContactRoute", abuse.safeContactRoute(),
					"say how the victim can be contacted safely");
		}
		if (contact.children() != null) {
			for (int i = 0; i < contact.children().size(); i++) {
				NewContact.ChildInContact child = contact.children().get(i);
				if (child != null && child.nhsNumber() != null && !child.nhsNumber().isBlank()
						&& !NhsNumber.isValid(child.nhsNumber())) {
					errors.putIfAbsent("children[" + i + "].nhsNumber", "is not a valid NHS number (check digit)");
				}
			}
		}
		return errors;
	}

	private static void required(Map<String, String> errors, String field, String value, String message) {
		if (value == null || value.isBlank()) {
			errors.putIfAbsent(field, message);
		}
	}

	/** A partner system submits for its own agency only. */
	private static void mayActFor(CurrentUser caller, NewContact.Agency agency) {
		if (caller.isIn(Roles.PARTNER_SYSTEM)
				&& !caller.isIn(Roles.AGENCY_PREFIX + agency.name().toLowerCase(Locale.ROOT).replace('_', '-'))) {
			throw new AccessDeniedException("This system may only submit contacts for its own agency, not "
					+ agency.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
		}
	}

	private Optional<ContactReceipt> earlier(String recordedBy, String key, String hash) {
		Optional<Map<String, Object>> found = this.jdbc.sql("""
				select id, reference, received_at, request_hash from contact
				where recorded_by = :recordedBy and idempotency_key = :key""")
			.param("recordedBy", recordedBy)
			.param("key", key)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		if (!hash.equals(found.get().get("request_hash"))) {
			throw Refusal.conflict("Idempotency-Key '" + key
					+ "' was already used for a different contact; use a new key for a new contact.");
		}
		UUID id = (UUID) found.get().get("id");
		String reference = (String) found.get().get("reference");
		List<ContactReceipt.ChildTriage> children = this.jdbc
			.sql("select position from contact_child where contact_id = :id order by position")
			.param("id", id)
			.query(Integer.class)
			.list()
			.stream()
			.map((position) -> new ContactReceipt.ChildTriage(position, reference + "/" + position))
			.toList();
		return Optional
			.of(new ContactReceipt(id, reference, ((Timestamp) found.get().get("received_at")).toInstant(), children));
	}

	private String nextReference(Instant receivedAt) {
		long number = this.jdbc.sql("select nextval('contact_reference_number')").query(Long.class).single();
		int year = ZonedDateTime.ofInstant(receivedAt, MashHubApplication.LOCAL_TIME).getYear();
		return String.format("C-%d-%06d", year, number);
	}

	private int insert(NewContact contact, UUID id, String reference, Instant receivedAt, Instant now,
			CurrentUser caller, String key, String hash) {
		NewContact.Referrer referrer = contact.referrer();
		NewContact.Consent consent = contact.consent();
		NewContact.DomesticAbuse abuse = contact.domesticAbuse();
		return this.jdbc
			.sql("""
					insert into contact (id, reference, received_at, recorded_at, recorded_by, channel, referrer_name,
					  referrer_agency, referrer_role, referrer_phone, referrer_email, feedback_route, concerns, categories,
					  consent_status, consent_given_by, consent_not_sought_reason, consent_lawful_basis,
					  consent_override_reason, consent_authorised_by, dash_ticks, incidents_last_12_months,
					  safe_to_contact_victim, safe_contact_route, idempotency_key, request_hash)
					values (:id, :reference, :receivedAt, :recordedAt, :recordedBy, :channel, :referrerName, :referrerAgency,
					  :referrerRole, :referrerPhone, :referrerEmail, :feedbackRoute, :concerns, :categories, :consentStatus,
					  :consentGivenBy, :consentNotSoughtReason, :consentLawfulBasis, :consentOverrideReason,
					  :consentAuthorisedBy, :dashTicks, :incidents, :safeToContactVictim, :safeContactRoute, :key, :hash)
					on conflict (recorded_by, idempotency_key) do nothing""")
			.param("id", id)
			.param("reference", reference)
			.param("receivedAt", Timestamp.from(receivedAt))
			.param("recordedAt", Timestamp.from(now))
			.param("recordedBy", caller.username())
			.param("channel", caller.isIn(Roles.PARTNER_SYSTEM) ? "PARTNER_API" : "STAFF")
			.param("referrerName", referrer.name())
			.param("referrerAgency", referrer.agency().name())
			.param("referrerRole", referrer.role())
			.param("referrerPhone", referrer.phone())
			.param("referrerEmail", referrer.email())
			.param("feedbackRoute", referrer.feedbackRoute().name())
			.param("concerns", contact.concerns())
			.param("categories", contact.categories().stream().map(Enum::name).toArray(String[]::new))
			.param("consentStatus", consent.status().name())
			.param("consentGivenBy", consent.givenBy())
			.param("consentNotSoughtReason", consent.notSoughtReason())
			.param("consentLawfulBasis", consent.lawfulBasis())
			.param("consentOverrideReason", consent.overrideReason())
			.param("consentAuthorisedBy", consent.authorisedBy())
			.param("dashTicks", (abuse != null) ? abuse.dashTicks() : null)
			.param("incidents", (abuse != null) ? abuse.incidentsLast12Months() : null)
			.param("safeToContactVictim", (abuse != null) ? abuse.safeToContactVictim() : null)
			.param("safeContactRoute", (abuse != null) ? abuse.safeContactRoute() : null)
			.param("key", key)
			.param("hash", hash)
			.update();
	}

	private void linkTriage(UUID contactId, int position, String processInstanceId) {
		this.jdbc.sql("""
				update contact_child set process_instance_id = :processInstanceId
				where contact_id = :contactId and position = :position""")
			.param("contactId", contactId)
			.param("position", position)
			.param("processInstanceId", processInstanceId)
			.update();
	}

	private void insertChild(UUID contactId, int position, NewContact.ChildInContact child) {
		String nhsNumber = NhsNumber.normalise(child.nhsNumber());
		this.jdbc.sql("""
				insert into contact_child (contact_id, position, given_names, family_name, date_of_birth, gender,
				  nhs_number, address, school)
				values (:contactId, :position, :givenNames, :familyName, :dateOfBirth, :gender, :nhsNumber, :address,
				  :school)""")
			.param("contactId", contactId)
			.param("position", position)
			.param("givenNames", child.givenNames())
			.param("familyName", child.familyName())
			.param("dateOfBirth", (child.dateOfBirth() != null) ? Date.valueOf(child.dateOfBirth()) : null)
			.param("gender", child.gender())
			.param("nhsNumber", (nhsNumber != null && !nhsNumber.isEmpty()) ? nhsNumber : null)
			.param("address", child.address())
			.param("school", child.school())
			.update();
	}

}
