package org.mashhub.sla;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.TimedSteps;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CalendarBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void aHubAdminAddsAClosureDayAndSeesAnOpenDeadlineAndItsTimerMoveThenMoveBack() {
		openAStageOneDeadline("calendar-browser");

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/admin/calendar").signInAs("ada.admin");
			assertThat(row(browser, "due")).isEqualTo("Monday 7 December 2026 at 10:00");
			assertThat(row(browser, "timer")).isEqualTo("Monday 7 December 2026 at 10:00");

			browser.field("closure-day-day").sendKeys("1");
			browser.field("closure-day-month").sendKeys("12");
			browser.field("closure-day-year").sendKeys("2026");
			browser.field("closure-day-reason").sendKeys("Office move");
			browser.click("add-closure-day");

			assertThat(browser.text("success")).contains("Closure day added: Tuesday 1 December 2026.")
				.contains("open deadline");
			assertThat(row(browser, "due")).isEqualTo("Tuesday 8 December 2026 at 10:00");
			assertThat(row(browser, "timer")).isEqualTo("Tuesday 8 December 2026 at 10:00");
			browser.screenshot("calendar-closure-day-added");

			browser.click("remove-2026-12-01");

			assertThat(browser.text("success")).contains("Closure day removed: Tuesday 1 December 2026.");
			assertThat(row(browser, "due")).isEqualTo("Monday 7 December 2026 at 10:00");
			assertThat(row(browser, "timer")).isEqualTo("Monday 7 December 2026 at 10:00");
		}
	}

	@Test
	void aClosureDayWithoutADateIsRefusedWithTheErrorBesideTheField() {
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/admin/calendar").signInAs("ada.admin");
			browser.field("closure-day-reason").sendKeys("Office move");
			browser.click("add-closure-day");

			assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
				.contains("Enter the closure day as a day, month and year");
			assertThat(browser.driver().findElement(By.cssSelector("#closure-day-day")).getAttribute("class"))
				.contains("govuk-input--error");
			assertThat(browser.driver().findElement(By.id("closure-day-reason")).getAttribute("value"))
				.as("what was typed is kept")
				.isEqualTo("Office move");
		}
	}

	private static String row(Browser browser, String column) {
		WebElement row = browser.await()
			.until((driver) -> driver.findElement(By.cssSelector("[data-test='deadline-calendar-browser']")));
		return row.findElement(By.cssSelector("[data-test='" + column + "']")).getText();
	}

	/**
	 * Stage 1: ten working days from Monday 23 November 2026 10:00, due Monday 7 December
	 * 10:00.
	 */
	private void openAStageOneDeadline(String businessKey) {
		new TimedSteps(this.repository, this.runtime, this.tasks).start("COMPLAINT_STAGE_1_RESPONSE",
				"2026-11-23T10:00:00Z", businessKey);
	}

}
