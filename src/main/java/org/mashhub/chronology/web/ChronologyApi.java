package org.mashhub.chronology.web;

import java.util.List;
import java.util.UUID;

import org.mashhub.chronology.Chronology;
import org.mashhub.chronology.ChronologyEntry;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A child's chronology, for those who may open the child's record. */
@RestController
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChronologyApi {

	private final Chronology chronology;

	ChronologyApi(Chronology chronology) {
		this.chronology = chronology;
	}

	@GetMapping("/api/children/{id}/chronology")
	List<ChronologyEntry> chronology(@PathVariable UUID id, Authentication authentication) {
		return this.chronology.readBy(id, CurrentUser.of(authentication)).entries();
	}

}
