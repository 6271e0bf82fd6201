package org.mashhub.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one computation of due dates and warning points: task due dates, timers, the
 * deadline ledger and reports all come from here.
 */
@Component
public class SlaCalculator {

	private final WorkingCalendar calendar;

	private final Map<String, SlaSettings.Policy> policies;

	SlaCalculator(WorkingCalendar calendar, SlaSettings settings) {
		this.calendar = calendar;
		this.policies = Map.copyOf(settings.policies());
	}

	/** When a step anchored at {@code anchor} is due under the named policy. */
	public Instant dueAt(String policy, Instant anchor) {
		SlaSettings.Policy rules = policy(policy);
		return dueAt(rules, anchor, rules.amount());
	}

	/** When to warn that a step anchored at {@code anchor} is nearly due. */
	public Instant warnAt(String policy, Instant anchor) {
		SlaSettings.Policy rules = policy(policy);
		return warnAt(rules, anchor, dueAt(rules, anchor, rules.amount()));
	}

	/** When a step is due and when to warn of it. */
	public record Schedule(Instant dueAt, Instant warnAt) {
	}

	/**
	 * A step's due and warning instants: {@code amount} units of the policy's clock from
	 * its one anchor, moved on by the clock time it stood still. Opening, extension,
	 * re-rating, a closure day and a restarted clock all ask here, so none of them can
	 * count the same deadline differently.
	 */
	public Schedule schedule(String policy, Instant anchor, int amount, Duration stopped) {
		SlaSettings.Policy rules = policy(policy);
		Instant due = dueAt(rules, anchor, amount);
		Instant warn = warnAt(rules, anchor, due);
		return new Schedule(plusClockTime(rules, due, stopped), plusClockTime(rules, warn, stopped));
	}

	/** Due after {@code amount} units of the policy's clock instead of its own amount. */
	public Instant dueAt(String policy, Instant anchor, int amount) {
		return dueAt(policy(policy), anchor, amount);
	}

	public Instant warnAt(String policy, Instant anchor, int amount) {
		SlaSettings.Policy rules = policy(policy);
		return warnAt(rules, anchor, dueAt(rules, anchor, amount));
	}

	/**
	 * Working days from one date to the next, the later counted: negative when it is
	 * before.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return this.calendar.workingDaysBetween(from, to);
	}

	/**
	 * The instant a step dated only by its day counts from: the opening of that day's
	 * working hours.
	 */
	public Instant openingOf(LocalDate day) {
		return this.calendar.opening(day).toInstant();
	}

	/** The policy's maximum extension, or its amount when it cannot be extended. */
	public int maximumOf(String policy) {
		SlaSettings.Policy rules = policy(policy);
		return (rules.maximum() != null) ? rules.maximum() : rules.amount();
	}

	public int amountOf(String policy) {
		return policy(policy).amount();
	}

	public SlaClock clockOf(String policy) {
		return policy(policy).clock();
	}

	/** Policies whose due dates the calendar moves. */
	List<String> policiesCountingWorkingTime() {
		return this.policies.entrySet()
			.stream()
			.filter((entry) -> isWorkingClock(entry.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	SlaSettings.Policy policy(String name) {
		SlaSettings.Policy policy = this.policies.get(name);
		if (policy == null) {
			throw new IllegalArgumentException(
					"No SLA policy named '" + name + "'; known: " + new java.util.TreeSet<>(this.policies.keySet()));
		}
		return policy;
	}

	Instant dueAt(SlaSettings.Policy policy, Instant anchor, int amount) {
		ZonedDateTime start = anchor.atZone(WorkingCalendar.ZONE);
		return switch (policy.clock()) {
			case HOURS -> anchor.plus(Duration.ofHours(amount));
			case CALENDAR_DAYS -> start.plusDays(amount).toInstant();
			case WORKING_DAYS -> this.calendar.plusWorkingDays(start, amount).toInstant();
			case WORKING_HOURS -> this.calendar.plusWorkingTime(start, Duration.ofHours(amount)).toInstant();
			case WORKING_DAY_STARTS -> this.calendar.startOfWorkingDay(start, amount).toInstant();
		};
	}

	/**
	 * The warning point between anchor and due, counted on the policy's clock, never
	 * before the anchor.
	 */
	Instant warnAt(SlaSettings.Policy policy, Instant anchor, Instant due) {
		Double share = policy.warningShare();
		Instant warn;
		if (share != null) {
			Duration span = clockTimeBetween(policy, anchor, due);
			warn = plusClockTime(policy, anchor, Duration.ofMillis(Math.round(span.toMillis() * share)));
		}
		else {
			warn = minusClockTime(policy, due, policy.warningBefore());
		}
		return warn.isBefore(anchor) ? anchor : warn;
	}

	/**
	 * Time that counts on the policy's clock: office time for working clocks, real time
	 * otherwise.
	 */
	Duration clockTimeBetween(SlaSettings.Policy policy, Instant from, Instant to) {
		return isWorkingClock(policy)
				? this.calendar.workingTimeBetween(from.atZone(WorkingCalendar.ZONE), to.atZone(WorkingCalendar.ZONE))
				: Duration.between(from, to);
	}

	Instant plusClockTime(SlaSettings.Policy policy, Instant from, Duration amount) {
		return isWorkingClock(policy)
				? this.calendar.plusWorkingTime(from.atZone(WorkingCalendar.ZONE), amount).toInstant()
				: from.plus(amount);
	}

	private Instant minusClockTime(SlaSettings.Policy policy, Instant to, Duration amount) {
		return isWorkingClock(policy)
				? this.calendar.minusWorkingTime(to.atZone(WorkingCalendar.ZONE), amount).toInstant()
				: to.minus(amount);
	}

	private static boolean isWorkingClock(SlaSettings.Policy policy) {
		return policy.clock() != SlaClock.HOURS && policy.clock() != SlaClock.CALENDAR_DAYS;
	}

}
