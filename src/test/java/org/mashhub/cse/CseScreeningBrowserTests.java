package org.mashhub.cse;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exploitation screening in a real browser: the coordinator opens one, scores it, sees
 * the level and why before saving, links a place, and finds the child on the MACE panel's
 * agenda. Every page is checked with axe on the way.
 */
@IntegrationTest
class CseScreeningBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void theCoordinatorScreensAChildSeesWhyLinksAPlaceAndFindsTheChildOnTheAgenda() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T10:00:00Z")));
		String familyName = CseFixtures.aFamilyName();
		String place = "Station car park " + CseFixtures.aFamilyName();
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/cse").signInAs("cleo.cse");
			browser.click("new-screening");
			browser.click("open-screening");
			assertThat(browser.text("error-summary")).contains("Enter the child's given names.")
				.contains("Enter what the concern is and who raised it.");
			browser.field("child.givenNames").sendKeys("Yara");
			browser.field("child.familyName").sendKeys(familyName);
			date(browser, "child.dateOfBirth", "3", "3", "2011");
			browser.field("concern").sendKeys("Youth worker: seen in cars with older men.");
			browser.click("open-screening");
			String reference = browser.text("reference").replace("Screening ", "");
			assertThat(browser.text("level")).isEqualTo("Not yet scored");

			browser.visit("/cse/tasks/" + taskOf(reference));
			browser.click("claim");
			browser.field("indicator.R1.answer-PRESENT").click();
			date(browser, "indicator.R1.observedOn", "28", "11", "2026");
			browser.control("select[id='indicator.R1.agency'] option[value='Police']").click();
			browser.field("indicator.R1.basis-CONCERN").click();
			browser.field("indicator.B2.answer-PRESENT").click();
			date(browser, "indicator.B2.observedOn", "27", "11", "2026");
			browser.control("select[id='indicator.B2.agency'] option[value='Family or carer']").click();
			browser.field("indicator.B2.basis-EVIDENCE").click();
			browser.field("indicator.E1.answer-POSSIBLE").click();
			date(browser, "indicator.E1.observedOn", "26", "11", "2026");
			browser.control("select[id='indicator.E1.agency'] option[value='School or college']").click();
			browser.field("indicator.E1.basis-CONCERN").click();
			browser.click("preview-level");

			assertThat(browser.text("preview")).contains("Computed level: Medium")
				.contains("A controlling older adult: at least medium")
				.contains("The score is in the medium band")
				.contains("Nothing is saved yet.");
			assertThat(browser.field("level-MEDIUM").isSelected()).as("the computed level, until judged").isTrue();
			browser.screenshot("cse-screening-preview");
			browser.field("cinFactors-11A").click();
			browser.field("summary").sendKeys("A controlling older adult and unexplained gifts.");
			browser.click("submit");
			assertThat(browser.text("success")).contains("Screen the child for exploitation");

			browser.visit("/cse/screenings/" + reference);
			assertThat(browser.text("level")).isEqualTo("Medium");
			assertThat(browser.text("computed-level")).isEqualTo("Medium (score 6)");
			assertThat(browser.text("rules-fired")).contains("A controlling older adult: at least medium");
			browser.field("kind-LOCATION").click();
			browser.field("name").sendKeys(place);
			browser.field("note").sendKeys("Collected from there in the evenings");
			browser.click("link");
			assertThat(browser.text("places")).contains("Location: " + place);
			browser.screenshot("cse-screening");

			browser.visit("/cse");
			WebElement medium = browser.control("[data-test='level-MEDIUM'] tr[data-reference='" + reference + "']");
			assertThat(medium.getText()).contains("Yara " + familyName);
			browser.click("agenda-link");
			assertThat(browser.text("agenda-title")).isEqualTo("MACE panel agenda: Tuesday 1 December 2026");
			assertThat(browser.driver()
				.findElements(By.cssSelector("[data-test='agenda-children'] tr[data-reference='" + reference + "']")))
				.hasSize(1);
			browser.screenshot("cse-agenda");
			browser.visit("/cse/places");
			browser.follow(browser.control("tr[data-place='" + place + "'] a"));
			assertThat(browser.text("place-children")).contains("Yara " + familyName);
		}
	}

	private String taskOf(String reference) {
		return this.jdbc.sql("""
				select task_id from work_item where subject_reference = :reference and task_definition_key = :step
				and state = 'OPEN'""")
			.param("reference", reference)
			.param("step", CseScreeningProcess.TASK_SCREEN_CHILD)
			.query(String.class)
			.single();
	}

	private static void date(Browser browser, String name, String day, String month, String year) {
		for (String[] part : new String[][] { { "-day", day }, { "-month", month }, { "-year", year } }) {
			browser.field(name + part[0]).clear();
			browser.field(name + part[0]).sendKeys(part[1]);
		}
	}

}
