package org.mashhub.child;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.security.AccessAudit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-live import of the council's open cases and child protection plans from its
 * case-management system, so that the front door's flags (open case and allocated worker,
 * a plan in the last two years) are right from the first day. Each row is the child's
 * record found by NHS number, else by name and date of birth when exactly one record
 * fits, else a new record. One file is one transaction: with a single row at fault
 * nothing is written. The same file imported again changes nothing.
 */
@Service
public class ChildImport {

	/** The field a refusal names for the file as a whole. */
	public static final String FILE = "file";

	/** Rows of children in one file, the first row (the columns) aside. */
	public static final int MAX_ROWS = 5_000;

	private final ChildRecords children;

	private final AccessAudit audit;

	private final JdbcClient jdbc;

	ChildImport(ChildRecords children, AccessAudit audit, JdbcClient jdbc) {
		this.children = children;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * What an import did, counted in children and plans.
	 *
	 * @param rows rows of children read, blank rows aside
	 * @param matched children who had a record before
	 * @param registered children given a record by the import
	 * @param allocated children with an open case, allocated to the worker the file names
	 * @param allocationsEnded children allocated before whose rows name no worker: their
	 * case is closed
	 * @param plansRecorded the file's child protection plans, each counted once however
	 * many rows name it
	 */
	public record ImportCounts(int rows, int matched, int registered, int allocated, int allocationsEnded,
			int plansRecorded) {

	}

	/**
	 * Imports a CSV file (UTF-8, the first row naming the columns), or refuses it with
	 * each problem by row and field ({@code rows[4].dateOfBirth}) and writes nothing.
	 */
	@Transactional
	public ImportCounts importCsv(byte[] file) {
		// One import at a time (a form sent twice, two admins): the second waits and then
		// finds the children the first registered, instead of registering them again
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('child-import'))").query().singleRow();
		ImportProblems problems = new ImportProblems();
		List<ChildImportFile.Row> rows = ChildImportFile.read(file, problems);
		Map<UUID, ChildInFile> named = new LinkedHashMap<>();
		for (ChildImportFile.Row row : rows) {
			// A row for a child registered by an earlier row finds that record: the
			// transaction sees what it wrote
			childOf(row, named, problems).ifPresent((child) -> child.add(row, problems));
		}
		// What was registered so far is rolled back with the refusal
		problems.refuseIfAny();
		int registered = 0;
		int allocated = 0;
		int allocationsEnded = 0;
		int plans = 0;
		for (ChildInFile child : named.values()) {
			UUID id = child.recorded.id();
			String before = child.recorded.allocatedWorker();
			if (child.worker != null) {
				allocated++;
				if (!child.worker.equals(before)) {
					this.children.allocate(id, child.worker);
				}
			}
			else if (before != null) {
				allocationsEnded++;
				this.children.allocate(id, null);
			}
			// A plan is kept by its start date: recording it again only sets its end
			child.plans.forEach((start, plan) -> this.children.recordChildProtectionPlan(id, start, plan.end()));
			plans += child.plans.size();
			registered += child.registered ? 1 : 0;
		}
		ImportCounts counts = new ImportCounts(rows.size(), named.size() - registered, registered, allocated,
				allocationsEnded, plans);
		this.audit.record("IMPORT", "child", null, describe(counts));
		return counts;
	}

	/**
	 * The record the row is about, registered when there is none; empty when which record
	 * it is cannot be told.
	 */
	private Optional<ChildInFile> childOf(ChildImportFile.Row row, Map<UUID, ChildInFile> named,
			ImportProblems problems) {
		List<ChildRecords.PossibleMatch> matches = this.children.possibleMatches(row.givenNames(), row.familyName(),
				row.dateOfBirth(), row.nhsNumber());
		Optional<Child> sameNhsNumber = matches.stream()
			.filter((match) -> match.reason() == ChildRecords.MatchReason.NHS_NUMBER)
			.map(ChildRecords.PossibleMatch::child)
			.findFirst();
		if (sameNhsNumber.isPresent()) {
			Child child = sameNhsNumber.get();
			// A mistyped NHS number can be another child's
			if (child.dateOfBirth() != null && !child.dateOfBirth().equals(row.dateOfBirth())) {
				problems.row(row.number(), ChildImportFile.Column.DATE_OF_BIRTH.field(),
						"the child with this NHS number has another date of birth on record: check both");
				return Optional.empty();
			}
			return Optional.of(inFile(child, false, named));
		}
		List<Child> sameNameAndBirth = matches.stream()
			.filter((match) -> match.reason() == ChildRecords.MatchReason.NAME_AND_DATE_OF_BIRTH)
			.map(ChildRecords.PossibleMatch::child)
			// A record with another NHS number is another child
			.filter((child) -> row.nhsNumber() == null || child.nhsNumber() == null)
			.toList();
		if (sameNameAndBirth.size() > 1) {
			problems.row(row.number(), ChildImportFile.Column.NHS_NUMBER.field(),
					sameNameAndBirth.size() + " records have this name and date of birth, so which one is this child"
							+ " cannot be told" + ((row.nhsNumber() == null) ? ": give the child's NHS number" : ""));
			return Optional.empty();
		}
		if (sameNameAndBirth.size() == 1) {
			return Optional.of(inFile(sameNameAndBirth.get(0), false, named));
		}
		Child registered = this.children.register(new ChildRecords.NewChild(row.givenNames(), row.familyName(),
				row.dateOfBirth(), null, row.nhsNumber(), null, null, false));
		return Optional.of(inFile(registered, true, named));
	}

	private static ChildInFile inFile(Child child, boolean registered, Map<UUID, ChildInFile> named) {
		return named.computeIfAbsent(child.id(), (id) -> new ChildInFile(child, registered));
	}

	/** Counts only: the audit never holds who was imported. */
	private static String describe(ImportCounts counts) {
		return counts.rows() + " rows: " + counts.matched() + " children matched, " + counts.registered()
				+ " registered, " + counts.allocated() + " allocated, " + counts.allocationsEnded()
				+ " allocations ended, " + counts.plansRecorded() + " child protection plans recorded";
	}

	/** A child the file names, with what all of their rows say. */
	private static final class ChildInFile {

		/** The record as it was before the import allocated anything. */
		private final Child recorded;

		private final boolean registered;

		private String worker;

		private int workerRow;

		/** By start date, as the records keep them. */
		private final Map<LocalDate, Plan> plans = new LinkedHashMap<>();

		ChildInFile(Child recorded, boolean registered) {
			this.recorded = recorded;
			this.registered = registered;
		}

		/** A row about this child, which must not contradict their earlier rows. */
		void add(ChildImportFile.Row row, ImportProblems problems) {
			if (row.allocatedWorker() != null) {
				if (this.worker == null) {
					this.worker = row.allocatedWorker();
					this.workerRow = row.number();
				}
				else if (!this.worker.equals(row.allocatedWorker())) {
					problems.row(row.number(), ChildImportFile.Column.ALLOCATED_WORKER.field(), "row " + this.workerRow
							+ " allocates the same child to " + this.worker + ": a child has one allocated worker");
				}
			}
			if (row.planStart() != null) {
				Plan earlier = this.plans.putIfAbsent(row.planStart(), new Plan(row.number(), row.planEnd()));
				if (earlier != null && !Objects.equals(earlier.end(), row.planEnd())) {
					problems.row(row.number(), ChildImportFile.Column.PLAN_END.field(),
							"row " + earlier.row() + " has the same child's plan from the same start with another end");
				}
			}
		}

	}

	private record Plan(int row, LocalDate end) {

	}

}
