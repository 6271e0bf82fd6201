package org.mashhub.referral;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PhoneContactBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void businessSupportLogsAPhoneContactFixingTheErrorsShownBesideTheFields() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T11:00:00Z")));
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/contacts/new").signInAs("bella.support");
			type(browser, "referrer-name", "Mrs Grace Caller");
			browser.control("#referrer-agency option[value='PUBLIC']").click();
			browser.field("route-PHONE").click();
			type(browser, "children-0-givenNames", "Poppy");
			type(browser, "concerns", "Poppy's neighbour hears shouting every night & <screaming>.");
			browser.field("category-NEGLECT").click();
			browser.field("consent-GIVEN").click();
			browser.click("record-contact");

			String summary = browser.text("error-summary");
			browser.screenshot("phone-contact-errors");
			assertThat(summary).contains("Child 1 family name: must not be blank")
				.contains("Phone: give a phone number for feedback by phone")
				.contains("Who gave consent: say who gave consent");
			assertThat(browser.driver()
				.findElement(By.id("children-0-familyName"))
				.findElement(By.xpath(".."))
				.getAttribute("class")).contains("govuk-form-group--error");
			assertThat(browser.driver().findElement(By.id("children-0-givenNames")).getAttribute("value"))
				.as("what was typed is kept")
				.isEqualTo("Poppy");
			assertThat(browser.driver().findElement(By.id("concerns")).getAttribute("value"))
				.isEqualTo("Poppy's neighbour hears shouting every night & <screaming>.");

			type(browser, "children-0-familyName", "Caller-Example");
			type(browser, "referrer-phone", "01632 960123");
			type(browser, "consent-givenBy", "Mrs Grace Caller");
			browser.click("record-contact");

			assertThat(browser.text("success"))
				.matches("Contact C-2026-\\d{6} recorded: 1 child sent for screening\\.");
		}
		String reference = this.jdbc.sql("select reference from contact where referrer_name = 'Mrs Grace Caller'")
			.query(String.class)
			.single();
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(reference + "/1").count()).isOne();
		assertThat(this.jdbc.sql("select channel from contact where reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("STAFF");
	}

	private static void type(Browser browser, String id, String text) {
		browser.field(id).clear();
		browser.field(id).sendKeys(text);
	}

}
