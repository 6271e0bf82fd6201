package org.mashhub.cse;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MACE panel's view as at a chosen day, by page, CSV and API: a screening opened
 * after the day is not in it, a review overdue by the day is on that day's agenda, and a
 * day that is not a date is a clear 400.
 */
@IntegrationTest
class CsePanelIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	private WebSession coordinator;

	private String scored;

	private String later;

	/**
	 * One screening raised on 10 November and scored medium that day (its review due 2
	 * February), one raised on 30 November and not yet scored; today is 1 December.
	 */
	@BeforeEach
	void twoScreenings() {
		at("2026-12-01T10:00:00Z");
		this.coordinator = WebSession.signIn(this.port, "cleo.cse");
		this.scored = opened("Abi", "10", "11");
		String screen = taskOf(this.scored);
		CseFixtures.claim(this.coordinator, screen);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		CseFixtures.indicator(form, "R1", "PRESENT", "9", "11", "2026");
		CseFixtures.indicator(form, "B2", "PRESENT", "9", "11", "2026");
		CseFixtures.indicator(form, "E1", "POSSIBLE", "9", "11", "2026");
		form.add("cinFactors", "11A");
		form.set("summary", "Scored on the day.");
		form.set("reasonForDelay", "Recorded after the event.");
		CseFixtures.dateTime(form, "scoredAt", "10", "11", "2026", "12:00");
		CseFixtures.redirectOf(this.coordinator.post("/cse/tasks/" + screen, form));
		this.later = opened("Bea", "30", "11");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void thePanelAsAtADayLeavesOutWhatOpenedAfterIt() throws Exception {
		HttpResponse<String> view = new Api(this.port).get("/api/cse/panel?day=2026-11-20",
				Tokens.forUser("maya.manager"));

		assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(view.body());
		assertThat(body.get("day").asText()).isEqualTo("2026-11-20");
		assertThat(body.get("byLevel").get("MEDIUM").findValuesAsText("reference")).contains(this.scored);
		assertThat(view.body()).doesNotContain(this.later);
		assertThat(this.coordinator.get("/cse?day-day=20&day-month=11&day-year=2026").body()).contains(this.scored)
			.doesNotContain(this.later);
		assertThat(this.coordinator.get("/cse").body()).contains(this.later);
	}

	@Test
	void aReviewOverdueByThePanelDayIsOnItsAgendaAndInEachCsv() {
		String agenda = this.coordinator.get("/cse/agenda?day-day=10&day-month=2&day-year=2027").body();

		assertThat(agenda).contains("MACE panel agenda: Wednesday 10 February 2027");
		String overdue = agenda.substring(agenda.indexOf("data-test=\"agenda-overdue\""));
		assertThat(overdue).contains("data-reference=\"" + this.scored + "\"")
			.doesNotContain("data-reference=\"" + this.later + "\"");
		assertThat(this.coordinator.get("/cse/export/agenda.csv?day-day=10&day-month=2&day-year=2027").body())
			.startsWith("\"Screening\",\"Child\",\"Age\",\"Level\",")
			.contains("\"" + this.scored + "\",\"Abi ");
		assertThat(this.coordinator.get("/cse/export/by-level.csv").body()).contains("\"" + this.scored + "\",")
			.contains("\"" + this.later + "\",");
		assertThat(this.coordinator.get("/cse/export/new.csv").body()).contains("\"" + this.later + "\",");
		assertThat(this.coordinator.get("/cse/export/reviews.csv?day-day=25&day-month=1&day-year=2027").body())
			.as("due within 14 days of the day")
			.contains("\"" + this.scored + "\",");
		assertThat(this.coordinator.get("/cse/export/places.csv").body()).startsWith("\"Place or group\",\"Kind\",");
		assertThat(this.coordinator.get("/cse/export/nonsense.csv").statusCode()).isEqualTo(404);
	}

	@Test
	void aDayThatIsNotADateIsAClearProblem() throws Exception {
		HttpResponse<String> refused = new Api(this.port).get("/api/cse/panel?day=next-tuesday",
				Tokens.forUser("cleo.cse"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(refused.body()).get("errors").get("day").asText())
			.isEqualTo("Give the day as yyyy-mm-dd, for example 2026-12-03.");
	}

	private String opened(String givenName, String day, String month) {
		MultiValueMap<String, String> form = CseFixtures.anOpening(givenName, CseFixtures.aFamilyName());
		CseFixtures.dateTime(form, "raisedAt", day, month, "2026", "09:00");
		return CseFixtures.redirectOf(this.coordinator.post("/cse/new", form)).substring("/cse/screenings/".length());
	}

	private String taskOf(String reference) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(CseScreeningProcess.TASK_SCREEN_CHILD)
			.singleResult()
			.getId();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}
