package org.mashhub.cse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;
import org.mashhub.child.Child;
import org.mashhub.child.ChildReaders;
import org.mashhub.child.ChildRecords;
import org.mashhub.cse.process.CseScreeningProcess;
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
 * Reading screenings, by who may read what ({@link CseReading}): a screening's page, a
 * step's form, its deadlines, and whose child's record a reader of screenings may open.
 * Every read is audited.
 */
@Service
public class CseScreenings implements DeadlineSubjects, ChildReaders {

	private final ScreeningRecords records;

	private final PlaceRecords places;

	private final Instruments instruments;

	private final ChildRecords children;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final AccessAudit audit;

	private final Clock clock;

	CseScreenings(ScreeningRecords records, PlaceRecords places, Instruments instruments, ChildRecords children,
			WorkQueue queue, Deadlines deadlines, AccessAudit audit, Clock clock) {
		this.records = records;
		this.places = places;
		this.instruments = instruments;
		this.children = children;
		this.queue = queue;
		this.deadlines = deadlines;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A screening as its reader may see it; what the reading leaves out is empty.
	 *
	 * @param instruments each version the scorings used (and the opening's), by version
	 * @param sharedPlaces the other children linked to this child's places
	 */
	public record ScreeningView(Screening screening, CseReading reading, Integer childAge, String socialWorker,
			Map<Integer, Instrument> instruments, List<ScreeningHistory.Trigger> triggers,
			List<ScreeningHistory.Event> timeline, List<ScreeningHistory.Scoring> scorings,
			List<ScreeningHistory.Action> actions, List<ScreeningHistory.SafetyPlan> safetyPlans,
			List<Place.Link> places, List<Place.Link> sharedPlaces, List<Deadline> deadlines) {

		public Instrument instrument() {
			return this.instruments.get(this.screening.instrumentVersion());
		}

		public Optional<ScreeningHistory.Scoring> latestScoring() {
			return this.scorings.stream().findFirst();
		}

	}

	/**
	 * A step's form: the task, which step it is, and the screening as its people read it.
	 */
	public record TaskContext(WorkItem item, String step, ScreeningView view) {
	}

	@Transactional
	public ScreeningView find(String reference, CurrentUser reader) {
		Screening screening = this.records.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No screening " + reference));
		CseReading reading = readingOf(screening, reader)
			.orElseThrow(() -> new NoSuchElementException("No screening " + reference));
		this.audit.record("VIEW", "cse-screening", reference, null);
		return view(screening, reading);
	}

	@Transactional
	public TaskContext forTask(String taskId, CurrentUser reader) {
		WorkItem item = this.queue.find(taskId, reader);
		if (!CseScreeningProcess.PROCESS.equals(item.processDefinitionKey())
				|| !CseReading.BY_STEP.containsKey(item.taskDefinitionKey())) {
			throw new NoSuchElementException("No screening task " + taskId);
		}
		Screening screening = this.records.find(item.subjectReference())
			.orElseThrow(() -> new NoSuchElementException("No screening task " + taskId));
		boolean worksIt = reader.username().equals(item.assignee())
				|| item.candidateGroups().stream().anyMatch(reader::isIn);
		CseReading reading = readingOf(screening, reader)
			.or(() -> worksIt ? Optional.of(CseReading.BY_STEP.get(item.taskDefinitionKey())) : Optional.empty())
			.orElseThrow(() -> new NoSuchElementException("No screening task " + taskId));
		this.audit.record("VIEW", "cse-screening", screening.reference(), null);
		return new TaskContext(item, item.taskDefinitionKey(), view(screening, reading));
	}

	Optional<CseReading> readingOf(Screening screening, CurrentUser reader) {
		if (reader.isIn(Roles.CSE_COORDINATOR) || reader.isIn(Roles.MASH_MANAGER)) {
			return Optional.of(CseReading.WHOLE_SCREENING);
		}
		if (isSocialWorkerOf(screening.child().id(), reader)) {
			return Optional.of(CseReading.FOR_CHILDS_WORKER);
		}
		return Optional.empty();
	}

	@Override
	public boolean owns(String subjectType) {
		return CseScreeningProcess.PROCESS.equals(subjectType);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(String subjectId, CurrentUser reader) {
		return this.records.find(subjectId).flatMap((screening) -> readingOf(screening, reader)).isPresent();
	}

	/** The child's record is for the exploitation coordinators and MASH managers. */
	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(UUID childId, CurrentUser reader) {
		return (reader.isIn(Roles.CSE_COORDINATOR) || reader.isIn(Roles.MASH_MANAGER))
				&& this.records.hasScreenings(childId);
	}

	private boolean isSocialWorkerOf(UUID childId, CurrentUser reader) {
		return this.children.find(childId).map(Child::allocatedWorker).filter(reader.username()::equals).isPresent();
	}

	private ScreeningView view(Screening screening, CseReading reading) {
		boolean caseWork = reading.seesCaseWork();
		List<ScreeningHistory.Scoring> scorings = this.records.scorings(screening.id());
		Map<Integer, Instrument> used = new LinkedHashMap<>();
		used.put(screening.instrumentVersion(),
				this.instruments.find(screening.instrumentId(), screening.instrumentVersion()));
		scorings.forEach((scoring) -> used.computeIfAbsent(scoring.instrumentVersion(),
				(version) -> this.instruments.find(screening.instrumentId(), version)));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
		java.util.OptionalInt age = screening.child().ageOn(today);
		return new ScreeningView(screening, reading, age.isPresent() ? age.getAsInt() : null,
				caseWork ? this.children.find(screening.child().id()).map(Child::allocatedWorker).orElse(null) : null,
				used, caseWork ? this.records.triggers(screening.id()) : List.of(),
				caseWork ? this.records.events(screening.id()) : List.of(), scorings,
				caseWork ? this.records.actions(screening.id()) : List.of(),
				caseWork ? this.records.safetyPlans(screening.id()) : List.of(),
				this.places.linksOfScreening(screening.id())
					.stream()
					.filter((link) -> reading.sees(link.kind()))
					.toList(),
				// Other children are for those who read places and groups whole
				(reading == CseReading.WHOLE_SCREENING) ? this.places.sharedWith(screening.id()) : List.of(),
				caseWork ? this.deadlines.forSubject(CseScreeningProcess.PROCESS, screening.reference()) : List.of());
	}

}
