package org.mashhub.referral.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mashhub.Refusal;
import org.mashhub.referral.ContactIntake;
import org.mashhub.referral.ContactReceipt;
import org.mashhub.referral.NewContact;
import org.mashhub.referral.ContactRecord;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/contacts}: partner systems (one agency each) and front-door staff send
 * contacts (the door, {@code SecurityConfiguration}, lets no one else in). An
 * Idempotency-Key is required; every invalid field is named; nothing is half-stored.
 */
@RestController
class ContactApi {

	private final ContactIntake intake;

	private final Validator validator;

	private final AccessAudit audit;

	ContactApi(ContactIntake intake, Validator validator, AccessAudit audit) {
		this.intake = intake;
		this.validator = validator;
		this.audit = audit;
	}

	@PostMapping(path = "/api/contacts", consumes = "application/json")
	ResponseEntity<ContactReceipt> receive(
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request, @RequestBody NewContact contact, Authentication authentication) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw Refusal.invalid("Idempotency-Key",
					"An Idempotency-Key header (1 to 200 characters) is required, so a retry never files a contact twice.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<NewContact> violation : this.validator.validate(contact)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		ContactReceipt receipt = this.intake.receive(contact, errors, idempotencyKey.strip(),
				CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/contacts/" + receipt.reference())).body(receipt);
	}

	/**
	 * A contact for the MASH staff who screen and decide it, or for the system or person
	 * that recorded it; nobody else (agency liaisons see only their own requests'
	 * summary). Audited.
	 */
	@GetMapping("/api/contacts/{reference}")
	@Transactional
	ContactRecord contact(@PathVariable String reference, Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		ContactRecord contact = this.intake.find(reference)
			.filter((found) -> reader.isIn(Roles.MASH_SOCIAL_WORKER) || reader.isIn(Roles.MASH_MANAGER)
					|| found.recordedBy().equals(reader.username()))
			.orElseThrow(() -> new NoSuchElementException("No contact " + reference));
		this.audit.record("VIEW", "contact", reference, null);
		return contact;
	}

}
