package org.mashhub.sla.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.mashhub.sla.CalendarAdministration;
import org.mashhub.sla.DeadlineRefused;
import org.mashhub.sla.Deadlines;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hub-admin's calendar page: closure days (add, remove), the bank holidays, and the
 * open deadlines with their timers, so a change to the calendar can be seen moving them.
 */
@Controller
@PreAuthorize("hasAuthority('hub-admin')")
class CalendarPage {

	private final CalendarAdministration calendar;

	private final Deadlines deadlines;

	private final Clock clock;

	CalendarPage(CalendarAdministration calendar, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.calendar = calendar;
		this.deadlines = deadlines;
	}

	/** The GOV.UK date input's three fields and a reason, as typed. */
	static class ClosureDayForm {

		private String day = "";

		private String month = "";

		private String year = "";

		private String reason = "";

		public String getDay() {
			return this.day;
		}

		public void setDay(String day) {
			this.day = day;
		}

		public String getMonth() {
			return this.month;
		}

		public void setMonth(String month) {
			this.month = month;
		}

		public String getYear() {
			return this.year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	@GetMapping("/admin/calendar")
	String page(Model model) {
		if (!model.containsAttribute("closureDay")) {
			model.addAttribute("closureDay", new ClosureDayForm());
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
	String add(@ModelAttribute("closureDay") ClosureDayForm form, BindingResult errors, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		LocalDate day = parse(form, errors);
		if (form.getReason().isBlank()) {
			errors.rejectValue("reason", "required", "Enter why the service is closed on that day");
		}
		else if (form.getReason().length() > 500) {
			errors.rejectValue("reason", "tooLong", "The reason must be 500 characters or fewer");
		}
		if (!errors.hasErrors()) {
			try {
				CalendarAdministration.CalendarChange change = this.calendar.addClosureDay(day,
						form.getReason().strip(), authentication.getName());
				redirect.addFlashAttribute("success", "Closure day added: " + describe(change));
				return "redirect:/admin/calendar";
			}
			catch (DeadlineRefused refused) {
				errors.rejectValue("day", "exists", refused.getMessage());
			}
		}
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

	private static LocalDate parse(ClosureDayForm form, BindingResult errors) {
		List<String> parts = List.of(form.getDay().strip(), form.getMonth().strip(), form.getYear().strip());
		if (parts.stream().anyMatch(String::isEmpty)) {
			errors.rejectValue("day", "required", "Enter the closure day as a day, month and year");
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(parts.get(2)), Integer.parseInt(parts.get(1)),
					Integer.parseInt(parts.get(0)));
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.rejectValue("day", "invalid", "The closure day must be a real date, for example 29 12 2026");
			return null;
		}
	}

}
