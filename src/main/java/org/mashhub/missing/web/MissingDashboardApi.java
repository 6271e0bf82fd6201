package org.mashhub.missing.web;

import java.time.LocalDate;
import java.util.List;

import org.mashhub.missing.MissingDashboard;
import org.mashhub.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's dashboard tables as JSON, as the page shows them (the first 200 rows
 * of each), for the coordinators and service managers.
 */
@RestController
class MissingDashboardApi {

	private final MissingDashboard dashboard;

	MissingDashboardApi(MissingDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/missing/dashboard/missing-now")
	List<MissingDashboard.MissingNow> missingNow(Authentication authentication) {
		return this.dashboard.missingNow(CurrentUser.of(authentication), MissingDashboard.PAGE);
	}

	@GetMapping("/api/missing/dashboard/awaiting-interview")
	List<MissingDashboard.AwaitingInterview> awaitingInterview(Authentication authentication) {
		return this.dashboard.awaitingInterview(CurrentUser.of(authentication), MissingDashboard.PAGE);
	}

	/** The interviews of the children who returned from {@code from} to {@code to}. */
	@GetMapping("/api/missing/dashboard/interviews")
	List<MissingDashboard.Performance> interviews(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Authentication authentication) {
		CurrentUser reader = CurrentUser.of(authentication);
		MissingDashboard.mayRead(reader);
		return this.dashboard.performance(reader, this.dashboard.period(from, to));
	}

	@GetMapping("/api/missing/dashboard/repeat-missing")
	List<MissingDashboard.RepeatMissing> repeatMissing(Authentication authentication) {
		return this.dashboard.repeatMissing(CurrentUser.of(authentication), MissingDashboard.PAGE);
	}

}
