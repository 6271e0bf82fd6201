package org.mashhub.chronology.web;

import java.util.UUID;

import org.mashhub.child.ChildRecords;
import org.mashhub.chronology.Chronology;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A child's chronology as a page of its own; a case's page shows it in place (htmx takes
 * the table from this page), so the pages of a case never read another module's records.
 */
@Controller
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChronologyPage {

	private final Chronology chronology;

	private final ChildRecords children;

	ChronologyPage(Chronology chronology, ChildRecords children) {
		this.chronology = chronology;
		this.children = children;
	}

	@GetMapping("/children/{id}/chronology")
	String chronology(@PathVariable UUID id, Authentication authentication, Model model) {
		Chronology.Read read = this.chronology.readBy(id, CurrentUser.of(authentication));
		model.addAttribute("child", read.child());
		model.addAttribute("entries", read.entries());
		model.addAttribute("caseFlags", this.children.caseFlags(id));
		return "chronology/chronology";
	}

}
