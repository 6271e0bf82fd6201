package org.mashhub.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mashhub.MashHubApplication;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the child of a contact is: the automatic check at receipt, the records a screener
 * may confirm, and the history flags worked out when the child is linked.
 */
@Service
public class ChildIdentification {

	private final TriageRecords records;

	private final ChildRecords children;

	private final ReferralSettings settings;

	private final TriageTasks tasks;

	ChildIdentification(TriageRecords records, ChildRecords children, ReferralSettings settings, TriageTasks tasks) {
		this.records = records;
		this.children = children;
		this.settings = settings;
		this.tasks = tasks;
	}

	/**
	 * What the automatic check found: whether the child's case is open and with whom, and
	 * whether the school must be told (Operation Encompass: a police domestic-abuse
	 * notification). An open case skips screening, so its MARAC referral is decided here,
	 * on the thresholds.
	 */
	public record IdentityCheck(boolean openCase, String allocatedWorker, boolean operationEncompass,
			boolean maracReferral) {
	}

	/**
	 * Links the child to their record when the NHS number makes it certain, and works out
	 * the flags. A match on name and date of birth alone waits for the screener to
	 * confirm.
	 */
	@Transactional
	public IdentityCheck checkIdentityAndHistory(String reference) {
		TriageKey key = this.records.key(reference);
		TriageView triage = this.records.view(key);
		boolean operationEncompass = NewContact.Agency.POLICE.name().equals(triage.referrer().agency())
				&& triage.categories().contains(NewContact.Category.DOMESTIC_ABUSE.name());
		TriageView.ChildAsGiven given = triage.child();
		List<Child> certain = this.children
			.possibleMatches(given.givenNames(), given.familyName(), given.dateOfBirth(), given.nhsNumber())
			.stream()
			.filter((match) -> match.reason() == ChildRecords.MatchReason.NHS_NUMBER)
			.map(ChildRecords.PossibleMatch::child)
			.toList();
		if (certain.size() != 1) {
			return new IdentityCheck(false, null, operationEncompass, false);
		}
		Child child = certain.get(0);
		List<String> maracReasons = child.hasOpenCase() ? this.settings.maracThresholds().met(triage.domesticAbuse())
				: List.of();
		String maracReason = maracReasons.isEmpty() ? null : String.join("; ", maracReasons);
		if (maracReason != null) {
			this.records.referToMarac(key, maracReason);
		}
		link(key, triage, child, "system (NHS number)", maracReason);
		return new IdentityCheck(child.hasOpenCase(), child.allocatedWorker(), operationEncompass, maracReason != null);
	}

	/** The records that may be the child, while nobody has confirmed one. */
	List<Candidate> candidatesFor(TriageKey key, TriageView triage) {
		if (triage.identity().childId() != null) {
			return List.of();
		}
		TriageView.ChildAsGiven child = triage.child();
		return this.children
			.possibleMatches(child.givenNames(), child.familyName(), child.dateOfBirth(), child.nhsNumber())
			.stream()
			.map((match) -> new Candidate(match.child(), match.reason(), historyOf(key, match.child())))
			.toList();
	}

	/**
	 * The record the screener confirmed as the child, or null for a new one; an error
	 * when the form says neither, or says new when the NHS number names a record.
	 */
	Child confirmedBy(TriageForms.Screening form, TriageView triage, Map<String, String> errors) {
		if (form.sameChildAs() != null) {
			Child confirmed = this.children.find(form.sameChildAs()).orElse(null);
			if (confirmed == null) {
				errors.put("sameChildAs", "That child record does not exist");
			}
			return confirmed;
		}
		if (!Boolean.TRUE.equals(form.newChildRecord())) {
			errors.put("sameChildAs", "Confirm which record is this child, or that none is");
		}
		else if (nhsNumberKnown(triage.child().nhsNumber())) {
			errors.put("sameChildAs", "A record with this NHS number exists now: confirm it instead");
		}
		return null;
	}

	/** The child's record, confirmed by the screener or new, linked to the triage. */
	void confirm(TriageKey key, TriageView triage, Child confirmed, String by) {
		TriageView.ChildAsGiven given = triage.child();
		Child child = (confirmed != null) ? confirmed
				: this.children
					.register(new ChildRecords.NewChild(given.givenNames(), given.familyName(), given.dateOfBirth(),
							given.gender(), given.nhsNumber(), given.address(), given.school(), false));
		link(key, triage, child, by, null);
	}

	private void link(TriageKey key, TriageView triage, Child child, String by, String maracReason) {
		HistoryFlags history = historyOf(key, child);
		this.records.link(key, child.id(), by, history);
		this.tasks.tell(new ContactAboutChild(key.reference(), child.id(), key.receivedAt(),
				NewContact.Agency.valueOf(triage.referrer().agency()),
				triage.categories().stream().map(NewContact.Category::valueOf).toList(), history.reReferral(),
				history.recentCpPlan(), history.openCase() ? child.allocatedWorker() : null, triage.recordedBy(),
				this.tasks.now(), maracReason));
	}

	/** Whether a record with this NHS number exists (the screener must confirm it). */
	private boolean nhsNumberKnown(String nhsNumber) {
		return nhsNumber != null && this.children.possibleMatches(null, null, null, nhsNumber)
			.stream()
			.anyMatch((match) -> match.reason() == ChildRecords.MatchReason.NHS_NUMBER);
	}

	private HistoryFlags historyOf(TriageKey key, Child child) {
		ChildRecords.Flags flags = this.children.flags(child.id(),
				LocalDate.ofInstant(key.receivedAt(), MashHubApplication.LOCAL_TIME));
		return new HistoryFlags(flags.openCase(), this.records.referredInYearBefore(key, child.id()),
				flags.childProtectionPlanInLastTwoYears(), this.children.caseFlags(child.id()));
	}

}
