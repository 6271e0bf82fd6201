package org.mashhub.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mashhub.web.Csv;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Deadline;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.SlaCalculator;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaints manager's tracker: every open complaint with its step, owner, deadline,
 * working days left, a RAG by how near the deadline is, extension state and the breaches
 * still waiting for a reason for delay. Due dates are the SLA ledger's, the same the
 * timers and the report use.
 */
@Service
public class ComplaintTracker {

	/**
	 * How near the current step's deadline is. NONE: the complainant has the next move.
	 */
	public enum Proximity {

		RED("Red: late"), AMBER("Amber: due soon"), GREEN("Green: in time"), NONE("Waiting for the complainant");

		private final String label;

		Proximity(String label) {
			this.label = label;
		}

		/** The band as the tracker's filter offers it: "Red: late". */
		public String label() {
			return this.label;
		}

	}

	/**
	 * One open complaint.
	 *
	 * @param workingDaysLeft from today to the due day (negative when late)
	 * @param awaitingReason its late steps nobody has yet given a reason for
	 */
	public record Row(String reference, ComplainantType complainantType, int stage, Complaint.Status status,
			String currentStep, String owner, Instant dueAt, Integer workingDaysLeft, Proximity rag, String extension,
			List<Deadline> awaitingReason) {

	}

	/**
	 * @param waiting true: only complaints waiting for the complainant; false: only those
	 * being worked; null: both
	 */
	public record Filter(Integer stage, Proximity rag, String owner, ComplainantType complainantType,
			boolean awaitingReasonOnly, Boolean waiting) {
	}

	private final ComplaintRecords repository;

	private final WorkQueue queue;

	private final Deadlines deadlines;

	private final SlaCalculator sla;

	private final ComplaintsSettings settings;

	private final Clock clock;

	ComplaintTracker(ComplaintRecords repository, WorkQueue queue, Deadlines deadlines, SlaCalculator sla,
			ComplaintsSettings settings, Clock clock) {
		this.repository = repository;
		this.queue = queue;
		this.deadlines = deadlines;
		this.sla = sla;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(Filter filter, CurrentUser reader) {
		if (!reader.isIn(Roles.COMPLAINTS_MANAGER) && !reader.isIn(Roles.SERVICE_MANAGER)) {
			throw new AccessDeniedException(
					"The complaints tracker is for the complaints manager and service managers.");
		}
		Instant now = this.clock.instant();
		LocalDate today = ComplaintDays.day(now);
		List<Complaint> open = this.repository.open();
		Map<String, List<WorkItem>> work = this.queue
			.openOf(open.stream().map(Complaint::processInstanceId).filter(java.util.Objects::nonNull).toList())
			.stream()
			.collect(Collectors.groupingBy(WorkItem::subjectReference));
		Map<String, List<Deadline>> ledger = this.deadlines
			.forSubjects(ComplaintProcess.PROCESS, open.stream().map(Complaint::reference).toList())
			.stream()
			.collect(Collectors.groupingBy(Deadline::subjectId));
		List<Row> rows = new ArrayList<>();
		for (Complaint complaint : open) {
			Row row = row(complaint, work.getOrDefault(complaint.reference(), List.of()),
					ledger.getOrDefault(complaint.reference(), List.of()), now, today);
			if (matches(row, filter)) {
				rows.add(row);
			}
		}
		rows.sort(Comparator.comparing(Row::rag)
			.thenComparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Row::reference));
		return rows;
	}

	/** The rows as CSV, one line each, for a spreadsheet. */
	public String csv(List<Row> rows) {
		StringBuilder out = new StringBuilder(
				"Reference,Complainant,Stage,Current step,Owner,Due,Working days left,RAG,Extension,Breaches awaiting a reason\r\n");
		for (Row row : rows) {
			out.append(Csv.line(row.reference(), row.complainantType().label(), String.valueOf(row.stage()),
					row.currentStep(), row.owner(), (row.dueAt() != null) ? row.dueAt().toString() : "",
					(row.workingDaysLeft() != null) ? String.valueOf(row.workingDaysLeft()) : "", row.rag().name(),
					row.extension(),
					row.awaitingReason().stream().map(Deadline::stepName).collect(Collectors.joining("; "))));
		}
		return out.toString();
	}

	private Row row(Complaint complaint, List<WorkItem> items, List<Deadline> ledger, Instant now, LocalDate today) {
		List<Deadline> awaiting = ledger.stream().filter((d) -> d.isAwaitingReasonForDelay(now)).toList();
		if (complaint.status() != Complaint.Status.OPEN) {
			int next = complaint.stage() + 1;
			Instant closes = complaint.windowClosesAt();
			return new Row(complaint.reference(), complaint.complainantType(), complaint.stage(), complaint.status(),
					"Waiting for the complainant: stage " + next + " may be asked for", "Complainant", closes,
					(closes != null) ? this.sla.workingDaysBetween(today, ComplaintDays.day(closes)) : null,
					Proximity.NONE, "", awaiting);
		}
		WorkItem current = items.isEmpty() ? null : items.get(0);
		Instant due = (current != null) ? current.dueAt() : null;
		Integer left = (due != null) ? this.sla.workingDaysBetween(today, ComplaintDays.day(due)) : null;
		Proximity rag = (due == null) ? Proximity.NONE : now.isAfter(due) ? Proximity.RED
				: (left <= this.settings.amberWithinWorkingDays()) ? Proximity.AMBER : Proximity.GREEN;
		String owner = (current == null) ? "" : (current.assignee() != null) ? current.assignee()
				: "Unallocated (" + String.join(", ", current.candidateGroups()) + ")";
		return new Row(complaint.reference(), complaint.complainantType(), complaint.stage(), complaint.status(),
				(current != null) ? current.taskName() : "", owner, due, left, rag, extension(complaint), awaiting);
	}

	private String extension(Complaint complaint) {
		if (complaint.stage() == 3) {
			return "Cannot be extended";
		}
		String policy = (complaint.stage() == 1) ? Complaints.STAGE_1_POLICY : Complaints.STAGE_2_POLICY;
		Complaint.Stage stage = complaint.currentStage();
		int maximum = this.sla.maximumOf(policy);
		return (stage != null && stage.extendedTo() != null)
				? "Extended to " + stage.extendedTo() + " of at most " + maximum + " working days"
				: "Not extended (up to " + maximum + " working days)";
	}

	private static boolean matches(Row row, Filter filter) {
		return (filter.stage() == null || filter.stage() == row.stage())
				&& (filter.rag() == null || filter.rag() == row.rag())
				&& (filter.owner() == null || filter.owner().isBlank() || filter.owner().equals(row.owner()))
				&& (filter.complainantType() == null || filter.complainantType() == row.complainantType())
				&& (!filter.awaitingReasonOnly() || !row.awaitingReason().isEmpty())
				&& (filter.waiting() == null || filter.waiting() == (row.status() != Complaint.Status.OPEN));
	}

}
