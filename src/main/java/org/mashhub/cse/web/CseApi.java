package org.mashhub.cse.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.mashhub.Refusal;
import org.mashhub.cse.CsePanel;
import org.mashhub.cse.CseScreenings;
import org.mashhub.cse.ScreeningForms;
import org.mashhub.cse.ScreeningOpenings;
import org.mashhub.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exploitation screening over the API: the coordinator opens a screening (or joins the
 * child's open one); a screening is read as far as its reader may ({@code CseReading});
 * the MACE panel's view as at a day.
 */
@RestController
class CseApi {

	private final ScreeningOpenings openings;

	private final CseScreenings screenings;

	private final CsePanel panel;

	CseApi(ScreeningOpenings openings, CseScreenings screenings, CsePanel panel) {
		this.openings = openings;
		this.screenings = screenings;
		this.panel = panel;
	}

	@PostMapping(path = "/api/cse/screenings", consumes = "application/json")
	ResponseEntity<ScreeningOpenings.Outcome> open(@RequestBody ScreeningForms.Opening opening,
			Authentication authentication) {
		ScreeningOpenings.Outcome outcome = this.openings.open(opening, CurrentUser.of(authentication));
		URI location = URI.create("/api/cse/screenings/" + outcome.reference());
		return outcome.opened() ? ResponseEntity.created(location).body(outcome)
				: ResponseEntity.ok().location(location).body(outcome);
	}

	@GetMapping("/api/cse/screenings/{reference}")
	CseScreenings.ScreeningView screening(@PathVariable String reference, Authentication authentication) {
		return this.screenings.find(reference, CurrentUser.of(authentication));
	}

	/** The panel's view as at {@code day} (ISO date, default today). */
	@GetMapping("/api/cse/panel")
	CsePanel.View panel(@RequestParam(required = false) String day, Authentication authentication) {
		LocalDate on;
		try {
			on = (day == null || day.isBlank()) ? this.panel.today() : LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException ex) {
			throw Refusal.invalid("day", "Give the day as yyyy-mm-dd, for example 2026-12-03.");
		}
		return this.panel.view(on, CurrentUser.of(authentication));
	}

}
