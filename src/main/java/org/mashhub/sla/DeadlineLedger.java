package org.mashhub.sla;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline ledger as people reach it through the generic API: a deadline is shown
 * only to those its owning module lets read the subject (anyone else is told it does not
 * exist, so a guessed reference tells nothing), and is changed here only when the owning
 * module has no procedure of its own for that change.
 */
@Service
public class DeadlineLedger {

	private final Deadlines deadlines;

	private final List<DeadlineSubjects> owners;

	DeadlineLedger(Deadlines deadlines, List<DeadlineSubjects> owners) {
		this.deadlines = deadlines;
		this.owners = owners;
	}

	@Transactional(readOnly = true)
	public List<Deadline> forSubject(String subjectType, String subjectId, CurrentUser reader) {
		if (!mayRead(subjectType, subjectId, reader)) {
			throw new NoSuchElementException("No deadlines for " + subjectType + " " + subjectId);
		}
		return this.deadlines.forSubject(subjectType, subjectId);
	}

	@Transactional(readOnly = true)
	public Deadline find(UUID id, CurrentUser reader) {
		return this.deadlines.find(id)
			.filter((deadline) -> mayRead(deadline.subjectType(), deadline.subjectId(), reader))
			.orElseThrow(() -> new NoSuchElementException("No deadline " + id));
	}

	@Transactional(readOnly = true)
	public List<DeadlineChange> timeline(UUID id, CurrentUser reader) {
		return this.deadlines.timeline(find(id, reader).id());
	}

	/**
	 * A page of the open ledger, soonest due first, keeping only the deadlines the reader
	 * may read: a page may hold fewer than {@code size}.
	 */
	@Transactional(readOnly = true)
	public List<Deadlines.OpenDeadline> open(int page, int size, CurrentUser reader) {
		// A subject's steps share one answer: ask its module once per subject, not per
		// row
		Map<String, Boolean> readable = new HashMap<>();
		return this.deadlines.openWithTimers(Instant.EPOCH, page, size)
			.stream()
			.filter((open) -> readable.computeIfAbsent(
					open.deadline().subjectType() + " " + open.deadline().subjectId(),
					(subject) -> mayRead(open.deadline().subjectType(), open.deadline().subjectId(), reader)))
			.toList();
	}

	@Transactional
	public Deadline extend(UUID id, int newAmount, String reason, CurrentUser user) {
		Deadline deadline = changeable(id, user, DeadlineSubjects.Change.EXTEND);
		return this.deadlines.extend(deadline.id(), newAmount, reason, user.username(), user.groups());
	}

	@Transactional
	public Deadline pause(UUID id, String reason, CurrentUser user) {
		Deadline deadline = changeable(id, user, DeadlineSubjects.Change.STOP_CLOCK);
		return this.deadlines.pause(deadline.id(), reason, user.username(), user.groups());
	}

	@Transactional
	public Deadline resume(UUID id, CurrentUser user) {
		Deadline deadline = changeable(id, user, DeadlineSubjects.Change.RESTART_CLOCK);
		return this.deadlines.resume(deadline.id(), user.username(), user.groups());
	}

	private Deadline changeable(UUID id, CurrentUser user, DeadlineSubjects.Change change) {
		Deadline deadline = find(id, user);
		Optional<String> refusal = owner(deadline.subjectType())
			.flatMap((owner) -> owner.refusesGenericChange(deadline, change));
		if (refusal.isPresent()) {
			throw new DeadlineRefused("deadline", refusal.get());
		}
		return deadline;
	}

	private boolean mayRead(String subjectType, String subjectId, CurrentUser reader) {
		return subjectType != null && subjectId != null
				&& owner(subjectType).map((owner) -> owner.mayRead(subjectId, reader)).orElse(false);
	}

	private Optional<DeadlineSubjects> owner(String subjectType) {
		return this.owners.stream().filter((owner) -> owner.owns(subjectType)).findFirst();
	}

}
