package org.mashhub.missing.web;

import java.net.URI;

import jakarta.validation.Valid;

import org.mashhub.Refusal;
import org.mashhub.missing.EpisodeForms;
import org.mashhub.missing.MissingEpisodes;
import org.mashhub.missing.MissingReports;
import org.mashhub.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Missing children over the API: a partner system (the police) or staff report a child
 * missing ({@code Idempotency-Key} required, as for contacts) and their return (a second
 * report of the same return changes nothing and answers as the first); an episode is read
 * as far as its reader may ({@code EpisodeReading}).
 */
@RestController
class EpisodeApi {

	private final MissingReports reports;

	private final MissingEpisodes episodes;

	EpisodeApi(MissingReports reports, MissingEpisodes episodes) {
		this.reports = reports;
		this.episodes = episodes;
	}

	@PostMapping(path = "/api/missing-episodes", consumes = "application/json")
	ResponseEntity<MissingReports.Receipt> report(
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody EpisodeForms.NewReport report, Authentication authentication) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw Refusal.invalid("Idempotency-Key",
					"An Idempotency-Key header (1 to 200 characters) is required, so a retry never files a report twice.");
		}
		MissingReports.Receipt receipt = this.reports.report(report, idempotencyKey.strip(),
				CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/missing-episodes/" + receipt.reference())).body(receipt);
	}

	@PostMapping(path = "/api/missing-episodes/{reference}/return", consumes = "application/json")
	MissingReports.ReturnReceipt recordReturn(@PathVariable String reference,
			@Valid @RequestBody EpisodeForms.ReturnReport report, Authentication authentication) {
		return this.reports.recordReturn(reference, report, CurrentUser.of(authentication));
	}

	@GetMapping("/api/missing-episodes/{reference}")
	MissingEpisodes.EpisodeView episode(@PathVariable String reference, Authentication authentication) {
		return this.episodes.find(reference, CurrentUser.of(authentication));
	}

}
