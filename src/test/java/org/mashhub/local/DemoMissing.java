package org.mashhub.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.missing.EpisodeForms;
import org.mashhub.missing.EpisodeType;
import org.mashhub.missing.InterviewOutcome;
import org.mashhub.missing.MissingReports;
import org.mashhub.missing.ProviderType;
import org.mashhub.missing.ReturnInterviews;
import org.mashhub.missing.process.MissingEpisodeProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationContext;

/**
 * Demo missing episodes for the run command, seeded once through the real reports,
 * returns and interviews: a child missing now, one at high risk (a strategy discussion
 * called at once), one back and awaiting an interview with hours left, one whose
 * interview is overdue, one interview held in time, and a child missing for the third
 * time in 90 days. The children are invented.
 */
public final class DemoMissing {

	private static final CurrentUser COORDINATOR = new CurrentUser("mia.missing", "Mia Missing", null,
			List.of(Roles.MISSING_COORDINATOR));

	private static final CurrentUser RHI_WORKER = new CurrentUser("ravi.rhi", "Ravi Rhi", null,
			List.of(Roles.RHI_WORKER));

	private DemoMissing() {
	}

	/** Seeds the demo episodes unless any episode was ever reported; says what it did. */
	public static String seedOnce(ApplicationContext app) {
		if (app.getBean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(MissingEpisodeProcess.PROCESS)
			.count() > 0) {
			return "missing episodes kept";
		}
		app.getBean(StaffDirectory.class).seen(RHI_WORKER);
		MissingReports reports = app.getBean(MissingReports.class);
		Instant now = Instant.now();

		reports.report(report("Noah", "Demo", "MEDIUM", now.minus(hours(5)), now.minus(hours(4))), null, COORDINATOR);
		reports.report(report("Ella", "Demo", "HIGH", now.minus(hours(3)), now.minus(hours(2))), null, COORDINATOR);
		returned(reports, report("Finn", "Demo", "LOW", now.minus(hours(30)), now.minus(hours(29))),
				now.minus(hours(20)));
		returned(reports, report("Maya", "Demo", "MEDIUM", now.minus(hours(120)), now.minus(hours(119))),
				now.minus(hours(96)));
		String held = returned(reports, report("Leo", "Demo", "LOW", now.minus(hours(60)), now.minus(hours(59))),
				now.minus(hours(48)));
		interview(app, held, InterviewOutcome.HELD, now.minus(hours(30)), null);

		for (int daysAgo : List.of(60, 30)) {
			String earlier = returned(reports,
					report("Ava", "Demo", "MEDIUM", now.minus(Duration.ofDays(daysAgo)),
							now.minus(Duration.ofDays(daysAgo)).plus(hours(1))),
					now.minus(Duration.ofDays(daysAgo)).plus(hours(20)));
			interview(app, earlier, InterviewOutcome.DECLINED, now.minus(Duration.ofDays(daysAgo)).plus(hours(30)),
					"Demo data: recorded after its 72 hours");
		}
		reports.report(report("Ava", "Demo", "MEDIUM", now.minus(hours(6)), now.minus(hours(5))), null, COORDINATOR);
		return "8 demo missing episodes seeded";
	}

	private static EpisodeForms.NewReport report(String givenNames, String familyName, String grade, Instant lastSeenAt,
			Instant reportedAt) {
		return new EpisodeForms.NewReport(
				new EpisodeForms.ChildDetails(givenNames, familyName, LocalDate.of(2011, 4, 4), null, null),
				EpisodeType.M, grade, lastSeenAt, null, reportedAt, "Demo carer", "Foster carer", null,
				"Demo placement", null, null, "Demo data: did not come home", List.of());
	}

	private static String returned(MissingReports reports, EpisodeForms.NewReport report, Instant returnedAt) {
		String reference = reports.report(report, null, COORDINATOR).reference();
		reports.recordReturn(reference,
				new EpisodeForms.ReturnReport(returnedAt, "Came back themselves", "Demo placement", null, null),
				COORDINATOR);
		return reference;
	}

	private static void interview(ApplicationContext app, String reference, InterviewOutcome outcome, Instant at,
			String reasonForDelay) {
		String task = app.getBean(TaskService.class)
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(MissingEpisodeProcess.TASK_HOLD_RETURN_INTERVIEW)
			.singleResult()
			.getId();
		app.getBean(WorkQueue.class).claim(task, RHI_WORKER);
		boolean held = outcome == InterviewOutcome.HELD;
		app.getBean(ReturnInterviews.class)
			.record(task, new EpisodeForms.Interview(at, "In person", "Ravi Rhi", outcome,
					held ? null : "Did not want to talk", held ? null : "Where the child stayed", held ? at : null,
					held ? "Youth centre" : null, held ? ProviderType.COMMISSIONED_SERVICE : null, "Demo data",
					"Demo data", "Demo data", List.of("Not listened to"), List.of("Friends"), null, null, null, null,
					false, null, List.of(), reasonForDelay), RHI_WORKER);
	}

	private static Duration hours(int hours) {
		return Duration.ofHours(hours);
	}

}
