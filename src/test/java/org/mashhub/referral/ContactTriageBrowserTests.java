package org.mashhub.referral;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door in Chromium, as its people use it: a screener screens, the police
 * liaison answers, the manager decides, and the contact's chronology shows it all.
 */
@IntegrationTest
class ContactTriageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aScreenerThePoliceAndAManagerWorkAContactAndTheChronologyShowsItAll() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T17:00:00Z")));
		String family = "Browser" + UUID.randomUUID().toString().substring(0, 8);
		String reference = new ObjectMapper()
			.readTree(new Api(this.port).submitContact("""
					{"receivedAt": "2026-11-20T16:00:00Z",
					 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
					              "email": "jane.doe@police.example"},
					 "children": [{"givenNames": "Gina", "familyName": "%s", "dateOfBirth": "2013-02-02",
					               "address": "3 Mill Lane"}],
					 "concerns": "Gina was found alone at home late at night <again>.",
					 "categories": ["NEGLECT"], "consent": {"status": "GIVEN", "givenBy": "Father"}}"""
				.formatted(family), "browser-" + family, Tokens.forPartner("police")).body())
			.get("reference")
			.asText();

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/triage/tasks/" + task(reference, ContactTriageProcess.TASK_SCREEN_CONTACT))
				.signInAs("sam.screener");
			browser.click("claim");
			browser.field("identity-new").click();
			browser.field("rag-AMBER").click();
			browser.field("summary").sendKeys("Repeated supervision concerns.");
			browser.field("agency-POLICE").click();
			browser.field("question_POLICE").sendKeys("Any call-outs to 3 Mill Lane?");
			browser.screenshot("triage-screening");
			browser.click("submit");
			assertThat(browser.text("success")).isEqualTo("Done: contact screened.");
		}

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/triage/tasks/" + task(reference, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK))
				.signInAs("paul.police");
			assertThat(browser.text("question")).isEqualTo("Any call-outs to 3 Mill Lane?");
			assertThat(browser.driver().getPageSource()).as("the police see the question, not the concerns")
				.doesNotContain("found alone at home");
			browser.click("claim");
			browser.field("answer").sendKeys("Two calls from neighbours in October.");
			browser.click("submit");
			assertThat(browser.text("success")).isEqualTo("Done: information request answered.");
		}

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/triage/tasks/" + task(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION))
				.signInAs("maya.manager");
			browser.click("claim");
			assertThat(browser.text("agency-answers")).contains("Two calls from neighbours in October.");
			browser.field("level-3").click();
			browser.field("outcome-CIN_S17_ASSESSMENT").click();
			browser.click("submit");
			assertThat(browser.text("error-summary")).contains("Write the rationale for the decision");
			assertThat(browser.driver().findElement(By.id("level-3")).isSelected()).as("choices kept").isTrue();
			browser.field("rationale").sendKeys("Chronic neglect: assess the family.");
			browser.click("submit");
			assertThat(browser.text("success")).isEqualTo("Done: threshold decision recorded.");

			browser.visit("/contacts/" + reference);
			// The chronology is written from the decision's events, just after it commits
			String chronology = browser.await().until((driver) -> {
				String shown = browser.text("chronology");
				if (shown.contains("Threshold decision")) {
					return shown;
				}
				browser.visit("/contacts/" + reference);
				return null;
			});
			browser.screenshot("triage-chronology");
			String section = browser.driver()
				.findElement(By.cssSelector("section[id^='chronology-']"))
				.getAttribute("id");
			browser.visit("/children/" + section.substring("chronology-".length()) + "/chronology");
			assertThat(browser.text("chronology")).as("the chronology's own page").isEqualTo(chronology);
			browser.visit("/contacts/" + reference);
			assertThat(chronology).contains("Contact from Police about neglect")
				.contains("Screened: RAG amber")
				.contains("Police answered the information request")
				.contains("Threshold decision: level 3, Child in need (s17): child and family assessment. "
						+ "Rationale: Chronic neglect: assess the family.")
				.contains("maya.manager");
			assertThat(browser.text("concerns")).isEqualTo("Gina was found alone at home late at night <again>.");
		}
	}

	@Test
	void aScreenerRecordsSafeContactForTheVictimAndBusinessSupportWritesToTheFamilyByThatRouteOnly() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T17:00:00Z")));
		String family = "Safe" + UUID.randomUUID().toString().substring(0, 8);
		Api api = new Api(this.port);
		String reference = new ObjectMapper()
			.readTree(api.submitContact("""
					{"receivedAt": "2026-11-20T16:00:00Z",
					 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "feedbackRoute": "EMAIL",
					              "email": "jane.doe@police.example"},
					 "children": [{"givenNames": "Hope", "familyName": "%s", "dateOfBirth": "2014-03-03"}],
					 "concerns": "Domestic incident; the child was in the next room.",
					 "categories": ["DOMESTIC_ABUSE"], "consent": {"status": "GIVEN", "givenBy": "Mother"},
					 "domesticAbuse": {"dashTicks": 4}}""".formatted(family), "browser-" + family,
					Tokens.forPartner("police"))
				.body())
			.get("reference")
			.asText();

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/triage/tasks/" + task(reference, ContactTriageProcess.TASK_SCREEN_CONTACT))
				.signInAs("sid.screener");
			browser.click("claim");
			browser.field("identity-new").click();
			browser.field("rag-GREEN").click();
			browser.field("summary").sendKeys("Single incident, mother protective.");
			browser.field("safe-yes").click();
			browser.click("submit");
			assertThat(browser.text("error-summary")).contains("Say how the victim can be contacted safely");
			assertThat(browser.field("safe-yes").isSelected()).as("the answer is kept").isTrue();
			browser.field("safeContactRoute").sendKeys("Mother's work mobile, weekdays only");
			browser.click("submit");
			assertThat(browser.text("success")).isEqualTo("Done: contact screened.");
		}
		assertThat(this.jdbc
			.sql("select safe_contact_route || '|' || safe_contact_recorded_by from contact "
					+ "where reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("Mother's work mobile, weekdays only|sid.screener");

		String manager = Tokens.forUser("maya.manager");
		String decision = task(reference, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		assertThat(api.send("POST", "/api/tasks/" + decision + "/claim", null, manager).statusCode()).isEqualTo(204);
		assertThat(api
			.send("POST", "/api/triage/tasks/" + decision + "/decision",
					"{\"levelOfNeed\": 2, \"outcome\": \"NFA_ADVICE\", \"rationale\": \"Protective mother.\"}", manager)
			.statusCode()).isEqualTo(204);

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/triage/tasks/" + task(reference, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER))
				.signInAs("bella.support");
			browser.click("claim");
			assertThat(browser.text("family-letter-route")).contains("Mother's work mobile, weekdays only");
			assertThat(browser.text("referrer-feedback")).contains("jane.doe@police.example")
				.contains("No further action");
			assertThat(browser.driver().getPageSource()).as("feedback is given without the case")
				.doesNotContain("the child was in the next room")
				.doesNotContain("mother protective")
				.doesNotContain("Protective mother");
			browser.field("route-EMAIL").click();
			browser.field("summary").sendKeys("Told PC Doe: no further action.");
			browser.field("letterToFamily-yes").click();
			browser.click("submit");
			assertThat(browser.text("success")).isEqualTo("Done: feedback recorded.");
		}
		assertThat(this.jdbc
			.sql("select cc.family_letter_route || '|' || cc.feedback_route || '|' || cc.feedback_by "
					+ "from contact_child cc join contact c on c.id = cc.contact_id where c.reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single()).isEqualTo("Mother's work mobile, weekdays only|EMAIL|bella.support");
	}

	private String task(String reference, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference + "/1")
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

}
