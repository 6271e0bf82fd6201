package org.mashhub.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.MashHubApplication;
import org.mashhub.complaints.ChildConsent;
import org.mashhub.complaints.ComplainantType;
import org.mashhub.complaints.ComplaintForms;
import org.mashhub.complaints.ComplainantRequests;
import org.mashhub.complaints.ComplaintResponses;
import org.mashhub.complaints.Complaints;
import org.mashhub.complaints.Finding;
import org.mashhub.complaints.process.ComplaintProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.security.StaffDirectory;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationContext;

/**
 * Demo complaints for the run command, seeded once through the real procedure: one
 * waiting for its acknowledgement, one whose stage 1 response is overdue (red on the
 * tracker), one in a stage 2 investigation and one withdrawn. The people are invented.
 */
public final class DemoComplaints {

	private static final CurrentUser SUPPORT = new CurrentUser("bella.support", "Bella Support", null,
			List.of(Roles.BUSINESS_SUPPORT));

	private static final CurrentUser MANAGER = new CurrentUser("cara.complaints", "Cara Complaints", null,
			List.of(Roles.COMPLAINTS_MANAGER));

	private static final CurrentUser INVESTIGATOR = new CurrentUser("ian.investigator", "Ian Investigator", null,
			List.of(Roles.COMPLAINTS_INVESTIGATOR));

	private DemoComplaints() {
	}

	/**
	 * Seeds the demo complaints unless any complaint was ever logged; says what it did.
	 */
	public static String seedOnce(ApplicationContext app) {
		if (app.getBean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintProcess.PROCESS)
			.count() > 0) {
			return "complaints kept";
		}
		Complaints complaints = app.getBean(Complaints.class);
		ComplaintResponses responses = app.getBean(ComplaintResponses.class);
		ComplainantRequests requests = app.getBean(ComplainantRequests.class);
		app.getBean(StaffDirectory.class).seen(INVESTIGATOR);
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, MashHubApplication.LOCAL_TIME);

		complaints.log(complaint(now.minus(Duration.ofHours(2)), ComplainantType.PARENT, today.minusWeeks(3),
				"Nobody returned my calls about my son's plan", "Communication"), SUPPORT);

		String overdue = complaints.log(complaint(now.minus(Duration.ofDays(18)), ComplainantType.FOSTER_CARER,
				today.minusMonths(1), "The placement ended without the notice agreed", "Placement"), SUPPORT);
		acknowledge(app, responses, overdue);

		String atStage2 = complaints.log(complaint(now.minus(Duration.ofDays(20)), ComplainantType.SPECIAL_GUARDIAN,
				today.minusMonths(2), "Contact arrangements were changed without asking us", "Contact and family time"),
				SUPPORT);
		acknowledge(app, responses, atStage2);
		String stage1 = taskOf(app, atStage2, ComplaintProcess.TASK_RESPOND_STAGE_1);
		responses
			.respond(stage1,
					new ComplaintForms.Response(
							Map.of(1,
									new ComplaintForms.ElementFinding(Finding.NOT_UPHELD,
											"Arrangements set by the court")),
							"The arrangements follow the court order; we explained them.", "Demo data: answered late"),
					INVESTIGATOR);
		requests.requestStage(atStage2, 2, new ComplaintForms.StageRequest(today, null), MANAGER);
		String record = taskOf(app, atStage2, ComplaintProcess.TASK_AGREE_WRITTEN_RECORD);
		app.getBean(WorkQueue.class).claim(record, MANAGER);
		responses.agreeWrittenRecord(record,
				new ComplaintForms.WrittenRecord(today, INVESTIGATOR.username(), "Pat Independent", null), MANAGER);

		String withdrawn = complaints.log(complaint(now.minus(Duration.ofDays(5)), ComplainantType.PARENT,
				today.minusWeeks(2), "The social worker was late to every visit", "Staff conduct"), SUPPORT);
		requests.withdraw(withdrawn, new ComplaintForms.Withdrawal("Resolved on the phone with the team manager"),
				MANAGER);
		return "4 demo complaints seeded";
	}

	private static ComplaintForms.NewComplaint complaint(Instant receivedAt, ComplainantType type,
			LocalDate matterAroseOn, String element, String theme) {
		return new ComplaintForms.NewComplaint(receivedAt, "Email", "Demo complainant", "demo@example.org", type,
				"Demo child", LocalDate.ofInstant(receivedAt, MashHubApplication.LOCAL_TIME).minusYears(13),
				ChildConsent.WRITTEN_CONSENT, "Signed consent on file", matterAroseOn,
				List.of(new ComplaintForms.Element(element, theme)), false, null, null, null);
	}

	private static void acknowledge(ApplicationContext app, ComplaintResponses responses, String reference) {
		String acknowledgement = taskOf(app, reference, ComplaintProcess.TASK_ACKNOWLEDGE);
		app.getBean(WorkQueue.class).claim(acknowledgement, MANAGER);
		responses.acknowledge(acknowledgement, new ComplaintForms.Acknowledgement(true, null, null, null,
				INVESTIGATOR.username(), "Demo data: acknowledged late"), MANAGER);
	}

	private static String taskOf(ApplicationContext app, String reference, String step) {
		return app.getBean(TaskService.class)
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

}
