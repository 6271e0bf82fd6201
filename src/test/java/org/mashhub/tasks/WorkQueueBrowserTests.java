package org.mashhub.tasks;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.notification.Notices;
import org.mashhub.testing.Api;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.TimedSteps;
import org.mashhub.testing.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WorkQueueBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

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
	void aScreenerClaimsTaskFromTheTeamListAndCompletesItInTime() {
		String taskId = start("browser-claim");
		ClockUtil.setCurrentTime(date("2026-11-23T10:00:00Z"));

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/work?tab=UNASSIGNED&q=browser-claim").signInAs("sam.screener");
			// The counts arrive after the list
			assertThat(browser.text("count-UNASSIGNED")).isEqualTo("1");
			assertThat(browser.text("tab-UNASSIGNED")).isEqualTo("My teams' unassigned (1)");
			assertThat(browser.text("tab-ASSIGNED")).isEqualTo("Assigned to me (0)");
			browser.click("claim-browser-claim");
			assertThat(browser.text("success")).isEqualTo("You claimed the task.");

			browser.visit("/work?tab=ASSIGNED&q=browser-claim");
			assertThat(browser.text("count-ASSIGNED")).isEqualTo("1");
			assertThat(browser.text("tab-ASSIGNED")).isEqualTo("Assigned to me (1)");
			browser.follow(browser.driver().findElement(By.linkText("browser-claim")));
			assertThat(browser.text("assignee")).isEqualTo("sam.screener");
			browser.click("complete");

			assertThat(browser.text("success")).isEqualTo("Task completed.");
		}
		assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isZero();
	}

	@Test
	void aLateTaskAsksForAReasonForDelayBesideTheFieldBeforeItCompletes() {
		String taskId = start("browser-late");
		this.tasks.claim(taskId, "sam.screener");
		ClockUtil.setCurrentTime(date("2026-11-24T10:00:00Z"));

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/tasks/" + taskId).signInAs("sam.screener");
			assertThat(browser.text("late")).isEqualTo("1 working day late");
			browser.click("complete");

			assertThat(browser.text("error-summary")).contains("Give a reason for the delay");
			assertThat(browser.driver().findElement(By.id("reasonForDelay")).getAttribute("class"))
				.contains("govuk-textarea--error");
			assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).as("not completed").isOne();

			browser.field("reasonForDelay").sendKeys("Police check came back late");
			browser.click("complete");
			assertThat(browser.text("success")).isEqualTo("Task completed.");
		}
		assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isZero();
	}

	@Test
	void aManagerReassignsThreeOverdueTasksInOneActionWithAReason() {
		List<String> taskIds = List.of(start("bulk-1"), start("bulk-2"), start("bulk-3"));
		taskIds.forEach((taskId) -> this.tasks.claim(taskId, "sam.screener"));
		new Api(this.port).get("/api/me", Tokens.forUser("sid.screener"));
		ClockUtil.setCurrentTime(date("2026-11-24T10:00:00Z"));

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/team?q=bulk-").signInAs("maya.manager");
			// The total arrives after the list
			assertThat(browser.text("team-total")).isEqualTo("3");
			for (String reference : List.of("bulk-1", "bulk-2", "bulk-3")) {
				assertThat(browser.text("with-" + reference)).isEqualTo("sam.screener");
				browser.control("[data-test='select-" + reference + "']").click();
			}
			new Select(browser.field("to")).selectByVisibleText("Sid Screener");
			browser.field("reason").sendKeys("Sam is off sick today");
			browser.screenshot("team-before-reassignment");
			browser.click("reassign-selected");

			assertThat(browser.text("success")).isEqualTo("3 tasks reassigned to sid.screener.");
			browser.visit("/team?q=bulk-");
			for (String reference : List.of("bulk-1", "bulk-2", "bulk-3")) {
				assertThat(browser.text("with-" + reference)).isEqualTo("sid.screener");
			}
		}
		taskIds.forEach((taskId) -> assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
			.isEqualTo("sid.screener"));
		assertThat(this.notices.forReader("sid.screener", List.of(), 0, 50)
			.stream()
			.filter((notice) -> notice.reference().endsWith(" bulk-1") || notice.reference().endsWith(" bulk-2")
					|| notice.reference().endsWith(" bulk-3"))
			.count()).isEqualTo(3);
	}

	/**
	 * A contact decision anchored on Friday 20 November 2026 16:00: due Monday 23rd at
	 * 16:00.
	 */
	private String start(String businessKey) {
		return this.steps.start("CONTACT_DECISION", "2026-11-20T16:00:00Z", businessKey);
	}

	private static Date date(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
