package org.mashhub.referral;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Sla;
import org.mashhub.tasks.WorkItem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The threshold decision, by a MASH manager: the level of need, the outcome and why, and
 * whether there is a concern of exploitation. What follows (a referral, a step-down,
 * passing to the allocated worker) is the model's.
 */
@Service
public class ThresholdDecisions {

	private final TriageRecords records;

	private final TriageTasks tasks;

	private final ChildRecords children;

	private final Sla sla;

	private final ReferralSettings settings;

	ThresholdDecisions(TriageRecords records, TriageTasks tasks, ChildRecords children, Sla sla,
			ReferralSettings settings) {
		this.records = records;
		this.tasks = tasks;
		this.children = children;
		this.sla = sla;
		this.settings = settings;
	}

	@Transactional
	public void decide(String taskId, TriageForms.Decision form, CurrentUser user) {
		if (!user.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException("Only a MASH manager may make the threshold decision.");
		}
		WorkItem item = this.tasks.claimed(taskId, user, ContactTriageProcess.TASK_THRESHOLD_DECISION);
		TriageKey key = this.records.key(item.subjectReference());
		TriageView triage = this.records.view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.levelOfNeed() == null || form.levelOfNeed() < 1 || form.levelOfNeed() > 4) {
			errors.put("levelOfNeed", "Select the level of need, 1 to 4");
		}
		if (form.outcome() == null) {
			errors.put("outcome", "Select the outcome");
		}
		TriageTasks.requireText(errors, "rationale", form.rationale(), "Write the rationale for the decision");
		Child child = (triage.identity().childId() != null)
				? this.children.find(triage.identity().childId()).orElse(null) : null;
		if (form.outcome() == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER && (child == null || !child.hasOpenCase())) {
			errors.put("outcome", "This child has no allocated worker to pass the contact to");
		}
		Refusal.ifAny(errors);
		Instant now = this.tasks.now();
		boolean cse = (form.cseConcern() != null) ? form.cseConcern()
				: triage.categories().contains(NewContact.Category.EXPLOITATION.name());
		this.records.recordDecision(key, form, cse, user.username(), now);
		Instant decisionDue = this.sla.due(this.settings.decisionPolicy(), Date.from(key.receivedAt())).toInstant();
		this.tasks.tell(new ContactDecided(key.reference(), triage.identity().childId(), triage.referrer().agency(),
				key.receivedAt(), triage.screening().rag(), form.levelOfNeed(), form.outcome(),
				form.rationale().strip(), cse, Boolean.TRUE.equals(triage.identity().reReferral()), user.username(),
				now, decisionDue));
		if (cse) {
			this.tasks.tell(new CseConcernRaised(key.reference(), triage.identity().childId(), user.username(), now));
		}
		Map<String, Object> routing = new HashMap<>();
		routing.put(ContactTriageProcess.OUTCOME, form.outcome().name());
		routing.put(ContactTriageProcess.DECIDED_AT, Date.from(now));
		if (form.outcome() == ThresholdOutcome.PASS_TO_ALLOCATED_WORKER) {
			routing.put(ContactTriageProcess.ALLOCATED_WORKER, child.allocatedWorker());
		}
		this.tasks.complete(taskId, user, form.reasonForDelay(), routing);
	}

}
