package org.mashhub.missing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.child.Child;
import org.mashhub.child.ChildReaders;
import org.mashhub.child.ChildRecords;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.DeadlineSubjects;
import org.mashhub.sla.Deadlines;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading missing episodes, by who may read what ({@link EpisodeReading}): an episode's
 * page, a step's form, the deadlines of an episode, and whose child's record a reader of
 * episodes may open. Every read of an episode is audited.
 */
@Service
public class MissingEpisodes implements DeadlineSubjects, ChildReaders {

	private final EpisodeRecords records;

	private final ChildRecords children;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final AccessAudit audit;

	private final Clock clock;

	MissingEpisodes(EpisodeRecords records, ChildRecords children, WorkQueue queue, Deadlines deadlines,
			AccessAudit audit, Clock clock) {
		this.records = records;
		this.children = children;
		this.queue = queue;
		this.deadlines = deadlines;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An episode as its reader may see it; what the reading leaves out is empty.
	 *
	 * @param socialWorker the child's allocated worker, for whole-episode readers
	 */
	public record EpisodeView(MissingEpisode episode, EpisodeReading reading, int childAge, String socialWorker,
			List<EpisodeHistory.Event> timeline, List<EpisodeHistory.Review> reviews,
			List<EpisodeHistory.Meeting> meetings, Optional<ReturnInterview> interview, List<Deadline> deadlines) {
	}

	/**
	 * A step's form: the task, which step it is, and the episode as its people read it.
	 */
	public record TaskContext(WorkItem item, String step, EpisodeView view) {
	}

	@Transactional
	public EpisodeView find(String reference, CurrentUser reader) {
		MissingEpisode episode = this.records.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No missing episode " + reference));
		EpisodeReading reading = readingOf(episode, reader)
			.orElseThrow(() -> new NoSuchElementException("No missing episode " + reference));
		this.audit.record("VIEW", "missing-episode", reference, null);
		return view(episode, reading, reader);
	}

	@Transactional
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!MissingEpisodeProcess.PROCESS.equals(item.processDefinitionKey())
				|| !EpisodeReading.BY_STEP.containsKey(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No missing episode task " + taskId);
		}
		MissingEpisode episode = this.records.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No missing episode task " + taskId));
		boolean worksIt = reader.username().equals(item.assignee())
				|| item.candidateGroups().stream().anyMatch(reader::isIn);
		EpisodeReading reading = readingOf(episode, reader)
			.or(() -> worksIt ? Optional.of(EpisodeReading.BY_STEP.get(item.taskDefinitionKey())) : Optional.empty())
			.orElseThrow(() -> new NoSuchElementException("No missing episode task " + taskId));
		this.audit.record("VIEW", "missing-episode", episode.reference(), null);
		return new TaskContext(item, item.taskDefinitionKey(), view(episode, reading, reader));
	}

	/** The reader's reading of the episode, if they may read it at all. */
	Optional<EpisodeReading> readingOf(MissingEpisode episode, CurrentUser reader) {
		if (reader.isIn(Roles.PARTNER_SYSTEM)) {
			return reader.username().equals(episode.report().recordedBy()) ? Optional.of(EpisodeReading.OWN_REPORT)
					: Optional.empty();
		}
		if (reader.isIn(Roles.MISSING_COORDINATOR) || reader.isIn(Roles.SERVICE_MANAGER)
				|| reader.isIn(Roles.CSE_COORDINATOR) || isSocialWorkerOf(episode.child().id(), reader)) {
			return Optional.of(EpisodeReading.WHOLE_EPISODE);
		}
		if (reader.isIn(Roles.RHI_WORKER) && !episode.isOpen()) {
			return Optional.of(EpisodeReading.FOR_INTERVIEW);
		}
		return Optional.empty();
	}

	@Override
	public boolean owns(String subjectType) {
		return MissingEpisodeProcess.PROCESS.equals(subjectType);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(String subjectId, CurrentUser reader) {
		return this.records.find(subjectId).flatMap((episode) -> readingOf(episode, reader)).isPresent();
	}

	/**
	 * The child's record is for those who read whole episodes; the interview worker sees
	 * only the child's name, age and placement, on the episode.
	 */
	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(UUID childId, CurrentUser reader) {
		return (reader.isIn(Roles.MISSING_COORDINATOR) || reader.isIn(Roles.SERVICE_MANAGER)
				|| reader.isIn(Roles.CSE_COORDINATOR)) && this.records.hasEpisodes(childId);
	}

	private boolean isSocialWorkerOf(UUID childId, CurrentUser reader) {
		return this.children.find(childId).map(Child::allocatedWorker).filter(reader.username()::equals).isPresent();
	}

	private EpisodeView view(MissingEpisode episode, EpisodeReading reading, CurrentUser reader) {
		boolean whole = reading.seesCaseWork();
		Optional<ReturnInterview> interview = reading.seesInterview() ? this.records.interview(episode.id())
			.filter((recorded) -> whole || reader.username().equals(recorded.recordedBy())) : Optional.empty();
		return new EpisodeView(episode, reading,
				episode.child().ageOn(LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME)),
				whole ? this.children.find(episode.child().id()).map(Child::allocatedWorker).orElse(null) : null,
				whole ? this.records.events(episode.id()) : List.of(),
				whole ? this.records.reviews(episode.id()) : List.of(),
				whole ? this.records.meetings(episode.id()) : List.of(), interview,
				whole ? this.deadlines.forSubject(MissingEpisodeProcess.PROCESS, episode.reference()) : List.of());
	}

}
