package org.mashhub.complaints.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.complaints.ComplainantType;
import org.mashhub.complaints.ComplaintTracker;
import org.mashhub.complaints.ComplaintsReport;
import org.mashhub.complaints.ComplaintsSettings;
import org.mashhub.complaints.Finding;
import org.mashhub.security.CurrentUser;
import org.mashhub.web.DateInput;
import org.mashhub.web.FormValues;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complaints manager's view across complaints: the tracker of open complaints by how
 * close each is to its deadline, and the annual report, each with its CSV.
 */
@Controller
class ComplaintTrackerPages {

	private final ComplaintTracker tracker;

	private final ComplaintsReport report;

	private final ComplaintsSettings settings;

	private final ReportCharts charts;

	private final Clock clock;

	ComplaintTrackerPages(ComplaintTracker tracker, ComplaintsReport report, ComplaintsSettings settings,
			ReportCharts charts, Clock clock) {
		this.tracker = tracker;
		this.report = report;
		this.settings = settings;
		this.charts = charts;
		this.clock = clock;
	}

	@GetMapping("/complaints")
	String tracker(@RequestParam(required = false) Integer stage, @RequestParam(required = false) String rag,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String complainantType,
			@RequestParam(defaultValue = "false") boolean awaitingReasonOnly,
			@RequestParam(required = false) String waiting, Authentication authentication, Model model) {
		ComplaintTracker.Filter filter = filter(stage, rag, owner, complainantType, awaitingReasonOnly, waiting);
		model.addAttribute("rows", this.tracker.rows(filter, CurrentUser.of(authentication)));
		model.addAttribute("filter", filter);
		model.addAttribute("types", ComplainantType.values());
		model.addAttribute("proximities", ComplaintTracker.Proximity.values());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("amberWithin", this.settings.amberWithinWorkingDays());
		return "complaints/tracker";
	}

	@GetMapping("/complaints/export.csv")
	ResponseEntity<byte[]> trackerCsv(@RequestParam(required = false) Integer stage,
			@RequestParam(required = false) String rag, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String complainantType,
			@RequestParam(defaultValue = "false") boolean awaitingReasonOnly,
			@RequestParam(required = false) String waiting, Authentication authentication) {
		String csv = this.tracker
			.csv(this.tracker.rows(filter(stage, rag, owner, complainantType, awaitingReasonOnly, waiting),
					CurrentUser.of(authentication)));
		return csv("open-complaints-" + today() + ".csv", csv);
	}

	@GetMapping("/complaints/report")
	String report(@RequestParam Map<String, String> query, Authentication authentication, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		ComplaintsReport.Period period = period(query, errors);
		ComplaintsReport.Report figures;
		try {
			figures = this.report.report(period, CurrentUser.of(authentication));
		}
		catch (Refusal refused) {
			errors.putAll(refused.fieldErrors());
			figures = this.report.report(this.report.currentYear(), CurrentUser.of(authentication));
		}
		model.addAttribute("report", figures);
		model.addAttribute("inTimeChart", this.charts.inTimeChart(figures));
		model.addAttribute("findingsChart", this.charts.findingsChart(figures));
		model.addAttribute("themesChart", this.charts.themesChart(figures));
		model.addAttribute("errors", errors);
		model.addAttribute("values", periodShown(query, period, errors));
		model.addAttribute("findings", Finding.values());
		model.addAttribute("types", ComplainantType.values());
		return "complaints/report";
	}

	@GetMapping("/complaints/report.csv")
	ResponseEntity<byte[]> reportCsv(@RequestParam Map<String, String> query, Authentication authentication) {
		ComplaintsReport.Period period = period(query, new HashMap<>());
		ComplaintsReport.Report figures = this.report.report(period, CurrentUser.of(authentication));
		return csv("complaints-report-" + period.from() + "-to-" + period.to() + ".csv", this.report.csv(figures));
	}

	private ComplaintTracker.Filter filter(Integer stage, String rag, String owner, String complainantType,
			boolean awaitingReasonOnly, String waiting) {
		return new ComplaintTracker.Filter(stage, FormValues.enumOf(ComplaintTracker.Proximity.class, rag),
				(owner != null && !owner.isBlank()) ? owner.strip() : null,
				FormValues.enumOf(ComplainantType.class, complainantType), awaitingReasonOnly,
				(waiting == null || waiting.isBlank()) ? null : "yes".equals(waiting));
	}

	/**
	 * The period asked for; a day left empty or not a real date is the current year's.
	 */
	private ComplaintsReport.Period period(Map<String, String> query, Map<String, String> errors) {
		ComplaintsReport.Period year = this.report.currentYear();
		LocalDate start = FormValues.date(query, "from", errors);
		LocalDate end = FormValues.date(query, "to", errors);
		return new ComplaintsReport.Period((start != null) ? start : year.from(), (end != null) ? end : year.to());
	}

	/** The period's two date inputs as the page shows them again. */
	private static Map<String, String> periodShown(Map<String, String> query, ComplaintsReport.Period period,
			Map<String, String> errors) {
		Map<String, String> shown = new HashMap<>(dayShown("from", period.from(), query, errors));
		shown.putAll(dayShown("to", period.to(), query, errors));
		return shown;
	}

	/**
	 * A refused day as it was typed, so that it can be put right; otherwise the day the
	 * report is for.
	 */
	private static Map<String, String> dayShown(String name, LocalDate day, Map<String, String> query,
			Map<String, String> errors) {
		DateInput typed = DateInput.named(name, query);
		return ((errors.containsKey(name) && !typed.isEmpty()) ? typed : DateInput.of(day)).values(name);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
	}

	private static ResponseEntity<byte[]> csv(String filename, String csv) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

}
