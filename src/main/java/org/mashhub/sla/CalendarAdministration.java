package org.mashhub.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.mashhub.security.AccessAudit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hub-admin's closure days. Adding or removing one moves, in the same transaction,
 * every open deadline whose span covers it: ledger, task due and follow-up dates, and
 * timers.
 */
@Service
public class CalendarAdministration {

	private final ClosureDays closureDays;

	private final Deadlines deadlines;

	private final AccessAudit audit;

	private final BankHolidays bankHolidays;

	private final Clock clock;

	CalendarAdministration(ClosureDays closureDays, Deadlines deadlines, AccessAudit audit, BankHolidays bankHolidays,
			Clock clock) {
		this.closureDays = closureDays;
		this.deadlines = deadlines;
		this.audit = audit;
		this.bankHolidays = bankHolidays;
		this.clock = clock;
	}

	/** How a change to the calendar went: the day and how many open deadlines moved. */
	public record CalendarChange(LocalDate day, int deadlinesMoved) {
	}

	@Transactional(readOnly = true)
	public List<ClosureDay> closureDays() {
		return this.closureDays.all();
	}

	/** The bank holidays of a year, shipped or by rule. */
	public List<LocalDate> bankHolidays(int year) {
		return this.bankHolidays.of(year).stream().sorted().toList();
	}

	@Transactional
	public CalendarChange addClosureDay(LocalDate day, String reason, String by) {
		if (!this.closureDays.add(day, reason, by, this.clock.instant())) {
			throw new DeadlineRefused("day", day + " is already a closure day.");
		}
		this.audit.record("CLOSURE_DAY_ADDED", "calendar", day.toString(), reason);
		return new CalendarChange(day, this.deadlines.recalculateAround(day, by, "Closure day added: " + reason));
	}

	@Transactional
	public CalendarChange removeClosureDay(LocalDate day, String by) {
		if (!this.closureDays.remove(day)) {
			throw new java.util.NoSuchElementException(day + " is not a closure day.");
		}
		this.audit.record("CLOSURE_DAY_REMOVED", "calendar", day.toString(), null);
		return new CalendarChange(day, this.deadlines.recalculateAround(day, by, "Closure day removed"));
	}

}
