package org.mashhub.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.mashhub.referral.AgencyCheckClosed;
import org.mashhub.referral.ContactAboutChild;
import org.mashhub.referral.ContactDecided;
import org.mashhub.referral.ContactReRated;
import org.mashhub.referral.ContactScreened;
import org.mashhub.referral.HandOffDone;
import org.mashhub.referral.NewContact;
import org.mashhub.referral.ReferrerFeedbackGiven;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The front door's steps, as the child's chronology tells them. A step whose child is not
 * yet known leaves no entry: the chronology starts when the contact is linked to a
 * record.
 */
@Component
class FrontDoorEntries {

	private final Chronology chronology;

	FrontDoorEntries(Chronology chronology) {
		this.chronology = chronology;
	}

	@ApplicationModuleListener
	void contactAboutChild(ContactAboutChild contact) {
		List<String> flags = new ArrayList<>();
		if (contact.reReferral()) {
			flags.add("re-referral within 12 months");
		}
		if (contact.recentCpPlan()) {
			flags.add("child protection plan in the last 2 years");
		}
		if (contact.openCaseWith() != null) {
			flags.add("open case with " + contact.openCaseWith());
		}
		add(contact.childId(), contact.triageReference(), contact.receivedAt(), "CONTACT_RECEIVED",
				"Contact from "
						+ ((contact.referrerAgency() == NewContact.Agency.PUBLIC) ? "a member of the public"
								: contact.referrerAgency().label())
						+ " about "
						+ String.join(", ", contact.categories().stream().map(NewContact.Category::inWords).toList())
						+ (flags.isEmpty() ? "" : ". Flags: " + String.join("; ", flags)),
				contact.recordedBy());
		if (contact.maracReason() != null) {
			add(contact.childId(), contact.triageReference(), contact.linkedAt(), "MARAC_NEEDED",
					"MARAC referral needed: " + contact.maracReason(), "system");
		}
	}

	@ApplicationModuleListener
	void screened(ContactScreened screened) {
		add(screened.childId(), screened.triageReference(), screened.screenedAt(), "RAG_SET", "Screened: RAG "
				+ screened.rag().name().toLowerCase(Locale.UK)
				+ ((screened.recommendation() != null) ? ". Recommended: " + screened.recommendation().label() : "")
				+ (screened.agenciesAsked().isEmpty() ? ". No agency checks"
						: ". Information requested from " + String.join(", ",
								screened.agenciesAsked().stream().map(NewContact.Agency::label).toList())),
				screened.screenedBy());
		if (screened.maracReason() != null) {
			add(screened.childId(), screened.triageReference(), screened.screenedAt(), "MARAC_NEEDED",
					"MARAC referral needed: " + screened.maracReason(), screened.screenedBy());
		}
	}

	@ApplicationModuleListener
	void agencyCheckClosed(AgencyCheckClosed check) {
		if (check.answered()) {
			add(check.childId(), check.triageReference(), check.closedAt(), "AGENCY_ANSWERED",
					check.agency().label() + " answered the information request", check.answeredBy());
		}
		else {
			add(check.childId(), check.triageReference(), check.closedAt(), "AGENCY_NO_RESPONSE",
					check.agency().label() + ": no response to the information request in time", "system");
		}
	}

	@ApplicationModuleListener
	void decided(ContactDecided decided) {
		add(decided.childId(), decided.triageReference(), decided.decidedAt(), "THRESHOLD_DECISION",
				"Threshold decision: level " + decided.levelOfNeed() + ", " + decided.outcome().label()
						+ ". Rationale: " + decided.rationale(),
				decided.decidedBy());
		if (decided.cseConcern()) {
			add(decided.childId(), decided.triageReference(), decided.decidedAt(), "CSE_CONCERN",
					"CSE concern raised for CSE screening", decided.decidedBy());
		}
	}

	@ApplicationModuleListener
	void feedbackGiven(ReferrerFeedbackGiven feedback) {
		add(feedback.childId(), feedback.triageReference(), feedback.at(), "FEEDBACK",
				((feedback.route() == NewContact.FeedbackRoute.NONE) ? "Referrer not told: " + feedback.summary()
						: "Referrer told the outcome by "
								+ feedback.route().name().toLowerCase(Locale.UK).replace('_', ' '))
						+ ((feedback.familyLetterRoute() != null)
								? "; family written to (" + feedback.familyLetterRoute() + ")" : ""),
				feedback.by());
	}

	@ApplicationModuleListener
	void handOffDone(HandOffDone done) {
		add(done.childId(), done.triageReference(), done.at(), done.step().replace("Task_", "").toUpperCase(Locale.UK),
				done.stepName() + ": " + done.note(), done.by());
	}

	@ApplicationModuleListener
	void reRated(ContactReRated reRated) {
		add(reRated.childId(), reRated.triageReference(), reRated.at(), "RAG_CHANGED",
				"RAG changed from " + reRated.from().name().toLowerCase(Locale.UK) + " to "
						+ reRated.to().name().toLowerCase(Locale.UK) + ": " + reRated.reason(),
				reRated.by());
	}

	private void add(UUID childId, String reference, Instant at, String kind, String summary, String actor) {
		if (childId != null) {
			this.chronology.add(childId, new ChronologyEntry(at, kind, summary, actor, reference));
		}
	}

}
