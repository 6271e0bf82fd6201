package org.mashhub.missing.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.missing.MissingDashboard;
import org.mashhub.security.CurrentUser;
import org.mashhub.sla.Dates;
import org.mashhub.web.Csv;
import org.mashhub.web.FormValues;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /missing}: the coordinator's dashboard, with a CSV of each table. The
 * interviews' period is chosen by two dates (default: the last three months, to today).
 */
@Controller
class MissingDashboardPages {

	private final MissingDashboard dashboard;

	private final Clock clock;

	MissingDashboardPages(MissingDashboard dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
	}

	@GetMapping("/missing")
	String dashboard(@RequestParam Map<String, String> query, Authentication authentication, Model model) {
		CurrentUser reader = CurrentUser.of(authentication);
		Map<String, String> errors = new LinkedHashMap<>();
		MissingDashboard.Period period = period(query, errors);
		model.addAttribute("missingNow", this.dashboard.missingNow(reader, MissingDashboard.PAGE));
		model.addAttribute("awaiting", this.dashboard.awaitingInterview(reader, MissingDashboard.PAGE));
		model.addAttribute("performance", this.dashboard.performance(reader, period));
		model.addAttribute("repeat", this.dashboard.repeatMissing(reader, MissingDashboard.PAGE));
		model.addAttribute("period", period);
		model.addAttribute("errors", errors);
		model.addAttribute("values", query);
		model.addAttribute("page", MissingDashboard.PAGE);
		return "missing/dashboard";
	}

	@GetMapping("/missing/export/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam Map<String, String> query,
			Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		MissingDashboard.mayRead(reader);
		StringBuilder csv = new StringBuilder();
		switch (table) {
			case "missing-now" -> {
				csv.append(Csv.line("Episode", "Child", "Type", "Risk grade", "Missing since", "Hours missing",
						"Last risk review", "Repeat missing"));
				this.dashboard.missingNow(reader, Integer.MAX_VALUE)
					.forEach((row) -> csv.append(Csv.line(row.reference(), row.childName(), row.type().name(),
							row.riskGrade(), Dates.describe(row.startedAt()), String.valueOf(row.hoursMissing()),
							(row.lastReviewedAt() != null) ? Dates.describe(row.lastReviewedAt()) : "",
							row.repeatMissing() ? "Yes" : "No")));
			}
			case "awaiting-interview" -> {
				csv.append(Csv.line("Episode", "Child", "Returned", "Interview due", "Hours left", "RAG"));
				this.dashboard.awaitingInterview(reader, Integer.MAX_VALUE)
					.forEach((row) -> csv
						.append(Csv.line(row.reference(), row.childName(), Dates.describe(row.returnedAt()),
								Dates.describe(row.dueAt()), String.valueOf(row.hoursLeft()), row.rag())));
			}
			case "interviews" -> {
				MissingDashboard.Period period = period(query, new LinkedHashMap<>());
				csv.append(Csv.line("Provider type", "Returns", "Offered", "Held", "Held within 72 hours", "Declined",
						"Not possible"));
				this.dashboard.performance(reader, period)
					.forEach((row) -> csv.append(Csv.line(row.providerType(), String.valueOf(row.returns()),
							String.valueOf(row.offered()), String.valueOf(row.held()), String.valueOf(row.heldInTime()),
							String.valueOf(row.declined()), String.valueOf(row.notPossible()))));
			}
			case "repeat-missing" -> {
				csv.append(Csv.line("Child", "Episodes in window", "Last episode", "Last began", "Missing now"));
				this.dashboard.repeatMissing(reader, Integer.MAX_VALUE)
					.forEach((row) -> csv
						.append(Csv.line(row.childName(), String.valueOf(row.episodes()), row.lastReference(),
								Dates.describe(row.lastStartedAt()), row.missingNow() ? "Yes" : "No")));
			}
			default -> throw new java.util.NoSuchElementException("No table " + table);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"missing-" + table + "-" + today() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The period the form asks for; refused, the last three months and a message. */
	private MissingDashboard.Period period(Map<String, String> query, Map<String, String> errors) {
		LocalDate to = FormValues.date(query, "to", errors);
		LocalDate from = FormValues.date(query, "from", errors);
		try {
			return this.dashboard.period(from, to);
		}
		catch (Refusal refused) {
			errors.putAll(refused.fieldErrors());
			return this.dashboard.period(null, null);
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
	}

}
