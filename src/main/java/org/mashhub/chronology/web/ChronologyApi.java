package org.mashhub.chronology.web;

import java.util.List;
import java.util.UUID;

import org.mashhub.child.ChildAccess;
import org.mashhub.chronology.Chronology;
import org.mashhub.chronology.ChronologyEntry;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A child's chronology, for those who may open the child's record; audited. */
@RestController
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChronologyApi {

	private final Chronology chronology;

	private final ChildAccess access;

	private final AccessAudit audit;

	ChronologyApi(Chronology chronology, ChildAccess access, AccessAudit audit) {
		this.chronology = chronology;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/api/children/{id}/chronology")
	@Transactional
	List<ChronologyEntry> chronology(@PathVariable UUID id, Authentication authentication) {
		this.access.readable(id, CurrentUser.of(authentication));
		this.audit.record("VIEW_CHRONOLOGY", "child", id.toString(), null);
		return this.chronology.of(id);
	}

}
