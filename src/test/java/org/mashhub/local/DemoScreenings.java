package org.mashhub.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.MashHubApplication;
import org.mashhub.cse.CinFactor;
import org.mashhub.cse.EvidenceBasis;
import org.mashhub.cse.IndicatorAnswer;
import org.mashhub.cse.PlaceKind;
import org.mashhub.cse.Places;
import org.mashhub.cse.RiskLevel;
import org.mashhub.cse.ScreeningForms;
import org.mashhub.cse.ScreeningOpenings;
import org.mashhub.cse.ScreeningSteps;
import org.mashhub.cse.process.CseScreeningProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Demo exploitation screenings for the run command, seeded once through the real opening
 * and scoring: one at each level, one whose lowered level awaits a manager's approval,
 * one whose 12-week review is overdue, and a park two of the children are linked to. The
 * children are invented.
 */
public final class DemoScreenings {

	private static final CurrentUser COORDINATOR = new CurrentUser("cleo.cse", "Cleo Cse", null,
			List.of(Roles.CSE_COORDINATOR));

	private static final String LATE = "Demo data: recorded after the event";

	private DemoScreenings() {
	}

	/**
	 * Seeds the demo screenings unless any screening was ever opened; says what it did.
	 */
	public static String seedOnce(ApplicationContext app) {
		if (app.getBean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CseScreeningProcess.PROCESS)
			.count() > 0) {
			return "exploitation screenings kept";
		}
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME);
		String high = screened(app, "Zara", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)),
				List.of(found("D1", today.minusDays(1), "School or college", EvidenceBasis.EVIDENCE)), null);
		String medium = screened(app, "Omar", now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(2)),
				List.of(found("R1", today.minusDays(3), "Police", EvidenceBasis.CONCERN),
						found("B2", today.minusDays(5), "Family or carer", EvidenceBasis.EVIDENCE),
						new ScreeningForms.IndicatorEntry("E1", IndicatorAnswer.POSSIBLE, today.minusDays(4),
								"School or college", EvidenceBasis.CONCERN, null)),
				null);
		screened(app, "Isla", now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(2)),
				List.of(found("B1", today.minusDays(2), "Family or carer", EvidenceBasis.CONCERN)), null);
		screened(app, "Theo", now.minus(Duration.ofHours(6)), now.minus(Duration.ofHours(1)),
				List.of(found("R2", today.minusDays(6), "Youth justice", EvidenceBasis.CONCERN),
						found("S1", today.minusDays(6), "Police", EvidenceBasis.CONCERN),
						found("B4", today.minusDays(6), "Family or carer", EvidenceBasis.CONCERN),
						found("M3", today.minusDays(6), "Family or carer", EvidenceBasis.CONCERN)),
				RiskLevel.LOW);
		// Screened 13 weeks ago: its 12-week review is a week overdue
		screened(app, "Ruby", now.minus(Duration.ofDays(92)), now.minus(Duration.ofDays(91)),
				List.of(found("O3", today.minusDays(93), "Police", EvidenceBasis.CONCERN),
						found("O2", today.minusDays(93), "Family or carer", EvidenceBasis.CONCERN),
						found("B4", today.minusDays(93), "Family or carer", EvidenceBasis.CONCERN),
						found("E1", today.minusDays(93), "School or college", EvidenceBasis.EVIDENCE),
						found("S1", today.minusDays(93), "Police", EvidenceBasis.CONCERN)),
				null);
		Places places = app.getBean(Places.class);
		ScreeningForms.PlaceLink park = new ScreeningForms.PlaceLink(null, PlaceKind.LOCATION, "Riverside Park (demo)",
				"The bandstand, evenings", "Seen there with older youths");
		// Linking a place is audited, as the coordinator's own act
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(COORDINATOR.username(), null,
					AuthorityUtils.createAuthorityList(Roles.CSE_COORDINATOR)));
		try {
			places.link(high, park, COORDINATOR);
			places.link(medium, park, COORDINATOR);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		return "5 demo exploitation screenings seeded";
	}

	/**
	 * Opens a screening of a demo child and scores it; a level given is the
	 * coordinator's, lowered or raised with a reason.
	 */
	private static String screened(ApplicationContext app, String givenName, Instant raisedAt, Instant scoredAt,
			List<ScreeningForms.IndicatorEntry> found, RiskLevel level) {
		String reference = app.getBean(ScreeningOpenings.class)
			.open(new ScreeningForms.Opening(
					new ScreeningForms.ChildDetails(givenName, "Demo", LocalDate.of(2011, 9, 9), null), raisedAt,
					"Demo data: a youth worker's concern"), COORDINATOR)
			.reference();
		String task = app.getBean(TaskService.class)
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(CseScreeningProcess.TASK_SCREEN_CHILD)
			.singleResult()
			.getId();
		app.getBean(WorkQueue.class).claim(task, COORDINATOR);
		app.getBean(ScreeningSteps.class)
			.score(task,
					new ScreeningForms.Scoring(found, scoredAt, level,
							(level != null) ? "Demo data: the coordinator knows the family well" : null,
							List.of(CinFactor.SEXUAL_EXPLOITATION), "Demo data: screened with the school", false, LATE),
					COORDINATOR);
		return reference;
	}

	private static ScreeningForms.IndicatorEntry found(String code, LocalDate seen, String agency,
			EvidenceBasis basis) {
		return new ScreeningForms.IndicatorEntry(code, IndicatorAnswer.PRESENT, seen, agency, basis, null);
	}

}
