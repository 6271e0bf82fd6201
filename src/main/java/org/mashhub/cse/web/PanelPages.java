package org.mashhub.cse.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mashhub.Refusal;
import org.mashhub.cse.CinFactor;
import org.mashhub.cse.CsePanel;
import org.mashhub.cse.Places;
import org.mashhub.cse.RiskLevel;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;
import org.mashhub.web.Csv;
import org.mashhub.web.FormValues;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /cse}: the MACE panel's view as at a chosen day (default today), a panel day's
 * printable agenda, a CSV of each table, the panel days met, and the places and groups
 * with their children.
 */
@Controller
class PanelPages {

	private final CsePanel panel;

	private final Places places;

	PanelPages(CsePanel panel, Places places) {
		this.panel = panel;
		this.places = places;
	}

	@GetMapping("/cse")
	String panel(@RequestParam Map<String, String> query, Authentication authentication, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = day(query, errors);
		model.addAttribute("view", this.panel.view(day, CurrentUser.of(authentication)));
		model.addAttribute("levels", List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW));
		model.addAttribute("errors", errors);
		model.addAttribute("values", values(query, day));
		return "cse/panel";
	}

	@GetMapping("/cse/agenda")
	String agenda(@RequestParam Map<String, String> query, Authentication authentication, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = day(query, errors);
		model.addAttribute("agenda", this.panel.agenda(day, CurrentUser.of(authentication)));
		model.addAttribute("errors", errors);
		model.addAttribute("values", values(query, day));
		return "cse/agenda";
	}

	@PostMapping("/cse/panels")
	String recordPanel(@RequestParam Map<String, String> form, Authentication authentication,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.of(authentication);
		if (!user.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("Panel days are recorded by an exploitation coordinator.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = FormValues.date(form, "heldOn", errors);
		try {
			if (day == null && errors.isEmpty()) {
				errors.put("heldOn", "Enter the day the panel met.");
			}
			Refusal.ifAny(errors);
			this.panel.recordPanel(day, user);
			redirect.addFlashAttribute("success",
					"Panel of " + Dates.describeDay(day) + " recorded: children opened since then show as new.");
		}
		catch (Refusal refused) {
			Map<String, String> all = refused.fieldErrorsAfter(errors);
			redirect.addFlashAttribute("panelErrors", all);
			redirect.addFlashAttribute("panelValues", form);
		}
		return "redirect:/cse";
	}

	@GetMapping("/cse/export/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam Map<String, String> query,
			Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		CsePanel.mayRead(reader);
		LocalDate day = day(query, new LinkedHashMap<>());
		StringBuilder csv = new StringBuilder();
		String[] header = { "Screening", "Child", "Age", "Level", "Awaiting approval", "Census factors", "Opened",
				"Last scored", "Review due" };
		switch (table) {
			case "by-level" -> {
				csv.append(Csv.line(header));
				CsePanel.View view = this.panel.view(day, reader);
				view.byLevel().values().forEach((rows) -> rows.forEach((row) -> csv.append(line(row))));
				view.notYetScored().forEach((row) -> csv.append(line(row)));
			}
			case "new" -> {
				csv.append(Csv.line(header));
				this.panel.view(day, reader).newSinceLastPanel().forEach((row) -> csv.append(line(row)));
			}
			case "reviews" -> {
				csv.append(Csv.line(header));
				this.panel.view(day, reader).reviewsDue().forEach((row) -> csv.append(line(row)));
			}
			case "agenda" -> {
				csv.append(Csv.line(header));
				CsePanel.Agenda agenda = this.panel.agenda(day, reader);
				agenda.children().forEach((row) -> csv.append(line(row)));
				agenda.overdueReviews()
					.stream()
					.filter((row) -> !agenda.children().contains(row))
					.forEach((row) -> csv.append(line(row)));
			}
			case "places" -> {
				csv.append(Csv.line("Place or group", "Kind", "Screening", "Child", "Level", "Linked", "Linked by"));
				this.panel.view(day, reader)
					.sharedPlaces()
					.forEach((place) -> place.links()
						.forEach((link) -> csv.append(Csv.line(place.place().name(), place.place().kind().label(),
								link.screeningReference(), link.childName(), label(link.level()),
								Dates.describe(link.linkedAt()), link.linkedBy()))));
			}
			default -> throw new NoSuchElementException("No table " + table);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cse-" + table + "-" + day + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/cse/places")
	String places(Authentication authentication, Model model) {
		model.addAttribute("places", this.places.all(CurrentUser.of(authentication)));
		return "cse/places";
	}

	@GetMapping("/cse/places/{id}")
	String place(@PathVariable String id, Authentication authentication, Model model) {
		CsePanel.mayRead(CurrentUser.of(authentication));
		UUID placeId;
		try {
			placeId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NoSuchElementException("No place " + id);
		}
		model.addAttribute("place", this.places.find(placeId, CurrentUser.of(authentication)));
		return "cse/place";
	}

	private static String line(CsePanel.Row row) {
		return Csv.line(row.reference(), row.childName(), (row.age() != null) ? String.valueOf(row.age()) : "",
				label(row.level()), row.awaitingApproval() ? "Yes" : "No",
				row.cinFactors().stream().map(CinFactor::code).collect(Collectors.joining(" ")),
				Dates.describe(row.openedAt()), (row.lastScoredAt() != null) ? Dates.describe(row.lastScoredAt()) : "",
				(row.reviewDueAt() != null) ? Dates.describe(row.reviewDueAt()) : "");
	}

	private static String label(RiskLevel level) {
		return (level != null) ? level.label() : "Not yet scored";
	}

	/** The day asked for; refused or none, today. */
	private LocalDate day(Map<String, String> query, Map<String, String> errors) {
		LocalDate day = FormValues.date(query, "day", errors);
		return (day != null) ? day : this.panel.today();
	}

	/** The form's boxes show the day used. */
	private static Map<String, String> values(Map<String, String> query, LocalDate day) {
		Map<String, String> values = new LinkedHashMap<>(query);
		values.putIfAbsent("day-day", String.valueOf(day.getDayOfMonth()));
		values.putIfAbsent("day-month", String.valueOf(day.getMonthValue()));
		values.putIfAbsent("day-year", String.valueOf(day.getYear()));
		return values;
	}

}
