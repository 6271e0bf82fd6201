package org.mashhub.sla.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.mashhub.sla.CalendarAdministration;
import org.mashhub.sla.DeadlineRefused;
import org.mashhub.sla.Deadlines;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hub-admin's calendar page: closure days (add, remove), the bank holidays, and the
 * open deadlines with their timers, so a change to the calendar can be seen moving them.
 */
@Controller
@PreAuthorize("hasAuthority('hub-admin')")
class CalendarPage {

	/**
	 * Where the error summary leads for each field: the day's message to its first box.
	 */
	private static final Map<String, String> ANCHORS = Map.of("day", "closure-day-day", "reason", "closure-day-reason");

	private final CalendarAdministration calendar;

	private final Deadlines deadlines;

	private final Clock clock;

	CalendarPage(CalendarAdministration calendar, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.calendar = calendar;
		this.deadlines = deadlines;
	}

	@GetMapping("/admin/calendar")
	String page(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("values", Map.of());
		}
		int year = Year.now(this.clock.withZone(org.mashhub.MashHubApplication.LOCAL_TIME)).getValue();
		model.addAttribute("closureDays", this.calendar.closureDays());
		model.addAttribute("thisYear", year);
		model.addAttribute("bankHolidaysThisYear", this.calendar.bankHolidays(year));
		model.addAttribute("bankHolidaysNextYear", this.calendar.bankHolidays(year + 1));
		// What a closure day to come can still move: the open deadlines not yet passed
		model.addAttribute("openDeadlines", this.deadlines.openWithTimers(this.clock.instant(), 0, 50));
		return "sla/calendar";
	}

	@PostMapping("/admin/calendar/closure-days")
	String add(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = closureDay(values, errors);
		String reason = values.getOrDefault("reason", "");
		if (reason.isBlank()) {
			errors.put("reason", "Enter why the service is closed on that day");
		}
		else if (reason.length() > 500) {
			errors.put("reason", "The reason must be 500 characters or fewer");
		}
		if (errors.isEmpty()) {
			try {
				CalendarAdministration.CalendarChange change = this.calendar.addClosureDay(day, reason.strip(),
						authentication.getName());
				redirect.addFlashAttribute("success", "Closure day added: " + describe(change));
				return "redirect:/admin/calendar";
			}
			catch (DeadlineRefused refused) {
				errors.put("day", refused.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("values", values);
		model.addAttribute("anchors", ANCHORS);
		return page(model);
	}

	@PostMapping("/admin/calendar/closure-days/{day}/remove")
	String remove(@PathVariable LocalDate day, Authentication authentication, RedirectAttributes redirect) {
		CalendarAdministration.CalendarChange change = this.calendar.removeClosureDay(day, authentication.getName());
		redirect.addFlashAttribute("success", "Closure day removed: " + describe(change));
		return "redirect:/admin/calendar";
	}

	private static String describe(CalendarAdministration.CalendarChange change) {
		return org.mashhub.sla.Dates.describeDay(change.day()) + ". " + change.deadlinesMoved()
				+ ((change.deadlinesMoved() == 1) ? " open deadline moved." : " open deadlines moved.");
	}

	/**
	 * The day the three boxes make; the messages name the closure day. The calendar is
	 * below the web module (whose pages ask it), so it reads its one date input itself.
	 */
	private static LocalDate closureDay(Map<String, String> values, Map<String, String> errors) {
		List<String> parts = Stream.of("day", "month", "year")
			.map((box) -> values.getOrDefault(box, "").strip())
			.toList();
		if (parts.stream().anyMatch(String::isEmpty)) {
			errors.put("day", "Enter the closure day as a day, month and year");
			return null;
		}
		try {
			if (parts.get(2).length() != 4) {
				throw new DateTimeException("A year has four digits");
			}
			return LocalDate.of(Integer.parseInt(parts.get(2)), Integer.parseInt(parts.get(1)),
					Integer.parseInt(parts.get(0)));
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.put("day", "The closure day must be a real date, for example 29 12 2026");
			return null;
		}
	}

}
