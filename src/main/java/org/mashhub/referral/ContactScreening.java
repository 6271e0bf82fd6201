package org.mashhub.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mashhub.Refusal;
import org.mashhub.child.Child;
import org.mashhub.referral.process.ContactTriageProcess;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.tasks.WorkItem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening, by a qualified MASH social worker: which record is the child, the RAG, what
 * to ask which agency, consent, and for domestic abuse the MARAC referral and whether the
 * victim may be contacted safely. One transaction with the task's completion.
 */
@Service
public class ContactScreening {

	private final TriageRecords records;

	private final TriageTasks tasks;

	private final ChildIdentification identification;

	private final ReferralSettings settings;

	ContactScreening(TriageRecords records, TriageTasks tasks, ChildIdentification identification,
			ReferralSettings settings) {
		this.records = records;
		this.tasks = tasks;
		this.identification = identification;
		this.settings = settings;
	}

	@Transactional
	public void screen(String taskId, TriageForms.Screening form, CurrentUser user) {
		if (!user.isIn(Roles.MASH_SOCIAL_WORKER)) {
			throw new AccessDeniedException("Only a qualified MASH social worker may screen a contact.");
		}
		WorkItem item = this.tasks.claimed(taskId, user, ContactTriageProcess.TASK_SCREEN_CONTACT);
		TriageKey key = this.records.key(item.subjectReference());
		TriageView triage = this.records.view(key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.rag() == null) {
			errors.put("rag", "Select a RAG rating");
		}
		TriageTasks.requireText(errors, "summary", form.summary(), "Write a screening summary");
		if (form.consentReview() != null && form.consentReview().length() > TriageTasks.MAX_TEXT) {
			errors.put("consentReview", "Consent review must be 20,000 characters or fewer");
		}
		Child confirmed = (triage.identity().childId() == null) ? this.identification.confirmedBy(form, triage, errors)
				: null;
		List<TriageForms.CheckRequest> checks = (form.agencyChecks() != null) ? form.agencyChecks() : List.of();
		checkRequests(checks, errors);
		if (form.rag() == Rag.BLUE && !checks.isEmpty()) {
			errors.put("agencyChecks", "A blue contact needs no further MASH work: ask no agencies");
		}
		if (Boolean.TRUE.equals(form.maracByJudgement())) {
			TriageTasks.requireText(errors, "maracReason", form.maracReason(), "Say why a MARAC referral is needed");
		}
		if (form.safeToContactVictim() != null && !triage.involvesDomesticAbuse()) {
			errors.put("safeToContactVictim", "This contact is not about domestic abuse: there is no victim to record");
		}
		else if (Boolean.TRUE.equals(form.safeToContactVictim())) {
			TriageTasks.requireText(errors, "safeContactRoute", form.safeContactRoute(),
					"Say how the victim can be contacted safely");
		}
		Refusal.ifAny(errors);
		Instant now = this.tasks.now();
		if (triage.identity().childId() == null) {
			this.identification.confirm(key, triage, confirmed, user.username());
		}
		List<String> maracReasons = new ArrayList<>(this.settings.maracThresholds().met(triage.domesticAbuse()));
		if (Boolean.TRUE.equals(form.maracByJudgement())) {
			maracReasons.add("professional judgement: " + form.maracReason().strip());
		}
		boolean marac = !maracReasons.isEmpty();
		String maracReason = marac ? String.join("; ", maracReasons) : null;
		ThresholdOutcome recommendation = (form.recommendation() == null && form.rag() == Rag.RED)
				? ThresholdOutcome.STRATEGY_DISCUSSION_S47 : form.recommendation();
		this.records.rate(key, form.rag(), user.username(), now, "Screening");
		this.records.recordScreening(key, form, recommendation, marac, maracReason, user.username(), now);
		if (form.safeToContactVictim() != null) {
			this.records.recordSafeContact(key, form.safeToContactVictim(),
					Boolean.TRUE.equals(form.safeToContactVictim()) ? form.safeContactRoute().strip() : null,
					user.username());
		}
		for (TriageForms.CheckRequest check : checks) {
			this.records.askAgency(key, check, this.settings.liaisonGroups().get(check.agency()), user.username(), now);
		}
		this.tasks.tell(new ContactScreened(key.reference(), this.records.childOf(key), form.rag(), recommendation,
				checks.stream().map(TriageForms.CheckRequest::agency).toList(), maracReason, user.username(), now));
		Map<String, Object> routing = new HashMap<>();
		routing.put(ContactTriageProcess.RAG, form.rag().name());
		routing.put(ContactTriageProcess.RAG_POLICY, this.settings.ragPolicy(form.rag()));
		routing.put(ContactTriageProcess.RAG_SET_AT, Date.from(now));
		routing.put(ContactTriageProcess.SCREENED_AT, Date.from(now));
		routing.put(ContactTriageProcess.AGENCY_CHECKS_ASKED, !checks.isEmpty());
		routing.put(ContactTriageProcess.MARAC_REFERRAL, marac);
		this.tasks.complete(taskId, user, form.reasonForDelay(), routing);
	}

	private void checkRequests(List<TriageForms.CheckRequest> checks, Map<String, String> errors) {
		Set<NewContact.Agency> asked = new HashSet<>();
		for (int i = 0; i < checks.size(); i++) {
			TriageForms.CheckRequest check = checks.get(i);
			String field = "agencyChecks[" + i + "]";
			if (check == null || check.agency() == null || !this.settings.liaisonGroups().containsKey(check.agency())) {
				errors.put(field + ".agency", "Select an agency with a MASH liaison");
				continue;
			}
			if (!asked.add(check.agency())) {
				errors.put(field + ".agency", "Ask each agency once");
			}
			TriageTasks.requireText(errors, field + ".question", check.question(),
					"Write what to ask " + check.agency().label());
		}
	}

}
