package org.mashhub.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.referral.ContactIntake;
import org.mashhub.referral.ContactReceipt;
import org.mashhub.referral.NewContact;
import org.mashhub.referral.Rag;
import org.mashhub.referral.ContactScreening;
import org.mashhub.referral.TriageForms;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.tasks.WorkQueue;

import org.springframework.context.ApplicationContext;

/**
 * Demo work for the run command, seeded once into an empty database through the real
 * intake and screening: contacts waiting for screening, for an agency's answer and for a
 * manager's decision, one of them overdue so its escalation can be seen. The children and
 * referrers are invented.
 */
public final class DemoData {

	private static final CurrentUser BUSINESS_SUPPORT = new CurrentUser("bella.support", "Bella Support", null,
			List.of(Roles.BUSINESS_SUPPORT));

	private DemoData() {
	}

	private static final CurrentUser SCREENER = new CurrentUser("sam.screener", "Sam Screener", null,
			List.of(Roles.MASH_SOCIAL_WORKER));

	/**
	 * @param rag the screener's rating, or null when the contact still waits for
	 * screening
	 */
	private record DemoContact(String givenNames, String familyName, LocalDate dateOfBirth, NewContact.Agency agency,
			String concerns, NewContact.Category category, Duration receivedAgo, Rag rag, NewContact.Agency asked) {
	}

	private static final List<DemoContact> CONTACTS = List.of(
			new DemoContact("Amelia", "Example", LocalDate.of(2016, 5, 14), NewContact.Agency.EDUCATION,
					"Amelia arrived at school hungry and with a bruise on her arm she would not explain.",
					NewContact.Category.NEGLECT, Duration.ofMinutes(30), null, null),
			new DemoContact("Noah", "Sample", LocalDate.of(2012, 1, 3), NewContact.Agency.POLICE,
					"Domestic incident at the family home overnight; Noah was present.",
					NewContact.Category.DOMESTIC_ABUSE, Duration.ofHours(3), null, null),
			new DemoContact("Isla", "Demo", LocalDate.of(2009, 8, 21), NewContact.Agency.HEALTH,
					"Isla attended A&E after taking an overdose; says she does not feel safe at home.",
					NewContact.Category.MENTAL_HEALTH, Duration.ofHours(5), Rag.AMBER, NewContact.Agency.HEALTH),
			new DemoContact("Leo", "Placeholder", LocalDate.of(2018, 11, 2), NewContact.Agency.PUBLIC,
					"A neighbour reports Leo is often left alone in the flat in the evenings.",
					NewContact.Category.NEGLECT, Duration.ofHours(26), Rag.GREEN, null),
			new DemoContact("Maya", "Specimen", LocalDate.of(2011, 3, 30), NewContact.Agency.POLICE,
					"Maya was found with older adults not known to her family, late at night.",
					NewContact.Category.EXPLOITATION, Duration.ofDays(4), Rag.RED, NewContact.Agency.POLICE));

	/** Seeds the demo contacts unless any contact was ever started; says what it did. */
	public static String seedOnce(ApplicationContext app) {
		HistoryService history = app.getBean(HistoryService.class);
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ContactTriageProcess.PROCESS)
			.count() > 0) {
			return "kept from an earlier run";
		}
		ContactIntake intake = app.getBean(ContactIntake.class);
		TaskService tasks = app.getBean(TaskService.class);
		WorkQueue queue = app.getBean(WorkQueue.class);
		ContactScreening screening = app.getBean(ContactScreening.class);
		Instant now = Instant.now();
		for (DemoContact demo : CONTACTS) {
			NewContact contact = new NewContact(now.minus(demo.receivedAgo()),
					new NewContact.Referrer("Demo referrer", demo.agency(), null, "01632 960000", null,
							NewContact.FeedbackRoute.PHONE),
					List.of(new NewContact.ChildInContact(demo.givenNames(), demo.familyName(), demo.dateOfBirth(),
							null, null, null, null)),
					demo.concerns(), List.of(demo.category()),
					new NewContact.Consent(NewContact.ConsentStatus.NOT_SOUGHT, null, "Demo data", null, null, null),
					null);
			ContactReceipt receipt = intake.receive(contact, Map.of(), "demo-" + demo.givenNames(), BUSINESS_SUPPORT);
			if (demo.rag() != null) {
				String screeningTask = tasks.createTaskQuery()
					.processInstanceBusinessKey(receipt.children().get(0).triageReference())
					.taskDefinitionKey(ContactTriageProcess.TASK_SCREEN_CONTACT)
					.singleResult()
					.getId();
				queue.claim(screeningTask, SCREENER);
				screening.screen(screeningTask,
						new TriageForms.Screening(demo.rag(), "Demo screening.", null, null, true,
								(demo.asked() != null) ? List.of(new TriageForms.CheckRequest(demo.asked(),
										"What do you know of the child and family?", false)) : List.of(),
								false, null, null, null, null, "Demo data: screened after its target"),
						SCREENER);
			}
		}
		return CONTACTS.size() + " demo contacts seeded";
	}

}
