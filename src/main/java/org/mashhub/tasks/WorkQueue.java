package org.mashhub.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.notification.Notices;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.StaffDirectory;

import org.mashhub.sla.Deadlines;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work queue: lists of work from the read model (one query a page, never the engine),
 * and what people do with a task: claim, unclaim, complete, reassign.
 */
@Service
public class WorkQueue {

	private final WorkItemRepository items;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final TasksSettings settings;

	private final StaffDirectory staff;

	private final Notices notices;

	private final AccessAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<AssignmentRules> rules;

	WorkQueue(WorkItemRepository items, TaskService tasks, RepositoryService repository, TasksSettings settings,
			StaffDirectory staff, Notices notices, AccessAudit audit, ApplicationEventPublisher events, Clock clock,
			List<AssignmentRules> rules) {
		this.clock = clock;
		this.rules = rules;
		this.items = items;
		this.tasks = tasks;
		this.repository = repository;
		this.settings = settings;
		this.staff = staff;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Counting stops here: a list of this many or more shows "1,000+". Counting every row
	 * of a national queue costs more than the page itself, and nobody pages that far:
	 * they search or filter.
	 */
	public static final int COUNT_LIMIT = 1000;

	/**
	 * A page of work, and whether another page follows. It carries no counts: those come
	 * from {@link #counts}, asked for separately so that the list never waits for them.
	 */
	public record Page(List<WorkItem> items, boolean hasMore, Instant now) {
	}

	/**
	 * How many items each of the reader's tabs holds, counting no further than
	 * {@link #COUNT_LIMIT}.
	 */
	public record Counts(Map<WorkListQuery.Tab, Integer> byTab) {

		/** A count as people read it: "1,000+" at the limit. */
		public static String shown(int count) {
			return (count >= COUNT_LIMIT) ? String.format("%,d+", COUNT_LIMIT) : Integer.toString(count);
		}

		public boolean capped(WorkListQuery.Tab tab) {
			return this.byTab.getOrDefault(tab, 0) >= COUNT_LIMIT;
		}

	}

	/** One person's share of a team's open work. */
	public record Workload(String assignee, int open, int overdue, int dueThisWeek) {
	}

	/** A task to reassign, as the manager saw it (its version). */
	public record Seen(String taskId, int version) {
	}

	@Transactional(readOnly = true)
	public Page list(CurrentUser reader, WorkListQuery query) {
		Instant now = now();
		List<WorkItem> found = this.items.page(sql(reader, query, now));
		boolean hasMore = found.size() > query.size();
		return new Page(hasMore ? found.subList(0, query.size()) : found, hasMore, now);
	}

	/** The reader's tabs, each counted with the query's filters and search. */
	@Transactional(readOnly = true)
	public Counts counts(CurrentUser reader, WorkListQuery query) {
		boolean manager = !managedBy(reader).isEmpty();
		Map<WorkListQuery.Tab, Integer> counts = new EnumMap<>(WorkListQuery.Tab.class);
		for (WorkListQuery.Tab tab : WorkListQuery.Tab.values()) {
			if (tab != WorkListQuery.Tab.TEAM || manager) {
				counts.put(tab, count(reader, query.withTab(tab)));
			}
		}
		return new Counts(counts);
	}

	/** The query's own tab, counted no further than {@link #COUNT_LIMIT}. */
	@Transactional(readOnly = true)
	public int count(CurrentUser reader, WorkListQuery query) {
		Instant now = now();
		int count = 0;
		for (WorkListQuery.Sql part : query.toCountSql(reader.username(), pools(reader), managed(reader, query), now,
				endOfToday(now))) {
			count += this.items.count(part, COUNT_LIMIT - count);
			if (count >= COUNT_LIMIT) {
				break;
			}
		}
		return count;
	}

	private WorkListQuery.Sql sql(CurrentUser reader, WorkListQuery query, Instant now) {
		return query.toSql(reader.username(), pools(reader), managed(reader, query), now, endOfToday(now));
	}

	private List<String> managed(CurrentUser reader, WorkListQuery query) {
		List<String> managed = List.copyOf(managedBy(reader));
		if (query.tab() == WorkListQuery.Tab.TEAM && managed.isEmpty()) {
			throw new AccessDeniedException("Only managers see their teams' work.");
		}
		return managed;
	}

	private static Instant endOfToday(Instant now) {
		return ZonedDateTime.ofInstant(now, MashHubApplication.LOCAL_TIME)
			.toLocalDate()
			.plusDays(1)
			.atStartOfDay(MashHubApplication.LOCAL_TIME)
			.toInstant();
	}

	/** A task the reader may see: theirs, their teams', or their managed teams'. */
	@Transactional(readOnly = true)
	public WorkItem find(String taskId, CurrentUser reader) {
		WorkItem item = this.items.find(taskId).orElseThrow(() -> new NoSuchElementException("No task " + taskId));
		if (!reader.username().equals(item.assignee()) && !inAny(item, pools(reader))
				&& !inAny(item, managedBy(reader))) {
			// Indistinguishable from a task that does not exist: its existence is not
			// theirs to know
			throw new NoSuchElementException("No task " + taskId);
		}
		return item;
	}

	@Transactional
	public void claim(String taskId, CurrentUser user) {
		WorkItem item = open(taskId, user);
		if (!inAny(item, pools(user))) {
			throw new AccessDeniedException("This task is for " + String.join(", ", item.candidateGroups()) + ".");
		}
		if (item.assignee() != null) {
			throw new OptimisticLockingFailureException(
					(item.assignee().equals(user.username()) ? "You have" : item.assignee() + " has")
							+ " already claimed this task.");
		}
		String why = barred(item).get(user.username());
		if (why != null) {
			throw Refusal.notAllowed("taskId", why);
		}
		try {
			this.tasks.claim(taskId, user.username());
		}
		catch (TaskAlreadyClaimedException ex) {
			// Claimed by someone else between the read and the claim
			throw new OptimisticLockingFailureException("Someone else has just claimed this task.", ex);
		}
	}

	/** Claims several tasks at once, all or none (a manager taking on urgent work). */
	@Transactional
	public void claimAll(List<String> taskIds, CurrentUser user) {
		taskIds.forEach((taskId) -> claim(taskId, user));
	}

	@Transactional
	public void unclaim(String taskId, CurrentUser user) {
		WorkItem item = open(taskId, user);
		if (!user.username().equals(item.assignee())) {
			throw new AccessDeniedException("Only the person it is assigned to can give a task back.");
		}
		this.tasks.setAssignee(taskId, null);
	}

	/**
	 * Completes a task assigned to the user. A late task needs a reason for delay, or the
	 * SLA engine refuses it ({@link org.mashhub.sla.DeadlineRefused}).
	 */
	@Transactional
	public void complete(String taskId, CurrentUser user, String reasonForDelay) {
		WorkItem item = open(taskId, user);
		if (item.hasForm()) {
			// Its form records what the step decided; completing it bare would lose that
			throw new CompleteOnItsForm(item.formLink());
		}
		completeAssigned(item, user, reasonForDelay, Map.of());
	}

	/**
	 * The task as it stands, for the module whose form completes it: open, and assigned
	 * to the user.
	 */
	@Transactional(readOnly = true)
	public WorkItem assignedTo(String taskId, CurrentUser user) {
		WorkItem item = open(taskId, user);
		if (!user.username().equals(item.assignee())) {
			throw new AccessDeniedException("Claim the task before completing it.");
		}
		return item;
	}

	/**
	 * Completes a task from its own form, with the routing facts the form decided, in the
	 * caller's transaction (the form's business record commits with it or not at all).
	 */
	@Transactional
	public void completeFromForm(String taskId, CurrentUser user, String reasonForDelay, Map<String, Object> routing) {
		completeAssigned(open(taskId, user), user, reasonForDelay, routing);
	}

	private void completeAssigned(WorkItem item, CurrentUser user, String reasonForDelay, Map<String, Object> routing) {
		if (!user.username().equals(item.assignee())) {
			throw new AccessDeniedException("Claim the task before completing it.");
		}
		VariableMap variables = Variables.createVariables();
		variables.putAll(routing);
		variables.putValueTyped(Deadlines.REASON_FOR_DELAY, Variables.stringValue(reasonForDelay, true));
		try {
			this.tasks.complete(item.taskId(), variables);
		}
		catch (ProcessEngineException ex) {
			// The engine wraps what its listeners throw; a refused late completion is the
			// caller's to explain
			Optional<Refusal> refused = Refusal.in(ex);
			if (refused.isPresent()) {
				throw refused.get();
			}
			// A deadline timer firing at the same moment: the person looks again and
			// retries
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof OptimisticLockingFailureException conflict) {
					throw conflict;
				}
			}
			throw ex;
		}
	}

	/**
	 * The open tasks of these process instances, soonest due first, for a module's own
	 * overview of its cases (the module decides who may see it).
	 */
	@Transactional(readOnly = true)
	public List<WorkItem> openOf(java.util.Collection<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? List.of() : this.items.findOpenOf(processInstanceIds);
	}

	/** The work's RAG changed (a re-rating): every open task of the process shows it. */
	@Transactional
	public void changeRag(String processInstanceId, String rag) {
		this.items.changeRag(processInstanceId, rag);
	}

	/**
	 * Moves tasks to a named person, all or none: the manager must manage one of each
	 * task's teams, the person must be in one of them, and nobody may have changed a task
	 * since the manager saw it.
	 */
	@Transactional
	public void reassign(List<Seen> seen, String to, String reason, CurrentUser manager) {
		Set<String> managed = managedBy(manager);
		StaffDirectory.StaffMember target = this.staff.find(to)
			.orElseThrow(() -> Refusal.notAllowed("to",
					to + " is not known to MASH Hub yet: they must have signed in at least once."));
		Instant now = now();
		List<WorkItem> moved = new ArrayList<>();
		for (Seen task : seen) {
			WorkItem item = this.items.find(task.taskId())
				.filter((found) -> "OPEN".equals(found.state()))
				.orElseThrow(() -> new NoSuchElementException("No open task " + task.taskId()));
			if (!inAny(item, managed)) {
				throw new AccessDeniedException("You do not manage the team of task " + task.taskId() + ".");
			}
			if (!inAny(item, target.groups())) {
				throw Refusal.notAllowed("to", target.displayName() + " is not in the team for '" + item.taskName()
						+ "' (" + String.join(", ", item.candidateGroups()) + ").");
			}
			String why = barred(item).get(to);
			if (why != null) {
				throw Refusal.notAllowed("to", target.displayName() + ": " + why);
			}
			if (!this.items.claimVersion(task.taskId(), task.version())) {
				throw new OptimisticLockingFailureException("'" + item.taskName() + "' (" + item.subjectReference()
						+ ") was changed by someone else since you looked; nothing was reassigned. Look again and retry.");
			}
			this.tasks.setAssignee(task.taskId(), to);
			this.items.addReassignment(task.taskId(), now, manager.username(), item.assignee(), to, reason);
			this.audit.record("REASSIGN", "task", task.taskId(), reason);
			this.events.publishEvent(new TaskReassigned(task.taskId(), item.processInstanceId(),
					item.processDefinitionKey(), item.subjectReference(), item.taskName(), item.assignee(), to,
					manager.username(), reason, now));
			moved.add(item);
		}
		for (WorkItem item : moved) {
			String reference = item.processType() + " " + item.subjectReference();
			this.notices.toUser(to, reference, "Assigned to you by " + manager.displayName() + ": " + item.taskName(),
					"/tasks/" + item.taskId());
			if (item.assignee() != null && !item.assignee().equals(to)) {
				this.notices.toUser(item.assignee(), reference,
						"Moved to " + target.displayName() + " by " + manager.displayName() + ": " + item.taskName(),
						"/tasks/" + item.taskId());
			}
		}
	}

	/**
	 * Open, overdue and due-this-week work per person in the teams the manager manages.
	 */
	@Transactional(readOnly = true)
	public List<Workload> workload(CurrentUser manager) {
		Set<String> managed = managedBy(manager);
		if (managed.isEmpty()) {
			throw new AccessDeniedException("Only managers see their teams' workload.");
		}
		Instant now = now();
		LocalDate today = LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME);
		Instant endOfWeek = today.with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
			.atStartOfDay(MashHubApplication.LOCAL_TIME)
			.toInstant();
		return this.items.workload(managed, now, endOfWeek);
	}

	/**
	 * The people a manager may give the task to: staff seen in the task's teams whom no
	 * module's rule bars from it.
	 */
	@Transactional(readOnly = true)
	public List<StaffDirectory.StaffMember> candidatesFor(WorkItem item) {
		Map<String, String> barred = barred(item);
		return this.staff.membersOf(item.candidateGroups())
			.stream()
			.filter((member) -> !barred.containsKey(member.username()))
			.toList();
	}

	/** Whom the modules bar from holding the task, and why. */
	private Map<String, String> barred(WorkItem item) {
		Map<String, String> barred = new java.util.HashMap<>();
		this.rules.forEach((rule) -> rule.barred(item).forEach(barred::putIfAbsent));
		return barred;
	}

	/** The kinds of process work can come from, by key, with their names, for filters. */
	public Map<String, String> processTypes() {
		Map<String, String> types = new java.util.TreeMap<>();
		this.repository.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.forEach((definition) -> types.put(definition.getKey(),
					(definition.getName() != null) ? definition.getName() : definition.getKey()));
		return types;
	}

	/** Everyone seen in the teams the manager manages. */
	@Transactional(readOnly = true)
	public List<StaffDirectory.StaffMember> teamMembers(CurrentUser manager) {
		return this.staff.membersOf(managedBy(manager));
	}

	/**
	 * The groups whose pool of work the user sees: all theirs but those allocated by name
	 * only.
	 */
	public List<String> pools(CurrentUser user) {
		return this.settings.poolsOf(user.groups());
	}

	public Set<String> managedBy(CurrentUser user) {
		return this.settings.managedBy(user.groups());
	}

	private WorkItem open(String taskId, CurrentUser user) {
		WorkItem item = find(taskId, user);
		if (!"OPEN".equals(item.state())) {
			throw new OptimisticLockingFailureException("This task is already done.");
		}
		return item;
	}

	private static boolean inAny(WorkItem item, java.util.Collection<String> groups) {
		return item.candidateGroups().stream().anyMatch(groups::contains);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
