package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What people enter about a complaint, one record per command. Findings are keyed by the
 * element's position (1, 2, ...).
 */
public final class ComplaintForms {

	private ComplaintForms() {
	}

	/** Whether a text field was left empty. */
	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** One thing the complainant is unhappy about, and what it is about. */
	public record Element(String summary, String theme) {
	}

	/**
	 * A complaint as received.
	 *
	 * @param receivedAt when it reached the council (null: now)
	 * @param childName the child the complaint is made on behalf of, if any
	 * @param matterAroseOn when the matter complained of happened or came to the
	 * complainant's notice
	 * @param advocacyOffered for a child complainant an advocate must be offered
	 */
	public record NewComplaint(Instant receivedAt, String receivedVia, String complainantName,
			String complainantContact, ComplainantType complainantType, String childName, LocalDate childDateOfBirth,
			ChildConsent childConsent, String childConsentNote, LocalDate matterAroseOn, List<Element> elements,
			Boolean advocacyOffered, Boolean advocacyAccepted, String advocate, String desiredOutcome) {

		public NewComplaint {
			elements = (elements != null) ? List.copyOf(elements) : List.of();
		}

	}

	/**
	 * The acknowledgement, sent, and whether the complaint is taken under the procedure.
	 *
	 * @param eligible under s26(3)
	 * @param acceptLate for a matter older than the time limit: whether it is taken all
	 * the same, with the reason either way in {@code lateReason}
	 * @param responder who answers at stage 1 (a complaints investigator)
	 */
	public record Acknowledgement(Boolean eligible, String eligibilityNote, Boolean acceptLate, String lateReason,
			String responder, String reasonForDelay) {
	}

	/** A finding on one element, with what it rests on. */
	public record ElementFinding(Finding finding, String note) {
	}

	/**
	 * A stage's answer: a finding for every element and the response's summary. Used for
	 * the stage 1 response, the stage 2 investigation report and adjudication, the
	 * panel's report (its recommendations) and the council's response to the panel.
	 */
	public record Response(Map<Integer, ElementFinding> findings, String summary, String reasonForDelay) {

		public Response {
			findings = (findings != null) ? Map.copyOf(findings) : Map.of();
		}

	}

	/**
	 * Stage 2 set up: the day the complainant agreed the written record of the complaint
	 * (it starts the 25 working days), the investigating officer and the independent
	 * person.
	 */
	public record WrittenRecord(LocalDate agreedOn, String investigatingOfficer, String independentPerson,
			String reasonForDelay) {
	}

	/** The review panel: three independent people, and the day it met. */
	public record PanelMeeting(List<String> members, LocalDate metOn, String reasonForDelay) {

		public PanelMeeting {
			members = (members != null) ? members : List.of();
		}

	}

	/**
	 * The complainant asked for the next stage. A request after its window closed needs
	 * the complaints manager's acceptance and a reason.
	 */
	public record StageRequest(LocalDate requestedOn, String lateReason) {
	}

	/**
	 * More time for the current stage: at stage 1 approved by a service manager; at stage
	 * 2 only once the complainant has been told in writing ({@code noticeOn}).
	 */
	public record Extension(Integer workingDays, String reason, LocalDate noticeOn) {
	}

	public record Withdrawal(String reason) {
	}

	public record OmbudsmanReferral(LocalDate referredOn, String reference) {
	}

}
