package org.mashhub.security.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mashhub.security.AccessAudit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access audit for managers and administrators: who signed in, was refused, viewed or
 * reassigned what.
 */
@RestController
@Validated
class AccessAuditController {

	private final AccessAudit audit;

	AccessAuditController(AccessAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit/access")
	@PreAuthorize("hasAnyAuthority('mash-manager', 'service-manager', 'hub-admin')")
	List<AccessAudit.Entry> entries(@RequestParam(required = false) String username,
			@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return this.audit.find(new AccessAudit.Query(username, action, subjectType, subjectId, from, to, page, size));
	}

}
