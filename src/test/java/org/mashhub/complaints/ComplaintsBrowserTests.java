package org.mashhub.complaints;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaints manager in a real browser: logs a complaint, finds it late and red on
 * the tracker, records its reason for delay there, and reads the annual report's charts.
 */
@IntegrationTest
class ComplaintsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffDirectory staff;

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void anOverdueComplaintIsRedOnTheTrackerUntilItsReasonForDelayIsRecorded() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:30:00Z")));
		// Known to the staff directory, as after a first sign-in, so the manager can
		// allocate to them
		this.staff.seen(
				new CurrentUser("ian.investigator", "Ian Investigator", null, List.of(Roles.COMPLAINTS_INVESTIGATOR)));
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/complaints/new").signInAs("cara.complaints");
			browser.click("log-complaint");
			assertThat(browser.text("error-summary")).contains("Enter the complainant's name.")
				.contains("Enter at least one thing the complainant is unhappy about.");

			type(browser, "complainantName", "Jo Browser");
			type(browser, "complainantContact", "2 Low Road, Anytown");
			browser.control("#receivedVia option[value='Email']").click();
			browser.field("complainantType-FOSTER_CARER").click();
			date(browser, "matterAroseOn", "2", "11", "2026");
			type(browser, "element_1", "Placement ended without notice");
			browser.control("#theme_1 option[value='Placement']").click();
			browser.field("advocacyOffered-no").click();
			browser.click("log-complaint");

			String reference = browser.text("reference").replace("Complaint ", "");
			assertThat(browser.text("success")).contains(reference + " logged");
			assertThat(browser.text("complaint-summary")).contains("Jo Browser, Local authority foster carer");

			// Acknowledgement was due Thursday 26 November 09:30; it is now Friday
			ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T09:30:00Z")));
			browser.visit("/complaints");
			WebElement row = browser.control("tr[data-reference='" + reference + "']");
			assertThat(row.getAttribute("data-rag")).isEqualTo("RED");
			WebElement rag = row.findElement(By.cssSelector("[data-test='rag']"));
			assertThat(rag.getText()).isEqualTo("Late -1");
			assertThat(rag.getAttribute("class")).contains("govuk-tag--red");
			assertThat(row.getText()).contains("Acknowledge and decide acceptance");
			browser.screenshot("complaints-tracker-overdue");

			row.findElement(By.cssSelector("[data-test='reason-form'] input[name='reason']"))
				.sendKeys("Complaints manager on leave");
			browser.follow(row.findElement(By.cssSelector("[data-test='record-reason']")));

			assertThat(browser.text("success")).isEqualTo("Reason for delay recorded for " + reference + ".");
			assertThat(browser.driver()
				.findElement(By.cssSelector("tr[data-reference='" + reference + "']"))
				.findElements(By.cssSelector("[data-test='reason-form']"))).isEmpty();
			assertThat(this.jdbc.sql("""
					select d.delay_reason from deadline d where d.subject_id = :reference""")
				.param("reference", reference)
				.query(String.class)
				.single()).isEqualTo("Complaints manager on leave");

			String acknowledgement = taskOf(reference, ComplaintProcess.TASK_ACKNOWLEDGE);
			browser.visit("/complaints/tasks/" + acknowledgement);
			browser.click("claim");
			browser.field("eligible-yes").click();
			browser.click("submit");
			assertThat(browser.text("error-summary")).contains("Choose the complaints investigator");
			browser.control("#responder option[value='ian.investigator']").click();
			browser.click("submit");
			assertThat(browser.text("success")).contains("Acknowledge and decide acceptance");

			signOut(browser);
			String response = taskOf(reference, ComplaintProcess.TASK_RESPOND_STAGE_1);
			browser.visit("/complaints/tasks/" + response).signInAs("ian.investigator");
			assertThat(browser.text("due")).as("10 working days from receipt")
				.isEqualTo("Due Monday 7 December 2026 at 09:30");
			browser.click("submit");
			assertThat(browser.text("error-summary")).contains("Give a finding on element 1")
				.contains("Summarise the response.");
			browser.field("finding_1-PARTLY_UPHELD").click();
			type(browser, "summary", "We should have given notice; we have apologised.");
			browser.screenshot("complaints-stage-1-response");
			browser.click("submit");
			assertThat(browser.text("success")).contains("Respond at stage 1");
			assertThat(this.jdbc.sql("select status from complaint where reference = :reference")
				.param("reference", reference)
				.query(String.class)
				.single()).isEqualTo("AWAITING_STAGE_2_REQUEST");

			signOut(browser);
			browser.visit("/complaints/" + reference).signInAs("stella.service");
			assertThat(browser.text("status")).contains("Waiting for the complainant")
				.contains("Stage 2 may be asked for until");
			assertThat(browser.text("stages")).contains("Answered")
				.contains("We should have given notice; we have apologised.");
			assertThat(browser.driver().findElements(By.cssSelector("[data-test='deadline-outcome']")))
				.extracting(WebElement::getText)
				.containsExactly("Missed", "Met");
			browser.screenshot("complaint-page");
			browser.visit("/complaints/report");
			date(browser, "from", "1", "4", "2026");
			date(browser, "to", "31", "3", "2027");
			browser.click("show-period");
			browser.await()
				.until((driver) -> driver.findElements(By.cssSelector("canvas[data-drawn='true']")).size() == 3);
			assertThat(browser.text("period")).isEqualTo("Wednesday 1 April 2026 to Wednesday 31 March 2027");
			browser.screenshot("complaints-report");
		}
	}

	/**
	 * Signs out and waits until Keycloak asks again, so the next sign-in starts clean.
	 */
	private static void signOut(Browser browser) {
		browser.click("sign-out");
		browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
	}

	private String taskOf(String reference, String step) {
		return this.jdbc.sql(
				"select task_id from work_item where subject_reference = :reference and task_definition_key = :step and state = 'OPEN'")
			.param("reference", reference)
			.param("step", step)
			.query(String.class)
			.single();
	}

	private static void type(Browser browser, String id, String text) {
		browser.field(id).sendKeys(text);
	}

	/** Types a date into a date input's boxes, over what they show. */
	private static void date(Browser browser, String name, String day, String month, String year) {
		retype(browser, name + "-day", day);
		retype(browser, name + "-month", month);
		retype(browser, name + "-year", year);
	}

	private static void retype(Browser browser, String id, String text) {
		browser.field(id).clear();
		browser.field(id).sendKeys(text);
	}

}
