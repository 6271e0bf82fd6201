package org.mashhub.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline ledger: opened when a timed step starts, closed when it is done, extended,
 * paused and resumed by people, moved by the calendar, warned and breached by timers.
 * Every change is kept with who made it and why.
 *
 * <p>
 * Time is the engine's clock, the same one that fires the timers.
 */
@Service
public class Deadlines {

	/**
	 * The transient variable a late step's completion carries its reason for delay in.
	 */
	public static final String REASON_FOR_DELAY = "reasonForDelay";

	private final DeadlineRepository repository;

	private final SlaCalculator calculator;

	private final DeadlineSteps steps;

	private final Clock clock;

	Deadlines(DeadlineRepository repository, SlaCalculator calculator, DeadlineSteps steps, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.calculator = calculator;
		this.steps = steps;
	}

	/**
	 * What a timed step is when it starts. {@code amount} is the clock units it gets,
	 * null for its policy's amount: a step in a stage already extended gets the stage's
	 * extended time.
	 */
	public record Opening(String policy, String subjectType, String subjectId, Instant anchor, String processInstanceId,
			String activityId, String taskId, String stepName, Integer amount) {
	}

	@Transactional
	public Deadline open(Opening opening) {
		SlaSettings.Policy policy = this.calculator.policy(opening.policy());
		int amount = (opening.amount() != null) ? opening.amount() : policy.amount();
		if (policy.maximum() != null && amount > policy.maximum()) {
			throw new DeadlineRefused("amount", "A " + opening.policy() + " deadline can be at most " + policy.maximum()
					+ " " + unit(policy) + "; " + amount + " is beyond it.");
		}
		Instant original = this.calculator.dueAt(policy, opening.anchor(), policy.amount());
		SlaCalculator.Schedule schedule = this.calculator.schedule(opening.policy(), opening.anchor(), amount,
				Duration.ZERO);
		Instant due = schedule.dueAt();
		Instant now = now();
		Deadline deadline = new Deadline(UUID.randomUUID(), opening.policy(), opening.subjectType(),
				opening.subjectId(), opening.processInstanceId(), opening.activityId(), opening.taskId(),
				opening.stepName(), opening.anchor(), amount, original, due, schedule.warnAt(), null, null, null, null,
				Deadline.Status.OPEN, now, null, null, null, null, null, null, 0);
		this.repository.insert(deadline);
		this.repository.addChange(deadline.id(), now, "system", "OPENED", null, null, due);
		return deadline;
	}

	/**
	 * Closes the deadline of a task that is being completed. A late completion needs a
	 * reason for delay: without one it is refused, and the completion with it.
	 */
	@Transactional
	public Optional<Deadline> completeTask(String taskId, String by, String reasonForDelay) {
		Optional<Deadline> open = this.repository.findOpenByTask(taskId);
		if (open.isEmpty()) {
			return Optional.empty();
		}
		Deadline deadline = open.get();
		Instant now = now();
		boolean late = deadline.isLate(now) || deadline.status() == Deadline.Status.BREACHED;
		String reason = (reasonForDelay != null && !reasonForDelay.isBlank()) ? reasonForDelay.strip()
				: deadline.delayReason();
		if (late && reason == null) {
			throw new DeadlineRefused(REASON_FOR_DELAY, "This step was due " + Dates.describe(deadline.dueAt())
					+ ". Give a reason for the delay to complete it.");
		}
		Deadline done = deadline.withEnd(late ? Deadline.Status.BREACHED : Deadline.Status.MET, now, by,
				late ? reason : null,
				(reason != null && reason.equals(deadline.delayReason())) ? deadline.delayReasonBy() : by);
		save(done);
		this.repository.addChange(done.id(), now, by, late ? "COMPLETED_LATE" : "MET", done.delayReason(), null, null);
		return Optional.of(done);
	}

	/**
	 * The task went away undone (a withdrawal, a process ended another way, a request
	 * closed unanswered). Gone after its deadline passed, it counts as breached: the "in
	 * time" figures must not lose it.
	 */
	@Transactional
	public void cancelTask(String taskId, String by) {
		this.repository.findOpenByTask(taskId).ifPresent((deadline) -> {
			Instant now = now();
			boolean late = deadline.isLate(now);
			save(deadline.withEnd(late ? Deadline.Status.BREACHED : Deadline.Status.CANCELLED, now, by,
					deadline.delayReason(), deadline.delayReasonBy()));
			this.repository.addChange(deadline.id(), now, by, late ? "CLOSED_UNDONE_LATE" : "CANCELLED", null, null,
					null);
		});
	}

	/**
	 * Records why a late step is late, while it is still open or after it went away
	 * undone; a reason given here is the one its completion keeps. Who may explain whose
	 * delay is the business module's decision.
	 */
	@Transactional
	public Deadline explainDelay(UUID id, String reason, String by) {
		Deadline deadline = this.repository.find(id)
			.orElseThrow(() -> new java.util.NoSuchElementException("No deadline " + id));
		if (reason == null || reason.isBlank()) {
			throw new DeadlineRefused(REASON_FOR_DELAY, "Give the reason for the delay.");
		}
		Instant now = now();
		boolean lateAndUnexplained = deadline.status() == Deadline.Status.BREACHED
				|| (deadline.isOpen() && deadline.isLate(now));
		if (!lateAndUnexplained || deadline.delayReason() != null) {
			throw new DeadlineRefused(REASON_FOR_DELAY,
					(deadline.delayReason() != null)
							? "A reason for this delay was already recorded by " + deadline.delayReasonBy() + "."
							: "This step is not late: there is no delay to explain.");
		}
		Deadline explained = deadline.withDelayReason(reason.strip(), by);
		save(explained);
		this.repository.addChange(id, now, by, "DELAY_EXPLAINED", reason.strip(), null, null);
		return explained;
	}

	/**
	 * Extends a deadline to {@code newAmount} units of its policy's clock, at most the
	 * policy's maximum, by someone of a group the policy allows.
	 */
	@Transactional
	public Deadline extend(UUID id, int newAmount, String reason, String by, List<String> byGroups) {
		Deadline deadline = openDeadline(id);
		SlaSettings.Policy policy = this.calculator.policy(deadline.policy());
		mayChange(policy, byGroups, "extend");
		if (policy.maximum() == null) {
			throw new DeadlineRefused("amount", "A " + deadline.policy() + " deadline cannot be extended.");
		}
		if (newAmount > policy.maximum()) {
			throw new DeadlineRefused("amount", "A " + deadline.policy() + " deadline can be extended to at most "
					+ policy.maximum() + " " + unit(policy) + "; " + newAmount + " is beyond it.");
		}
		if (newAmount <= deadline.amount()) {
			throw new DeadlineRefused("amount", "The deadline is already " + deadline.amount() + " " + unit(policy)
					+ "; an extension must be longer.");
		}
		Instant now = now();
		Deadline extended = reschedule(deadline.withExtension(by, reason, now), policy, newAmount);
		save(extended);
		this.repository.addChange(id, now, by, "EXTENDED", reason, deadline.dueAt(), extended.dueAt());
		if (!extended.isPaused()) {
			this.steps.move(extended);
		}
		return extended;
	}

	/**
	 * The step's target changed (a contact re-rated): its deadline follows the new policy
	 * from the new anchor, with the task's dates and the step's timers.
	 */
	@Transactional
	public Optional<Deadline> retarget(String taskId, String policy, Instant anchor, String by, String reason) {
		SlaSettings.Policy target = this.calculator.policy(policy);
		return this.repository.findOpenByTask(taskId).map((deadline) -> {
			Deadline moved = reschedule(deadline.withTarget(policy, anchor), target, target.amount());
			save(moved);
			this.repository.addChange(deadline.id(), now(), by, "RETARGETED", reason, deadline.dueAt(), moved.dueAt());
			if (!moved.isPaused()) {
				this.steps.move(moved);
			}
			return moved;
		});
	}

	/**
	 * Stops the clock (e.g. while an advocate is appointed): timers wait until it
	 * restarts.
	 */
	@Transactional
	public Deadline pause(UUID id, String reason, String by, List<String> byGroups) {
		Deadline deadline = openDeadline(id);
		mayChange(this.calculator.policy(deadline.policy()), byGroups, "pause");
		if (deadline.isPaused()) {
			throw new DeadlineRefused("deadline", "The clock of this deadline is already stopped.");
		}
		Instant now = now();
		Deadline paused = deadline.withPausedSince(now);
		save(paused);
		this.repository.addPause(id, now, by, reason);
		this.repository.addChange(id, now, by, "PAUSED", reason, deadline.dueAt(), null);
		this.steps.stopTimers(paused);
		return paused;
	}

	/**
	 * Restarts the clock: the deadline and its warning move on by the time it stood
	 * still.
	 */
	@Transactional
	public Deadline resume(UUID id, String by, List<String> byGroups) {
		Deadline deadline = openDeadline(id);
		SlaSettings.Policy policy = this.calculator.policy(deadline.policy());
		mayChange(policy, byGroups, "restart");
		if (!deadline.isPaused()) {
			throw new DeadlineRefused("deadline", "The clock of this deadline is running.");
		}
		Instant now = now();
		this.repository.endPause(id, deadline.pausedSince(), now, by);
		Deadline resumed = reschedule(deadline.withPausedSince(null), policy, deadline.amount());
		save(resumed);
		this.repository.addChange(id, now, by, "RESUMED", null, deadline.dueAt(), resumed.dueAt());
		this.steps.restartTimers(resumed);
		return resumed;
	}

	/**
	 * The calendar changed on {@code day}: every open working-day deadline whose span
	 * covers it is computed again, with its task and timers. Returns how many moved.
	 */
	@Transactional
	public int recalculateAround(LocalDate day, String by, String reason) {
		List<String> workingPolicies = this.calculator.policiesCountingWorkingTime();
		int moved = 0;
		for (Deadline deadline : this.repository.findOpenCovering(day, workingPolicies)) {
			Deadline recalculated = reschedule(deadline, this.calculator.policy(deadline.policy()), deadline.amount());
			if (!recalculated.dueAt().equals(deadline.dueAt()) || !recalculated.warnAt().equals(deadline.warnAt())) {
				save(recalculated);
				this.repository.addChange(deadline.id(), now(), by, "RECALCULATED", reason, deadline.dueAt(),
						recalculated.dueAt());
				if (!recalculated.isPaused()) {
					this.steps.move(recalculated);
				}
				moved++;
			}
		}
		return moved;
	}

	/** The warning timer of a step fired. */
	@Transactional
	public Optional<Deadline> recordWarning(String processInstanceId, String activityId) {
		return this.repository.findOpenByStep(processInstanceId, activityId).map((deadline) -> {
			Instant now = now();
			Deadline warned = deadline.withWarning(now);
			save(warned);
			this.repository.addChange(deadline.id(), now, "system", "WARNED", null, null, null);
			this.steps.raisePriority(warned, 75);
			return warned;
		});
	}

	/** The deadline timer of a step fired: the step is late. */
	@Transactional
	public Optional<Deadline> recordBreach(String processInstanceId, String activityId) {
		return this.repository.findOpenByStep(processInstanceId, activityId).map((deadline) -> {
			Instant now = now();
			Deadline breached = deadline.withBreach(now);
			save(breached);
			this.repository.addChange(deadline.id(), now, "system", "BREACHED", null, null, null);
			this.steps.raisePriority(breached, 100);
			return breached;
		});
	}

	@Transactional(readOnly = true)
	public Optional<Deadline> find(UUID id) {
		return this.repository.find(id);
	}

	@Transactional(readOnly = true)
	public Optional<Deadline> findOpenForTask(String taskId) {
		return this.repository.findOpenByTask(taskId);
	}

	@Transactional(readOnly = true)
	public List<Deadline> forSubject(String subjectType, String subjectId) {
		return this.repository.findBySubject(subjectType, subjectId);
	}

	/** The deadlines of many subjects of one type, in one query, oldest first. */
	@Transactional(readOnly = true)
	public List<Deadline> forSubjects(String subjectType, java.util.Collection<String> subjectIds) {
		return subjectIds.isEmpty() ? List.of() : this.repository.findBySubjects(subjectType, subjectIds);
	}

	/**
	 * A page of open deadlines due at or after {@code dueFrom}, soonest first, with when
	 * the engine's deadline timer of each is due.
	 */
	@Transactional(readOnly = true)
	public List<OpenDeadline> openWithTimers(Instant dueFrom, int page, int size) {
		List<Deadline> open = this.repository.findOpen(dueFrom, page, size);
		java.util.Map<UUID, Instant> timers = this.steps.deadlineTimers(open);
		return open.stream().map((deadline) -> new OpenDeadline(deadline, timers.get(deadline.id()))).toList();
	}

	/**
	 * An open deadline and when its timer will fire (null when it has fired or its clock
	 * is stopped).
	 */
	public record OpenDeadline(Deadline deadline, Instant timerDueAt) {
	}

	@Transactional(readOnly = true)
	public List<DeadlineChange> timeline(UUID id) {
		return this.repository.changes(id);
	}

	/** Groups told when the deadline's step nears or passes its deadline. */
	public List<String> groupsToTell(Deadline deadline, boolean breach) {
		SlaSettings.Policy policy = this.calculator.policy(deadline.policy());
		return breach ? policy.notifyOnBreach() : policy.notifyOnWarning();
	}

	/**
	 * Due and warning from the policy, the amount and the clock's stopped time so far.
	 */
	private Deadline reschedule(Deadline deadline, SlaSettings.Policy policy, int amount) {
		Duration stopped = Duration.ZERO;
		for (Instant[] pause : this.repository.endedPauses(deadline.id())) {
			stopped = stopped.plus(this.calculator.clockTimeBetween(policy, pause[0], pause[1]));
		}
		SlaCalculator.Schedule schedule = this.calculator.schedule(deadline.policy(), deadline.anchorAt(), amount,
				stopped);
		return deadline.withSchedule(amount, schedule.dueAt(), schedule.warnAt());
	}

	private Deadline openDeadline(UUID id) {
		Deadline deadline = this.repository.find(id)
			.orElseThrow(() -> new java.util.NoSuchElementException("No deadline " + id));
		if (!deadline.isOpen()) {
			throw new DeadlineRefused("deadline", "This deadline is closed: its step is done.");
		}
		return deadline;
	}

	private static void mayChange(SlaSettings.Policy policy, List<String> byGroups, String what) {
		if (byGroups.stream().noneMatch(policy.extendableBy()::contains)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only " + String.join(" or ", policy.extendableBy()) + " may " + what + " this deadline.");
		}
	}

	private void save(Deadline deadline) {
		if (!this.repository.update(deadline)) {
			throw new OptimisticLockingFailureException(
					"Someone else changed this deadline at the same time; look at it again and retry.");
		}
	}

	private static String unit(SlaSettings.Policy policy) {
		return switch (policy.clock()) {
			case WORKING_DAYS -> "working days";
			case WORKING_HOURS -> "working hours";
			case WORKING_DAY_STARTS -> "working day starts";
			case HOURS -> "hours";
			case CALENDAR_DAYS -> "days";
		};
	}

	private Instant now() {
		return this.clock.instant();
	}

}
