package org.mashhub.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * One timed step in the deadline ledger: what it is (policy, subject, step), when it is
 * due, what happened to it (extension, pauses, warning, breach) and how it ended.
 */
public record Deadline(UUID id, String policy, String subjectType, String subjectId, String processInstanceId,
		String activityId, String taskId, String stepName, Instant anchorAt, int amount, Instant originalDueAt,
		Instant dueAt, Instant warnAt, String extendedBy, String extensionReason, Instant extendedAt,
		Instant pausedSince, Status status, Instant openedAt, Instant warnedAt, Instant breachedAt, Instant completedAt,
		String completedBy, String delayReason, String delayReasonBy, int version) {

	public enum Status {

		/** Running, not yet due or not yet found late. */
		OPEN,
		/** Done in time. */
		MET,
		/**
		 * The deadline passed before the step was done (done late, or still open and
		 * late).
		 */
		BREACHED,
		/** The step went away undone (withdrawn, process ended another way). */
		CANCELLED

	}

	public boolean isOpen() {
		return this.completedAt == null && this.status != Status.CANCELLED;
	}

	public boolean isPaused() {
		return this.pausedSince != null;
	}

	public boolean isExtended() {
		return this.extendedAt != null;
	}

	/** Late at {@code now}: open past its due date, or done after it. */
	public boolean isLate(Instant now) {
		Instant end = (this.completedAt != null) ? this.completedAt : now;
		return !isPaused() && end.isAfter(this.dueAt);
	}

	Deadline withSchedule(int newAmount, Instant newDue, Instant newWarn) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, newAmount, this.originalDueAt, newDue,
				newWarn, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince, this.status,
				this.openedAt, this.warnedAt, this.breachedAt, this.completedAt, this.completedBy, this.delayReason,
				this.delayReasonBy, this.version);
	}

	Deadline withTarget(String newPolicy, Instant newAnchor) {
		return new Deadline(this.id, newPolicy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, newAnchor, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince, this.status,
				this.openedAt, this.warnedAt, this.breachedAt, this.completedAt, this.completedBy, this.delayReason,
				this.delayReasonBy, this.version);
	}

	Deadline withExtension(String by, String reason, Instant at) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, by, reason, at, this.pausedSince, this.status, this.openedAt, this.warnedAt,
				this.breachedAt, this.completedAt, this.completedBy, this.delayReason, this.delayReasonBy,
				this.version);
	}

	Deadline withPausedSince(Instant since) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, since, this.status, this.openedAt,
				this.warnedAt, this.breachedAt, this.completedAt, this.completedBy, this.delayReason,
				this.delayReasonBy, this.version);
	}

	Deadline withWarning(Instant at) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince, this.status,
				this.openedAt, at, this.breachedAt, this.completedAt, this.completedBy, this.delayReason,
				this.delayReasonBy, this.version);
	}

	Deadline withBreach(Instant at) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince, Status.BREACHED,
				this.openedAt, this.warnedAt, at, this.completedAt, this.completedBy, this.delayReason,
				this.delayReasonBy, this.version);
	}

	Deadline withEnd(Status end, Instant at, String by, String reasonForDelay, String reasonBy) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince, end,
				this.openedAt, this.warnedAt, this.breachedAt, at, by, reasonForDelay,
				(reasonForDelay != null) ? reasonBy : null, this.version);
	}

	Deadline withDelayReason(String reason, String by) {
		return new Deadline(this.id, this.policy, this.subjectType, this.subjectId, this.processInstanceId,
				this.activityId, this.taskId, this.stepName, this.anchorAt, this.amount, this.originalDueAt, this.dueAt,
				this.warnAt, this.extendedBy, this.extensionReason, this.extendedAt, this.pausedSince,
				(this.status == Status.OPEN && this.isOpen()) ? Status.BREACHED : this.status, this.openedAt,
				this.warnedAt, (this.breachedAt != null) ? this.breachedAt : this.dueAt, this.completedAt,
				this.completedBy, reason, by, this.version);
	}

	/** Late, and nobody has said why yet. */
	public boolean isAwaitingReasonForDelay(Instant now) {
		return this.delayReason == null && this.status != Status.CANCELLED && this.status != Status.MET
				&& (this.status == Status.BREACHED || isLate(now));
	}

}
