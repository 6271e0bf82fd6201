package org.mashhub.complaints;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

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

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void anOverdueComplaintIsRedOnTheTrackerUntilItsReasonForDelayIsRecorded() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:30:00Z")));
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/complaints/new").signInAs("cara.complaints");
			browser.click("log-complaint");
			assertThat(browser.text("error-summary")).contains("Enter the complainant's name.")
				.contains("Enter at least one thing the complainant is unhappy about.");

			type(browser, "complainantName", "Jo Browser");
			type(browser, "complainantContact", "2 Low Road, Anytown");
			browser.driver().findElement(By.cssSelector("#receivedVia option[value='Email']")).click();
			browser.driver().findElement(By.id("complainantType-FOSTER_CARER")).click();
			date(browser, "matterAroseOn", "2026-11-02");
			type(browser, "element_1", "Placement ended without notice");
			browser.driver().findElement(By.cssSelector("#theme_1 option[value='Placement']")).click();
			browser.driver().findElement(By.id("advocacyOffered-no")).click();
			browser.click("log-complaint");

			String reference = browser.text("reference").replace("Complaint ", "");
			assertThat(browser.text("success")).contains(reference + " logged");
			assertThat(browser.text("complaint-summary")).contains("Jo Browser, Local authority foster carer");

			// Acknowledgement was due Thursday 26 November 09:30; it is now Friday
			ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T09:30:00Z")));
			browser.visit("/complaints");
			WebElement row = browser.driver().findElement(By.cssSelector("tr[data-reference='" + reference + "']"));
			assertThat(row.getAttribute("data-rag")).isEqualTo("RED");
			WebElement rag = row.findElement(By.cssSelector("[data-test='rag']"));
			assertThat(rag.getText()).isEqualTo("Late -1");
			assertThat(rag.getAttribute("class")).contains("govuk-tag--red");
			assertThat(row.getText()).contains("Acknowledge and decide acceptance");
			browser.screenshot("complaints-tracker-overdue");

			row.findElement(By.cssSelector("[data-test='reason-form'] input[name='reason']"))
				.sendKeys("Complaints manager on leave");
			row.findElement(By.cssSelector("[data-test='record-reason']")).click();

			assertThat(browser.text("success")).isEqualTo("Reason for delay recorded for " + reference + ".");
			assertThat(browser.driver()
				.findElement(By.cssSelector("tr[data-reference='" + reference + "']"))
				.findElements(By.cssSelector("[data-test='reason-form']"))).isEmpty();
			assertThat(this.jdbc.sql("""
					select d.delay_reason from deadline d where d.subject_id = :reference""")
				.param("reference", reference)
				.query(String.class)
				.single()).isEqualTo("Complaints manager on leave");

			browser.visit("/complaints/report?from=2026-04-01&to=2027-03-31");
			browser.await()
				.until((driver) -> driver.findElements(By.cssSelector("canvas[data-drawn='true']")).size() == 3);
			assertThat(browser.text("period")).isEqualTo("Wednesday 1 April 2026 to Wednesday 31 March 2027");
			browser.screenshot("complaints-report");
		}
	}

	private static void type(Browser browser, String id, String text) {
		browser.driver().findElement(By.id(id)).sendKeys(text);
	}

	/** Date inputs take their ISO value; typed keys depend on the browser's locale. */
	private static void date(Browser browser, String id, String isoDate) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				browser.driver().findElement(By.id(id)), isoDate);
	}

}
