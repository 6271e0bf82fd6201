package org.mashhub.sla.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineChange;
import org.mashhub.sla.DeadlineLedger;
import org.mashhub.sla.Deadlines;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline ledger over the API: read a subject's deadlines and a deadline's timeline
 * (those who may read the subject only); extend, stop and restart a clock (for the groups
 * the policy allows, unless the subject's own procedure makes that change).
 */
@RestController
@Validated
class DeadlineApi {

	private final DeadlineLedger ledger;

	DeadlineApi(DeadlineLedger ledger) {
		this.ledger = ledger;
	}

	record Extension(@Positive int amount, @NotBlank @Size(max = 2000) String reason) {
	}

	record Pause(@NotBlank @Size(max = 2000) String reason) {
	}

	record DeadlineWithTimeline(Deadline deadline, List<DeadlineChange> timeline) {
	}

	@GetMapping(path = "/api/deadlines", params = { "subjectType", "subjectId" })
	List<Deadline> forSubject(@RequestParam String subjectType, @RequestParam String subjectId,
			Authentication authentication) {
		return this.ledger.forSubject(subjectType, subjectId, CurrentUser.of(authentication));
	}

	@GetMapping("/api/deadlines/open")
	@PreAuthorize("hasAnyAuthority('hub-admin', 'mash-manager', 'complaints-manager', 'service-manager')")
	List<Deadlines.OpenDeadline> open(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication authentication) {
		return this.ledger.open(page, size, CurrentUser.of(authentication));
	}

	@GetMapping("/api/deadlines/{id}")
	DeadlineWithTimeline deadline(@PathVariable UUID id, Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		return new DeadlineWithTimeline(this.ledger.find(id, reader), this.ledger.timeline(id, reader));
	}

	@PostMapping("/api/deadlines/{id}/extension")
	Deadline extend(@PathVariable UUID id, @Valid @RequestBody Extension extension, Authentication authentication) {
		return this.ledger.extend(id, extension.amount(), extension.reason().strip(), CurrentUser.of(authentication));
	}

	@PostMapping("/api/deadlines/{id}/pause")
	Deadline pause(@PathVariable UUID id, @Valid @RequestBody Pause pause, Authentication authentication) {
		return this.ledger.pause(id, pause.reason().strip(), CurrentUser.of(authentication));
	}

	@PostMapping("/api/deadlines/{id}/resume")
	Deadline resume(@PathVariable UUID id, Authentication authentication) {
		return this.ledger.resume(id, CurrentUser.of(authentication));
	}

}
