package org.mashhub.referral;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mashhub.Refusal;
import org.mashhub.notification.Notices;
import org.mashhub.referral.process.TriageRouting;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Deadlines;
import org.mashhub.sla.Sla;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A screened contact's RAG between screening and the decision: changed with who and why,
 * the open agency checks' target counted again under the new band, and a red contact told
 * to the managers at once.
 */
@Service
public class RagChanges {

	private final TriageRecords records;

	private final TriageTasks tasks;

	private final Notices notices;

	private final Sla sla;

	private final Deadlines deadlines;

	private final TriageRouting routing;

	private final ReferralSettings settings;

	RagChanges(TriageRecords records, TriageTasks tasks, Notices notices, Sla sla, Deadlines deadlines,
			TriageRouting routing, ReferralSettings settings) {
		this.records = records;
		this.tasks = tasks;
		this.notices = notices;
		this.sla = sla;
		this.deadlines = deadlines;
		this.routing = routing;
		this.settings = settings;
	}

	/**
	 * A screener or manager changes a screened contact's RAG before the decision: the
	 * open information requests' target is counted again under the new band from now,
	 * with their tasks and timers; the change is kept with who and why.
	 */
	@Transactional
	public void reRate(String reference, Rag rag, String reason, CurrentUser user) {
		if (!user.isIn(Roles.MASH_SOCIAL_WORKER) && !user.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException("Only MASH social workers and managers may change a RAG rating.");
		}
		TriageKey key = this.records.key(reference);
		TriageView triage = this.records.view(key);
		Rag before = triage.screening().rag();
		Map<String, String> errors = new LinkedHashMap<>();
		if (rag == null) {
			errors.put("rag", "Select the new RAG rating");
		}
		else if (before == null) {
			errors.put("rag", "Screen the contact first");
		}
		else if (triage.decision().outcome() != null) {
			errors.put("rag", "The threshold decision is made: the RAG rating no longer changes");
		}
		else if (rag == before) {
			errors.put("rag", "The contact is already " + rag.name().toLowerCase(Locale.ROOT));
		}
		else if (rag == Rag.BLUE && triage.checks().stream().anyMatch(AgencyCheckView::isOpen)) {
			errors.put("rag", "Agencies are still being asked: a blue contact needs no further MASH work");
		}
		TriageTasks.requireText(errors, "reason", reason, "Say why the RAG rating changes");
		Refusal.ifAny(errors);
		Instant now = this.tasks.now();
		this.records.rate(key, rag, user.username(), now, reason.strip());
		this.tasks.tell(new ContactReRated(key.reference(), triage.identity().childId(), before, rag, reason.strip(),
				user.username(), now));
		String processInstanceId = this.records.processInstanceOf(key);
		String policy = this.settings.ragPolicy(rag);
		if (policy != null) {
			boolean moreUrgent = rag.ordinal() < before.ordinal();
			Instant target = this.sla.due(policy, Date.from(now)).toInstant();
			for (String taskId : this.routing.openAgencyCheckTasks(processInstanceId)) {
				// A more urgent band never gives an agency longer than it already had
				boolean later = this.deadlines.findOpenForTask(taskId)
					.map((deadline) -> target.isAfter(deadline.dueAt()))
					.orElse(false);
				if (!(moreUrgent && later)) {
					this.deadlines.retarget(taskId, policy, now, user.username(), "RAG changed: " + reason.strip());
				}
			}
			this.routing.reRated(processInstanceId, rag.name(), policy, now);
		}
		this.tasks.changeRag(processInstanceId, rag);
		if (rag == Rag.RED) {
			alertRed(key);
		}
	}

	/** A red contact: the managers hear at once, and the strategy discussion route. */
	@Transactional
	public void alertRed(String reference) {
		alertRed(this.records.key(reference));
	}

	private void alertRed(TriageKey key) {
		this.notices.toGroups(List.of(Roles.MASH_MANAGER), key.reference(),
				"Red contact: risk of significant harm. The strategy discussion route is recommended.",
				"/contacts/" + key.contactReference());
	}

}
