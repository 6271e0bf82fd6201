package org.mashhub.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.tasks.WorkItem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the decision: feedback to the referrer (and a letter to the family only by a
 * route safe for a victim of domestic abuse), and the hand-offs and follow-ups done, each
 * with a note for the chronology.
 */
@Service
public class FeedbackAndHandOffs {

	private final TriageRecords records;

	private final TriageTasks tasks;

	FeedbackAndHandOffs(TriageRecords records, TriageTasks tasks) {
		this.records = records;
		this.tasks = tasks;
	}

	@Transactional
	public void giveFeedback(String taskId, TriageForms.Feedback form, CurrentUser user) {
		WorkItem item = this.tasks.claimed(taskId, user, ContactTriageProcess.TASK_FEEDBACK_TO_REFERRER);
		TriageKey key = this.records.key(item.subjectReference());
		TriageView triage = this.records.view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.route() == null) {
			errors.put("route", "Select how the referrer was told, or that they were not");
		}
		TriageTasks.requireText(errors, "summary", form.summary(), (form.route() == NewContact.FeedbackRoute.NONE)
				? "Say why the referrer was not told" : "Write what the referrer was told");
		boolean publicReferrer = NewContact.Agency.PUBLIC.name().equals(triage.referrer().agency());
		if (publicReferrer && form.route() != null && form.route() != NewContact.FeedbackRoute.NONE) {
			VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY)
				.ifPresent((refusal) -> errors.put("route", refusal));
		}
		if (Boolean.TRUE.equals(form.letterToFamily())) {
			VictimSafety.refusal(triage, VictimSafety.Recipient.FAMILY)
				.ifPresent((refusal) -> errors.put("letterToFamily", refusal));
		}
		Refusal.ifAny(errors);
		Instant now = this.tasks.now();
		String familyRoute = Boolean.TRUE.equals(form.letterToFamily()) ? VictimSafety.familyLetterRoute(triage) : null;
		this.records.recordFeedback(key, form, familyRoute, user.username(), now);
		this.tasks.tell(new ReferrerFeedbackGiven(key.reference(), triage.identity().childId(), form.route(),
				form.summary().strip(), familyRoute, user.username(), now));
		this.tasks.complete(taskId, user, form.reasonForDelay(), Map.of());
	}

	/**
	 * A hand-off or follow-up step done (MARAC referral, strategy discussion, assessment,
	 * step-down, information considered), with a note for the chronology.
	 */
	@Transactional
	public void markDone(String taskId, TriageForms.StepDone form, CurrentUser user) {
		WorkItem item = this.tasks.claimedHandOff(taskId, user);
		Map<String, String> errors = new LinkedHashMap<>();
		TriageTasks.requireText(errors, "note", form.note(), "Write what was done");
		Refusal.ifAny(errors);
		TriageKey key = this.records.key(item.subjectReference());
		this.tasks.tell(new HandOffDone(key.reference(), this.records.childOf(key), item.taskDefinitionKey(),
				item.taskName(), form.note().strip(), user.username(), this.tasks.now()));
		this.tasks.complete(taskId, user, form.reasonForDelay(), Map.of());
	}

}
