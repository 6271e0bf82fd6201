package org.mashhub.missing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.testing.Api;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A missing child in a real browser: the coordinator logs a carer's call, the police
 * system reports the return, the dashboard shows the child awaiting an interview with the
 * hours left, an RHI worker who is not the child's social worker records the interview,
 * and the dashboard counts it held within 72 hours, as the ledger does.
 */
@IntegrationTest
class MissingChildrenBrowserTests {

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
	void aReturnHomeInterviewHeldInTimeShowsOnTheDashboard() throws Exception {
		at("2026-12-07T10:00:00Z");
		this.staff.seen(new CurrentUser("ravi.rhi", "Ravi Rhi", null, List.of(Roles.RHI_WORKER)));
		String familyName = MissingFixtures.aFamilyName();
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/missing/new").signInAs("mia.missing");
			browser.click("report-missing");
			assertThat(browser.text("error-summary")).contains("Enter the child's given names.")
				.contains("Enter when the child was last seen by a responsible adult.");

			browser.field("child.givenNames").sendKeys("Sasha");
			browser.field("child.familyName").sendKeys(familyName);
			date(browser, "child.dateOfBirth", "9", "9", "2010");
			browser.field("type-M").click();
			browser.field("riskGrade-MEDIUM").click();
			date(browser, "lastSeenAt", "7", "12", "2026");
			browser.field("lastSeenAt-time").sendKeys("08:00");
			browser.field("reportedByName").sendKeys("Jo Carer");
			browser.field("reportedByRole").sendKeys("Foster carer");
			browser.click("report-missing");

			String reference = browser.text("reference").replace("Episode ", "");
			assertThat(browser.text("status")).isEqualTo("Missing now");
			assertThat(browser.text("started")).isEqualTo("Monday 7 December 2026 at 08:00");
			browser.screenshot("missing-episode");

			at("2026-12-07T15:00:00Z");
			HttpResponse<String> returned = new Api(this.port).send("POST",
					"/api/missing-episodes/" + reference + "/return",
					MissingFixtures.aReturn(Instant.parse("2026-12-07T14:00:00Z")), Tokens.forPartner("health"));
			assertThat(returned.statusCode()).as("only the system that reported it, or staff").isEqualTo(409);
			returned = new Api(this.port).send("POST", "/api/missing-episodes/" + reference + "/return",
					MissingFixtures.aReturn(Instant.parse("2026-12-07T14:00:00Z")), Tokens.forUser("mia.missing"));
			assertThat(returned.statusCode()).isEqualTo(200);

			at("2026-12-08T14:00:00Z");
			browser.visit("/missing");
			WebElement awaiting = browser
				.control("[data-test='awaiting-interview'] tr[data-reference='" + reference + "']");
			assertThat(awaiting.getText()).contains("Sasha " + familyName).contains("48 hours left");
			browser.screenshot("missing-dashboard");
			signOut(browser);

			String interview = taskOf(reference);
			browser.visit("/missing/tasks/" + interview).signInAs("ravi.rhi");
			assertThat(browser.text("due")).isEqualTo("Due Thursday 10 December 2026 at 14:00");
			browser.click("claim");
			browser.click("submit");
			assertThat(browser.text("error-summary")).contains("Enter when the interview was offered.")
				.contains("Choose whether the interview was held, declined or not possible.");
			date(browser, "offeredAt", "8", "12", "2026");
			browser.field("offeredAt-time").sendKeys("09:00");
			browser.field("offeredHow").sendKeys("Phone");
			browser.field("offeredBy").sendKeys("Ravi");
			browser.field("outcome-HELD").click();
			date(browser, "heldAt", "8", "12", "2026");
			browser.field("heldAt-time").sendKeys("11:00");
			browser.field("heldWhere").sendKeys("Youth centre");
			browser.field("providerType-COUNCIL_TEAM").click();
			browser.field("pushFactors-1").click();
			browser.field("intelligenceToPolice-no").click();
			browser.screenshot("return-home-interview");
			browser.click("submit");
			assertThat(browser.text("success")).contains("Hold the return home interview");
			signOut(browser);

			browser.visit("/missing").signInAs("mia.missing");
			date(browser, "from", "7", "12", "2026");
			date(browser, "to", "7", "12", "2026");
			browser.follow(browser.control("[data-test='period'] button"));
			WebElement all = browser.control("[data-test='interviews'] tr[data-provider='ALL']");
			int inTimeByLedger = this.jdbc.sql("""
					select count(*) from deadline d where d.policy = 'RETURN_HOME_INTERVIEW' and d.status = 'MET'
					and d.subject_id in (select e.reference from missing_episode e
					  join return_interview i on i.episode_id = e.id and i.outcome = 'HELD'
					  where e.returned_at >= '2026-12-07T00:00:00Z' and e.returned_at < '2026-12-08T00:00:00Z')""")
				.query(Integer.class)
				.single();
			assertThat(inTimeByLedger).isPositive();
			assertThat(all.findElement(By.cssSelector("[data-test='held-in-time']")).getText())
				.startsWith(inTimeByLedger + " (");
			assertThat(browser.driver().findElements(By.cssSelector("tr[data-reference='" + reference + "']")))
				.as("no longer awaited")
				.isEmpty();
		}
	}

	private String taskOf(String reference) {
		return this.jdbc.sql("""
				select task_id from work_item where subject_reference = :reference and task_definition_key = :step
				and state = 'OPEN'""")
			.param("reference", reference)
			.param("step", MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW)
			.query(String.class)
			.single();
	}

	private static void signOut(Browser browser) {
		browser.click("sign-out");
		browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
	}

	private static void date(Browser browser, String name, String day, String month, String year) {
		for (String[] part : new String[][] { { "-day", day }, { "-month", month }, { "-year", year } }) {
			browser.field(name + part[0]).clear();
			browser.field(name + part[0]).sendKeys(part[1]);
		}
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
