package org.mashhub.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.mashhub.Refusal;
import org.mashhub.notification.Notices;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.tasks.WorkItem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency checks a screener asked: each agency's liaison answers its own request, and
 * only it; a request unanswered by the RAG target closes and the case moves on with what
 * is known.
 */
@Service
public class AgencyCheckAnswers {

	private final TriageRecords records;

	private final TriageTasks tasks;

	private final Notices notices;

	AgencyCheckAnswers(TriageRecords records, TriageTasks tasks, Notices notices) {
		this.records = records;
		this.tasks = tasks;
		this.notices = notices;
	}

	/** The ids of the information requests the screener asked, one check each. */
	@Transactional(readOnly = true)
	public List<String> askedOf(String reference) {
		return this.records.checkIdsOf(this.records.key(reference)).stream().map(UUID::toString).toList();
	}

	@Transactional(readOnly = true)
	public String liaisonGroupOf(String checkId) {
		return this.records.liaisonGroupOf(UUID.fromString(checkId));
	}

	@Transactional
	public void answer(String taskId, TriageForms.AgencyAnswer form, CurrentUser user) {
		WorkItem item = this.tasks.claimed(taskId, user, ContactTriageProcess.TASK_ANSWER_AGENCY_CHECK);
		TriageKey key = this.records.key(item.subjectReference());
		AgencyCheckView check = this.records.checkFor(key, item.candidateGroups())
			.orElseThrow(() -> new NoSuchElementException("No information request for task " + item.taskId()));
		if (!check.isOpen()) {
			throw Refusal.invalid("answer", "This information request is already closed.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		TriageTasks.requireText(errors, "answer", form.answer(),
				"Write what your agency knows, or that it knows nothing");
		Refusal.ifAny(errors);
		Instant now = this.tasks.now();
		this.records.answer(check.id(), form.answer(), user.username(), now);
		this.tasks.tell(new AgencyCheckClosed(key.reference(), this.records.childOf(key),
				NewContact.Agency.valueOf(check.agency()), user.username(), now));
		this.tasks.complete(taskId, user, form.reasonForDelay(), Map.of());
	}

	/**
	 * The RAG target passed with the request unanswered: it closes as "no response in
	 * time", the managers are told, and the case moves on with what is known.
	 */
	@Transactional
	public void closeUnanswered(String checkId) {
		Instant now = this.tasks.now();
		this.records.closeUnanswered(UUID.fromString(checkId), now).ifPresent((closed) -> {
			TriageKey key = closed.key();
			this.tasks
				.tell(new AgencyCheckClosed(key.reference(), this.records.childOf(key), closed.agency(), null, now));
			this.notices.toGroups(List.of(Roles.MASH_MANAGER), key.reference(),
					closed.agency().label()
							+ " did not answer an information request in time; the case moves on without it.",
					"/contacts/" + key.contactReference());
		});
	}

	/**
	 * One information request: its own agency's liaisons and MASH staff may read it; any
	 * other agency is refused.
	 */
	@Transactional(readOnly = true)
	public AgencyCheckView read(UUID id, CurrentUser reader) {
		AgencyCheckView check = this.records.check(id)
			.orElseThrow(() -> new NoSuchElementException("No information request " + id));
		if (!reader.isIn(check.liaisonGroup()) && !reader.isIn(Roles.MASH_SOCIAL_WORKER)
				&& !reader.isIn(Roles.MASH_MANAGER)) {
			throw new AccessDeniedException(
					"This information request is for " + NewContact.Agency.valueOf(check.agency()).label()
							+ " only; another agency's request or answer is never shown.");
		}
		return check;
	}

}
