package org.mashhub.tasks.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.WorkListQuery;
import org.mashhub.tasks.WorkItem;
import org.mashhub.tasks.WorkQueue;
import org.mashhub.tasks.WorkQueueConsistency;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work queue over the API, mirroring the UI: lists, their counts, claim, unclaim,
 * complete, reassign, workload, and the consistency check for administrators.
 */
@RestController
@Validated
class TasksApi {

	private final WorkQueue queue;

	private final WorkQueueConsistency consistency;

	TasksApi(WorkQueue queue, WorkQueueConsistency consistency) {
		this.queue = queue;
		this.consistency = consistency;
	}

	record Completion(@Size(max = 4000) String reasonForDelay) {
	}

	record Reassignment(@NotEmpty @Size(max = 200) List<@Valid @NotNull TaskVersion> tasks, @NotBlank String to,
			@NotBlank @Size(max = 2000) String reason) {
	}

	record TaskVersion(@NotBlank String taskId, int version) {
	}

	record Claims(@NotEmpty @Size(max = 200) List<@NotBlank String> taskIds) {
	}

	/** A page of a list; hasMore says whether the next page holds anything. */
	record PageOfWork(List<WorkItem> items, boolean hasMore, int page, int size) {
	}

	/** Counts stop at countLimit: a count equal to it means "that many or more". */
	record TabCounts(Map<WorkListQuery.Tab, Integer> counts, int countLimit) {
	}

	@GetMapping("/api/tasks")
	PageOfWork list(@RequestParam(defaultValue = "ASSIGNED") WorkListQuery.Tab tab,
			@RequestParam(required = false) String processType,
			@RequestParam(required = false) @Pattern(regexp = "RED|AMBER|GREEN|BLUE") String rag,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "DUE") WorkListQuery.Sort sort,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Authentication authentication) {
		WorkQueue.Page found = this.queue.list(CurrentUser.of(authentication),
				new WorkListQuery(tab, processType, rag, overdue, q, sort, page, size));
		return new PageOfWork(found.items(), found.hasMore(), page, size);
	}

	/**
	 * How many items each of the caller's tabs holds with these filters: asked for apart
	 * from the list, which never waits for counting.
	 */
	@GetMapping("/api/tasks/counts")
	TabCounts counts(@RequestParam(required = false) String processType,
			@RequestParam(required = false) @Pattern(regexp = "RED|AMBER|GREEN|BLUE") String rag,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Size(max = 100) String q, Authentication authentication) {
		WorkQueue.Counts counts = this.queue.counts(CurrentUser.of(authentication), new WorkListQuery(
				WorkListQuery.Tab.ASSIGNED, processType, rag, overdue, q, WorkListQuery.Sort.DUE, 0, 1));
		return new TabCounts(counts.byTab(), WorkQueue.COUNT_LIMIT);
	}

	@GetMapping("/api/tasks/{taskId}")
	WorkItem task(@PathVariable String taskId, Authentication authentication) {
		return this.queue.find(taskId, CurrentUser.of(authentication));
	}

	@PostMapping("/api/tasks/{taskId}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void claim(@PathVariable String taskId, Authentication authentication) {
		this.queue.claim(taskId, CurrentUser.of(authentication));
	}

	@PostMapping("/api/tasks/claims")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void claimAll(@Valid @RequestBody Claims claims, Authentication authentication) {
		this.queue.claimAll(claims.taskIds(), CurrentUser.of(authentication));
	}

	@PostMapping("/api/tasks/{taskId}/unclaim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unclaim(@PathVariable String taskId, Authentication authentication) {
		this.queue.unclaim(taskId, CurrentUser.of(authentication));
	}

	@PostMapping("/api/tasks/{taskId}/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@PathVariable String taskId, @Valid @RequestBody(required = false) Completion completion,
			Authentication authentication) {
		this.queue.complete(taskId, CurrentUser.of(authentication),
				(completion != null) ? completion.reasonForDelay() : null);
	}

	@PostMapping("/api/tasks/reassignment")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reassign(@Valid @RequestBody Reassignment reassignment, Authentication authentication) {
		this.queue.reassign(
				reassignment.tasks().stream().map((task) -> new WorkQueue.Seen(task.taskId(), task.version())).toList(),
				reassignment.to().strip(), reassignment.reason().strip(), CurrentUser.of(authentication));
	}

	@GetMapping("/api/tasks/workload")
	List<WorkQueue.Workload> workload(Authentication authentication) {
		return this.queue.workload(CurrentUser.of(authentication));
	}

	@GetMapping("/api/tasks/consistency")
	@PreAuthorize("hasAuthority('hub-admin')")
	WorkQueueConsistency.Report consistency() {
		return this.consistency.check();
	}

}
