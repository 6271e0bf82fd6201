package org.mashhub.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.mashhub.referral.process.ContactTriage;

import org.springframework.context.ApplicationContext;

/**
 * Demo work for the run command, seeded once into an empty database: contacts waiting for
 * screening and for a manager's decision, one of them overdue so its escalation can be
 * seen.
 */
public final class DemoData {

	private DemoData() {
	}

	private record DemoContact(String reference, Duration receivedAgo, boolean screened) {
	}

	private static final List<DemoContact> CONTACTS = List.of(
			new DemoContact("DEMO-0001", Duration.ofMinutes(30), false),
			new DemoContact("DEMO-0002", Duration.ofHours(3), false),
			new DemoContact("DEMO-0003", Duration.ofHours(5), true),
			new DemoContact("DEMO-0004", Duration.ofHours(26), true),
			new DemoContact("DEMO-0005", Duration.ofDays(4), true));

	/** Seeds the demo contacts unless any contact was ever started; says what it did. */
	public static String seedOnce(ApplicationContext app) {
		HistoryService history = app.getBean(HistoryService.class);
		if (history.createHistoricProcessInstanceQuery().processDefinitionKey(ContactTriage.PROCESS).count() > 0) {
			return "kept from an earlier run";
		}
		RuntimeService runtime = app.getBean(RuntimeService.class);
		TaskService tasks = app.getBean(TaskService.class);
		Instant now = Instant.now();
		for (DemoContact contact : CONTACTS) {
			String instance = runtime
				.startProcessInstanceByKey(ContactTriage.PROCESS, contact.reference(),
						Map.of(ContactTriage.RECEIVED_AT, Date.from(now.minus(contact.receivedAgo()))))
				.getId();
			if (contact.screened()) {
				tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
			}
		}
		return CONTACTS.size() + " demo contacts seeded (DEMO-0001 to DEMO-000" + CONTACTS.size() + ")";
	}

}
