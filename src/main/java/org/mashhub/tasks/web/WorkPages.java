package org.mashhub.tasks.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import org.mashhub.Refusal;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.CompleteOnItsForm;
import org.mashhub.tasks.EngineConflicts;
import org.mashhub.tasks.WorkListQuery;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My work", a task's page, and the manager's team page.
 */
@Controller
class WorkPages {

	private static final int PAGE_SIZE = 25;

	private static final int TEAM_PAGE_SIZE = 50;

	private final WorkQueue queue;

	private final AccessAudit audit;

	private final Clock clock;

	WorkPages(WorkQueue queue, AccessAudit audit, Clock clock) {
		this.clock = clock;
		this.queue = queue;
		this.audit = audit;
	}

	@GetMapping("/work")
	String myWork(@RequestParam(defaultValue = "ASSIGNED") String tab,
			@RequestParam(required = false) String processType, @RequestParam(required = false) String rag,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "DUE") String sort, @RequestParam(defaultValue = "0") int page,
			Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		WorkListQuery query = workQuery(tab, processType, rag, overdue, q, sort, page);
		if (query.tab() == WorkListQuery.Tab.TEAM) {
			return "redirect:/team";
		}
		model.addAttribute("user", user);
		model.addAttribute("query", query);
		model.addAttribute("found", this.queue.list(user, query));
		// The tabs come first without counts; the page asks for them once it shows (htmx)
		model.addAttribute("countsUrl",
				UriComponentsBuilder.fromPath("/work/counts")
					.queryParam("tab", query.tab())
					.queryParamIfPresent("q", java.util.Optional.ofNullable(query.search()))
					.queryParamIfPresent("processType", java.util.Optional.ofNullable(query.processType()))
					.queryParamIfPresent("rag", java.util.Optional.ofNullable(query.rag()))
					.queryParam("overdue", query.overdueOnly())
					.encode()
					.toUriString());
		model.addAttribute("manager", !this.queue.managedBy(user).isEmpty());
		model.addAttribute("processTypes", this.queue.processTypes());
		return "tasks/work";
	}

	/** The tabs of "My work" with their counts, for the page to swap in. */
	@GetMapping("/work/counts")
	String myWorkCounts(@RequestParam(defaultValue = "ASSIGNED") String tab,
			@RequestParam(required = false) String processType, @RequestParam(required = false) String rag,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
			Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		WorkListQuery query = workQuery(tab, processType, rag, overdue, q, WorkListQuery.Sort.DUE.name(), 0);
		WorkQueue.Counts counts = this.queue.counts(user, query);
		java.util.Map<String, String> shown = new java.util.HashMap<>();
		counts.byTab().forEach((countedTab, count) -> shown.put(countedTab.name(), WorkQueue.Counts.shown(count)));
		model.addAttribute("query", query);
		model.addAttribute("counts", shown);
		model.addAttribute("capped", counts.capped(query.tab()));
		model.addAttribute("countLimit", String.format("%,d", WorkQueue.COUNT_LIMIT));
		model.addAttribute("manager", !this.queue.managedBy(user).isEmpty());
		return "tasks/work :: tabs";
	}

	private static WorkListQuery workQuery(String tab, String processType, String rag, boolean overdue, String q,
			String sort, int page) {
		return new WorkListQuery(parse(WorkListQuery.Tab.class, tab, WorkListQuery.Tab.ASSIGNED), processType,
				(rag != null && WorkListQuery.RAGS.contains(rag)) ? rag : null, overdue, q,
				parse(WorkListQuery.Sort.class, sort, WorkListQuery.Sort.DUE), Math.max(page, 0), PAGE_SIZE);
	}

	@GetMapping("/tasks/{taskId}")
	String task(@PathVariable String taskId, Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		WorkItem item = this.queue.find(taskId, user);
		model.addAttribute("user", user);
		model.addAttribute("item", item);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("canClaim", item.candidateGroups().stream().anyMatch(this.queue.pools(user)::contains));
		boolean manages = item.candidateGroups().stream().anyMatch(this.queue.managedBy(user)::contains);
		model.addAttribute("manages", manages);
		if (manages) {
			model.addAttribute("candidates", this.queue.candidatesFor(item));
		}
		return "tasks/task";
	}

	@GetMapping("/team")
	String team(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		WorkListQuery query = teamQuery(user, q, overdue, page);
		model.addAttribute("user", user);
		model.addAttribute("query", query);
		model.addAttribute("found", this.queue.list(user, query));
		model.addAttribute("countUrl",
				UriComponentsBuilder.fromPath("/team/count")
					.queryParamIfPresent("q", java.util.Optional.ofNullable(query.search()))
					.queryParam("overdue", query.overdueOnly())
					.encode()
					.toUriString());
		model.addAttribute("workload", this.queue.workload(user));
		model.addAttribute("candidates", this.queue.teamMembers(user));
		return "tasks/team";
	}

	/** How much open work the manager's list holds, for the page to swap in. */
	@GetMapping("/team/count")
	String teamCount(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue,
			Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.of(authentication);
		model.addAttribute("total", WorkQueue.Counts.shown(this.queue.count(user, teamQuery(user, q, overdue, 0))));
		return "tasks/team :: total";
	}

	private WorkListQuery teamQuery(CurrentUser user, String q, boolean overdue, int page) {
		if (this.queue.managedBy(user).isEmpty()) {
			throw new AccessDeniedException("Only managers see their teams' work.");
		}
		return new WorkListQuery(WorkListQuery.Tab.TEAM, null, null, overdue, q, WorkListQuery.Sort.DUE,
				Math.max(page, 0), TEAM_PAGE_SIZE);
	}

	@PostMapping("/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, @RequestParam(defaultValue = "/work") String returnTo,
			Authentication authentication, RedirectAttributes redirect) {
		return act(redirect, returnTo, "You claimed the task.",
				() -> this.queue.claim(taskId, CurrentUser.of(authentication)));
	}

	@PostMapping("/tasks/{taskId}/unclaim")
	String unclaim(@PathVariable String taskId, @RequestParam(defaultValue = "/work") String returnTo,
			Authentication authentication, RedirectAttributes redirect) {
		return act(redirect, returnTo, "You gave the task back to your team.",
				() -> this.queue.unclaim(taskId, CurrentUser.of(authentication)));
	}

	@PostMapping("/tasks/{taskId}/complete")
	String complete(@PathVariable String taskId, @RequestParam(required = false) String reasonForDelay,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			this.queue.complete(taskId, CurrentUser.of(authentication), reasonForDelay);
			redirect.addFlashAttribute("success", "Task completed.");
			return "redirect:/work";
		}
		catch (CompleteOnItsForm ex) {
			return "redirect:" + ex.formLink();
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("fieldError", refused.field());
			redirect.addFlashAttribute("error", refused.getMessage());
			return "redirect:/tasks/" + taskId;
		}
	}

	@PostMapping("/tasks/reassignment")
	String reassign(@RequestParam(name = "task", required = false) List<String> tasks,
			@RequestParam(required = false) String to, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "/team") String returnTo,
			@RequestParam(defaultValue = "reassign") String action, Authentication authentication,
			RedirectAttributes redirect) {
		if (tasks == null || tasks.isEmpty()) {
			return fieldError(redirect, returnTo, "task",
					"Select the tasks to " + ("claim".equals(action) ? "claim" : "reassign"));
		}
		if ("claim".equals(action)) {
			List<String> taskIds = tasks.stream().map((value) -> value.split(":", 2)[0]).toList();
			return act(redirect, returnTo,
					"You claimed " + (taskIds.size() == 1 ? "1 task." : taskIds.size() + " tasks."),
					() -> this.queue.claimAll(taskIds, CurrentUser.of(authentication)));
		}
		if (to == null || to.isBlank()) {
			return fieldError(redirect, returnTo, "to", "Select who to give the work to");
		}
		if (reason == null || reason.isBlank()) {
			return fieldError(redirect, returnTo, "reason", "Enter why you are reassigning the work");
		}
		// Each checkbox carries "taskId:version", the version the manager saw
		List<WorkQueue.Seen> seen = new ArrayList<>();
		for (String value : tasks) {
			String[] parts = value.split(":", 2);
			try {
				seen.add(new WorkQueue.Seen(parts[0], Integer.parseInt(parts[1])));
			}
			catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
				return fieldError(redirect, returnTo, "task", "Select the tasks again from the list");
			}
		}
		try {
			return act(redirect, returnTo,
					(seen.size() == 1 ? "1 task" : seen.size() + " tasks") + " reassigned to " + to.strip() + ".",
					() -> this.queue.reassign(seen, to.strip(), reason.strip(), CurrentUser.of(authentication)));
		}
		catch (Refusal ex) {
			return fieldError(redirect, returnTo, "to", ex.getMessage());
		}
	}

	private static String fieldError(RedirectAttributes redirect, String returnTo, String field, String message) {
		redirect.addFlashAttribute("fieldError", field);
		redirect.addFlashAttribute("error", message);
		return "redirect:" + ReturnAddress.of(returnTo);
	}

	private String act(RedirectAttributes redirect, String returnTo, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (AccessDeniedException | NoSuchElementException ex) {
			this.audit.recordRefusal(ex);
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (RuntimeException ex) {
			if (!EngineConflicts.in(ex)) {
				throw ex;
			}
			redirect.addFlashAttribute("error", EngineConflicts.MESSAGE);
		}
		return "redirect:" + ReturnAddress.of(returnTo);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
		return Arrays.stream(type.getEnumConstants())
			.filter((constant) -> constant.name().equalsIgnoreCase(value))
			.findFirst()
			.orElse(fallback);
	}

}
