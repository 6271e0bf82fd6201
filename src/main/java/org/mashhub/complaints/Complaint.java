package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A complaint as its readers see it: who complained and about what, where it stands, each
 * stage reached and each element's findings.
 */
public record Complaint(UUID id, String reference, Instant receivedAt, String receivedVia, Instant loggedAt,
		String loggedBy, String complainantName, String complainantContact, ComplainantType complainantType,
		String childName, LocalDate childDateOfBirth, ChildConsent childConsent, String childConsentNote,
		LocalDate matterAroseOn, boolean advocacyOffered, Boolean advocacyAccepted, String advocate,
		String desiredOutcome, Status status, int stage, Instant acknowledgedAt, String acknowledgedBy,
		Boolean eligible, String eligibilityNote, String lateAcceptanceReason, String acceptedBy,
		String stage1Responder, String investigatingOfficer, String independentPerson, List<String> panelMembers,
		Instant windowClosesAt, Instant closedAt, Closure closure, String withdrawalReason,
		LocalDate ombudsmanReferredOn, String ombudsmanReference, String processInstanceId, List<Element> elements,
		List<Stage> stages) {

	public enum Status {

		/** A stage is being worked. */
		OPEN,
		/**
		 * Stage 1 answered: the complainant may ask for stage 2 until the window closes.
		 */
		AWAITING_STAGE_2_REQUEST,
		/** Stage 2 answered: the complainant may ask for a review panel. */
		AWAITING_STAGE_3_REQUEST, CLOSED

	}

	/** One thing complained about, with its finding at each stage answered so far. */
	public record Element(int position, String summary, String theme, Map<Integer, StageFinding> findings) {

		/** The finding of the latest stage that answered, or null before any. */
		public StageFinding latest() {
			return this.findings.entrySet()
				.stream()
				.max(Map.Entry.comparingByKey())
				.map(Map.Entry::getValue)
				.orElse(null);
		}

	}

	/**
	 * @param proposed the investigating officer's finding at stage 2, the panel's
	 * recommendation at stage 3
	 */
	public record StageFinding(int stage, Finding finding, Finding proposed, String note, String recordedBy,
			Instant recordedAt) {
	}

	/**
	 * A stage reached.
	 *
	 * @param startedAt what its time counts from: receipt at stage 1, the agreed written
	 * record at stage 2, the request at stage 3
	 * @param inTime whether every deadline of the stage was met
	 */
	public record Stage(int stage, Instant requestedAt, Instant requestWindowClosedAt, String lateRequestReason,
			String lateRequestAcceptedBy, Instant startedAt, Integer extendedTo, String extensionReason,
			String extendedBy, LocalDate extensionNoticeOn, Instant respondedAt, Instant responseDueAt, Boolean inTime,
			Integer workingDays, String responseSummary) {
	}

	/** Something that happened to the complaint, for its timeline. */
	public record Event(Instant occurredAt, String by, String what) {
	}

	public boolean isOpen() {
		return this.status != Status.CLOSED;
	}

	/** The stage being worked or last answered. */
	public Stage currentStage() {
		return this.stages.stream().filter((s) -> s.stage() == this.stage).findFirst().orElse(null);
	}

	public Stage stage(int number) {
		return this.stages.stream().filter((s) -> s.stage() == number).findFirst().orElse(null);
	}

	/** Whether someone complains for a child rather than for themselves. */
	public boolean onBehalfOfChild() {
		return this.childName != null;
	}

}
