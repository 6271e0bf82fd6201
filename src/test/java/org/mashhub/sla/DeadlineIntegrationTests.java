package org.mashhub.sla;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.Refusal;
import org.mashhub.notification.Notice;
import org.mashhub.notification.Notices;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.TimedSteps;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadline ledger, the task's dates and the escalation timers on the real engine and
 * database: they agree, they move together, and they record what happened.
 */
@IntegrationTest
class DeadlineIntegrationTests {

	private static final String PROCESS = TimedSteps.PROCESS;

	private static final String STEP = TimedSteps.STEP;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	Deadlines deadlines;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Notices notices;

	TimedSteps steps;

	@BeforeEach
	void deployTheTimedStepProcess() {
		this.steps = new TimedSteps(this.repository, this.runtime, this.tasks);
	}

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void theTaskDueDateTheTimersAndTheLedgerAgree() {
		// A contact received on Friday 20 November 2026 at 16:00 with the 1-working-day
		// decision target
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "agree-1");

		assertThat(task.getDueDate()).isEqualTo(date("2026-11-23T16:00:00Z"));
		assertThat(task.getFollowUpDate()).isEqualTo(date("2026-11-23T14:00:00Z"));
		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).getDuedate()).isEqualTo(task.getDueDate());
		assertThat(timer(task, TimedSteps.TIMER_NEARLY_DUE).getDuedate()).isEqualTo(task.getFollowUpDate());
		Deadline deadline = this.deadlines.findOpenForTask(task.getId()).orElseThrow();
		assertThat(deadline.status()).isEqualTo(Deadline.Status.OPEN);
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		assertThat(deadline.warnAt()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
		assertThat(deadline.subjectType()).isEqualTo(PROCESS);
		assertThat(deadline.subjectId()).isEqualTo("agree-1");
	}

	@Test
	void firingTheDeadlineTimerRecordsABreachRaisesPriorityAndTellsTheManagers() throws Exception {
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "breach-1");

		ClockUtil.setCurrentTime(date("2026-11-23T16:00:01Z"));
		this.management.executeJob(timer(task, TimedSteps.TIMER_OVERDUE).getId());

		BpmnAwareTests.init(this.engine);
		BpmnAwareTests.assertThat(
				this.runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult())
			.hasPassed(TimedSteps.TIMER_OVERDUE, TimedSteps.TASK_ESCALATE_OVERDUE)
			.isWaitingAt(STEP);
		Deadline deadline = this.deadlines.findOpenForTask(task.getId()).orElseThrow();
		assertThat(deadline.status()).isEqualTo(Deadline.Status.BREACHED);
		assertThat(deadline.breachedAt()).isEqualTo(Instant.parse("2026-11-23T16:00:01Z"));
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getPriority()).isEqualTo(100);
		List<Notice> managerNotices = this.notices.forReader("maya.manager", List.of("mash-manager"), 0, 50);
		assertThat(managerNotices).anySatisfy((notice) -> {
			assertThat(notice.reference()).isEqualTo(PROCESS + " breach-1");
			assertThat(notice.message()).isEqualTo("Overdue since Monday 23 November 2026 at 16:00: Do the timed step");
			assertThat(notice.link()).isEqualTo("/tasks/" + task.getId());
		});
		// Sent by the outbox once the breach commits: wait for this mail, not any mail
		List<MimeMessage> breachMails = new java.util.ArrayList<>();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
			breachMails.clear();
			for (MimeMessage mail : IntegrationStack.mail().getReceivedMessages()) {
				if (("MASH Hub: " + PROCESS + " breach-1").equals(mail.getSubject())) {
					breachMails.add(mail);
				}
			}
			return !breachMails.isEmpty();
		});
		assertThat(breachMails).singleElement()
			.satisfies((mail) -> assertThat(mail.getAllRecipients()[0].toString())
				.isEqualTo(IntegrationStack.MANAGERS_MAILBOX));
	}

	@Test
	void firingTheWarningTimerRecordsItAndRaisesPriority() {
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "warn-1");

		ClockUtil.setCurrentTime(date("2026-11-23T14:00:00Z"));
		this.management.executeJob(timer(task, TimedSteps.TIMER_NEARLY_DUE).getId());

		Deadline deadline = this.deadlines.findOpenForTask(task.getId()).orElseThrow();
		assertThat(deadline.warnedAt()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
		assertThat(deadline.status()).isEqualTo(Deadline.Status.OPEN);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getPriority()).isEqualTo(75);
	}

	@Test
	void aWarningThatFiresAfterTheBreachDoesNotLowerThePriority() {
		// A server down over the deadline finds both timers due at once, in any order
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "late-timers");
		ClockUtil.setCurrentTime(date("2026-11-24T09:00:00Z"));

		this.management.executeJob(timer(task, TimedSteps.TIMER_OVERDUE).getId());
		this.management.executeJob(timer(task, TimedSteps.TIMER_NEARLY_DUE).getId());

		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getPriority()).isEqualTo(100);
		assertThat(this.deadlines.findOpenForTask(task.getId()).orElseThrow().status())
			.isEqualTo(Deadline.Status.BREACHED);
	}

	@Test
	void aLateCompletionWithoutAReasonForDelayIsRefusedAndNothingChanges() {
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "late-1");
		ClockUtil.setCurrentTime(date("2026-11-24T09:30:00Z"));

		assertThatThrownBy(() -> this.tasks.complete(task.getId())).isInstanceOf(ProcessEngineException.class)
			.satisfies((thrown) -> assertThat(Refusal.in(thrown).orElseThrow().field()).isEqualTo("reasonForDelay"));

		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(this.deadlines.findOpenForTask(task.getId())).isPresent();
	}

	@Test
	void aLateCompletionWithAReasonRecordsTheReasonAndWhoGaveIt() {
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "late-2");
		ClockUtil.setCurrentTime(date("2026-11-24T09:30:00Z"));
		this.tasks.setAssignee(task.getId(), "sam.screener");

		this.tasks.complete(task.getId(), Variables.createVariables()
			.putValueTyped(Deadlines.REASON_FOR_DELAY, Variables.stringValue("Police check awaited", true)));

		Deadline done = this.deadlines.forSubject(PROCESS, "late-2").get(0);
		assertThat(done.status()).isEqualTo(Deadline.Status.BREACHED);
		assertThat(done.completedAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
		assertThat(done.delayReason()).isEqualTo("Police check awaited");
		assertThat(done.delayReasonBy()).isEqualTo("sam.screener");
		assertThat(this.runtime.createVariableInstanceQuery().variableName(Deadlines.REASON_FOR_DELAY).count())
			.as("the reason lives in the ledger, not in process variables")
			.isZero();
	}

	@Test
	void anOnTimeCompletionIsMet() {
		Task task = startAt("2026-11-20T16:00:00Z", "CONTACT_DECISION", "met-1");
		ClockUtil.setCurrentTime(date("2026-11-23T10:00:00Z"));

		this.tasks.complete(task.getId());

		Deadline done = this.deadlines.forSubject(PROCESS, "met-1").get(0);
		assertThat(done.status()).isEqualTo(Deadline.Status.MET);
		assertThat(done.delayReason()).isNull();
	}

	@Test
	void aClosureDayInTheMiddleMovesTheDeadlineTaskAndTimerAndRemovingItMovesThemBack() throws Exception {
		// Stage 1: 10 working days from Monday 23 November 2026 10:00 is Monday 7
		// December 10:00
		Task task = startAt("2026-11-23T10:00:00Z", "COMPLAINT_STAGE_1_RESPONSE", "closure-1");
		assertThat(task.getDueDate()).isEqualTo(date("2026-12-07T10:00:00Z"));
		String admin = Tokens.forUser("ada.admin");

		try {
			HttpResponse<String> added = send("POST", "/api/calendar/closure-days",
					"{\"day\":\"2026-12-01\",\"reason\":\"Office move\"}", admin);

			assertThat(added.statusCode()).isEqualTo(201);
			assertThat(added.body()).contains("\"day\":\"2026-12-01\"").containsPattern("\"deadlinesMoved\":[1-9]");
			assertThat(dueOf(task)).isEqualTo(date("2026-12-08T10:00:00Z"));
			assertThat(timer(task, TimedSteps.TIMER_OVERDUE).getDuedate()).isEqualTo(date("2026-12-08T10:00:00Z"));
			assertThat(this.deadlines.findOpenForTask(task.getId()).orElseThrow().dueAt())
				.isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
			assertThat(send("GET", "/api/calendar/closure-days", null, admin).body())
				.contains("{\"day\":\"2026-12-01\",\"reason\":\"Office move\",\"addedBy\":\"ada.admin\"");
		}
		finally {
			HttpResponse<String> removed = send("DELETE", "/api/calendar/closure-days/2026-12-01", null, admin);
			assertThat(removed.statusCode()).isEqualTo(200);
		}
		assertThat(dueOf(task)).isEqualTo(date("2026-12-07T10:00:00Z"));
		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).getDuedate()).isEqualTo(date("2026-12-07T10:00:00Z"));
	}

	@Test
	void onlyAHubAdminChangesTheCalendarAndBadInputNamesTheField() throws Exception {
		assertThat(send("POST", "/api/calendar/closure-days", "{\"day\":\"2026-12-02\",\"reason\":\"x\"}",
				Tokens.forUser("maya.manager"))
			.statusCode()).isEqualTo(403);

		HttpResponse<String> invalid = send("POST", "/api/calendar/closure-days", "{\"day\":\"2026-12-02\"}",
				Tokens.forUser("ada.admin"));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"reason\"");
		assertThat(
				send("DELETE", "/api/calendar/closure-days/2030-01-02", null, Tokens.forUser("ada.admin")).statusCode())
			.isEqualTo(404);
	}

	@Test
	void anExtensionToTheMaximumMovesTheDeadlineAndOneBeyondItIsRefused() throws Exception {
		Task task = startAt("2026-11-23T10:00:00Z", "COMPLAINT_STAGE_1_RESPONSE", "extend-1");
		String id = this.deadlines.findOpenForTask(task.getId()).orElseThrow().id().toString();
		ClockUtil.setCurrentTime(date("2026-11-25T10:00:00Z"));

		HttpResponse<String> beyond = send("POST", "/api/deadlines/" + id + "/extension",
				"{\"amount\":21,\"reason\":\"Complex complaint\"}", Tokens.forUser("stella.service"));
		assertThat(beyond.statusCode()).isEqualTo(422);
		assertThat(beyond.body()).contains("\"amount\"").contains("at most 20 working days");

		assertThat(send("POST", "/api/deadlines/" + id + "/extension", "{\"amount\":20,\"reason\":\"Complex\"}",
				Tokens.forUser("maya.manager"))
			.statusCode()).as("not a group the policy allows").isEqualTo(403);

		HttpResponse<String> extended = send("POST", "/api/deadlines/" + id + "/extension",
				"{\"amount\":20,\"reason\":\"Advocate needed\"}", Tokens.forUser("stella.service"));
		assertThat(extended.statusCode()).isEqualTo(200);
		// 20 working days from 23 November 2026 skip Christmas Day and the 28 December
		// substitute
		assertThat(dueOf(task)).isEqualTo(date("2026-12-21T10:00:00Z"));
		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).getDuedate()).isEqualTo(date("2026-12-21T10:00:00Z"));
		Deadline deadline = this.deadlines.findOpenForTask(task.getId()).orElseThrow();
		assertThat(deadline.amount()).isEqualTo(20);
		assertThat(deadline.extendedBy()).isEqualTo("stella.service");
		assertThat(deadline.extensionReason()).isEqualTo("Advocate needed");
		assertThat(this.deadlines.timeline(deadline.id())).extracting(DeadlineChange::kind)
			.containsExactly("OPENED", "EXTENDED");
	}

	@Test
	void stoppingTheClockHoldsTheTimersAndRestartingItMovesTheDeadlineOnByTheTimeStopped() throws Exception {
		Task task = startAt("2026-11-23T10:00:00Z", "COMPLAINT_STAGE_1_RESPONSE", "pause-1");
		String id = this.deadlines.findOpenForTask(task.getId()).orElseThrow().id().toString();
		String serviceManager = Tokens.forUser("stella.service");

		ClockUtil.setCurrentTime(date("2026-11-24T10:00:00Z"));
		assertThat(send("POST", "/api/deadlines/" + id + "/pause", "{\"reason\":\"Advocate being appointed\"}",
				serviceManager)
			.statusCode()).isEqualTo(200);
		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).isSuspended()).isTrue();

		// Two working days later the clock restarts: the deadline moves from 7 to 9
		// December
		ClockUtil.setCurrentTime(date("2026-11-26T10:00:00Z"));
		assertThat(send("POST", "/api/deadlines/" + id + "/resume", null, serviceManager).statusCode()).isEqualTo(200);

		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).isSuspended()).isFalse();
		assertThat(timer(task, TimedSteps.TIMER_OVERDUE).getDuedate()).isEqualTo(date("2026-12-09T10:00:00Z"));
		assertThat(dueOf(task)).isEqualTo(date("2026-12-09T10:00:00Z"));
		assertThat(this.deadlines.timeline(UUID.fromString(id))).filteredOn((change) -> change.kind().equals("PAUSED"))
			.singleElement()
			.satisfies((paused) -> {
				assertThat(paused.reason()).isEqualTo("Advocate being appointed");
				assertThat(paused.changedBy()).isEqualTo("stella.service");
			});
	}

	/** A timed step received at {@code receivedAt}, with the engine clock left there. */
	private Task startAt(String receivedAt, String policy, String businessKey) {
		String taskId = this.steps.start(policy, receivedAt, businessKey);
		ClockUtil.setCurrentTime(date(receivedAt));
		return this.tasks.createTaskQuery().taskId(taskId).singleResult();
	}

	private Job timer(Task task, String boundaryEvent) {
		return this.management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(boundaryEvent)
			.singleResult();
	}

	private Date dueOf(Task task) {
		return this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
	}

	private HttpResponse<String> send(String method, String path, String json, String token) {
		return new Api(this.port).send(method, path, json, token);
	}

	private static Date date(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
