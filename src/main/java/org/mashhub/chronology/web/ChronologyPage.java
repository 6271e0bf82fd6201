package org.mashhub.chronology.web;

import java.util.UUID;

import org.mashhub.child.Child;
import org.mashhub.child.ChildAccess;
import org.mashhub.chronology.Chronology;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A child's chronology as a page of its own; a case's page shows it in place (htmx takes
 * the table from this page), so the pages of the case never read another module's
 * records.
 */
@Controller
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChronologyPage {

	private final Chronology chronology;

	private final ChildAccess access;

	private final AccessAudit audit;

	ChronologyPage(Chronology chronology, ChildAccess access, AccessAudit audit) {
		this.chronology = chronology;
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/children/{id}/chronology")
	@Transactional
	String chronology(@PathVariable UUID id, Authentication authentication, Model model) {
		Child child = this.access.readable(id, CurrentUser.of(authentication));
		this.audit.record("VIEW_CHRONOLOGY", "child", id.toString(), null);
		model.addAttribute("child", child);
		model.addAttribute("entries", this.chronology.of(id));
		return "chronology/chronology";
	}

}
