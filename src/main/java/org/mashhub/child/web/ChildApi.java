package org.mashhub.child.web;

import java.util.UUID;

import org.mashhub.child.Child;
import org.mashhub.child.ChildAccess;
import org.mashhub.child.ChildRecords;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A child's record and flags, for the MASH and assessment staff who work the case
 * ({@link ChildAccess}). Every view is audited.
 */
@RestController
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChildApi {

	private final ChildRecords children;

	private final ChildAccess access;

	private final AccessAudit audit;

	ChildApi(ChildRecords children, ChildAccess access, AccessAudit audit) {
		this.children = children;
		this.access = access;
		this.audit = audit;
	}

	/** The child, the screening flags, and what other cases flag ("repeat missing"). */
	record ChildView(Child child, ChildRecords.Flags flags, java.util.List<String> caseFlags) {
	}

	@GetMapping("/api/children/{id}")
	@Transactional
	ChildView child(@PathVariable UUID id, Authentication authentication) {
		Child child = this.access.readable(id, CurrentUser.of(authentication));
		this.audit.record("VIEW", "child", id.toString(), null);
		return new ChildView(child, this.children.flagsToday(id), this.children.caseFlags(id));
	}

}
