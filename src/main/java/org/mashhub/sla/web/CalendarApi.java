package org.mashhub.sla.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashhub.sla.CalendarAdministration;
import org.mashhub.sla.ClosureDay;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closure days: everyone may read them, a hub-admin adds and removes them.
 */
@RestController
class CalendarApi {

	private final CalendarAdministration calendar;

	CalendarApi(CalendarAdministration calendar) {
		this.calendar = calendar;
	}

	record ClosureDayRequest(@NotNull LocalDate day, @NotBlank @Size(max = 500) String reason) {
	}

	@GetMapping("/api/calendar/closure-days")
	List<ClosureDay> closureDays() {
		return this.calendar.closureDays();
	}

	@PostMapping("/api/calendar/closure-days")
	@ResponseStatus(HttpStatus.CREATED)
	CalendarAdministration.CalendarChange add(@Valid @RequestBody ClosureDayRequest request,
			Authentication authentication) {
		return this.calendar.addClosureDay(request.day(), request.reason().strip(), authentication.getName());
	}

	@DeleteMapping("/api/calendar/closure-days/{day}")
	CalendarAdministration.CalendarChange remove(
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Authentication authentication) {
		return this.calendar.removeClosureDay(day, authentication.getName());
	}

}
