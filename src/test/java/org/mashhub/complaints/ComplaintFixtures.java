package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Complaints and the complaints team's answers as the API takes them, as JSON: who
 * complains and about what, the acknowledgement, each stage's response, the written
 * record, requests for the next stage, extensions and the review panel.
 */
final class ComplaintFixtures {

	/** The investigator the fixtures allocate a stage 1 response to. */
	static final String INVESTIGATOR = "ian.investigator";

	/** The stage 2 independent person of the fixtures' written record. */
	static final String INDEPENDENT_PERSON = "Pat Independent";

	private ComplaintFixtures() {
	}

	/**
	 * Jo Parent complains by letter, for Kim (born 1 May 2012, who agreed in writing),
	 * about two things: nobody returned the calls (Communication) and the assessment took
	 * too long (Delay).
	 */
	static String aComplaintFromAParent(String receivedAt, String matterAroseOn) {
		return aComplaintFromAParentFor("2012-05-01", "WRITTEN_CONSENT", receivedAt, matterAroseOn);
	}

	/** A parent's complaint about a matter two months before its receipt: in time. */
	static String aStage1Complaint(String receivedAt) {
		return aComplaintFromAParent(receivedAt, dayOf(receivedAt).minusMonths(2).toString());
	}

	/**
	 * A parent's complaint about a matter two and a half years before its receipt, past
	 * the 12 months in which complaints are normally made.
	 */
	static String aComplaintAboutAnOldMatter(String receivedAt) {
		return aComplaintFromAParent(receivedAt, dayOf(receivedAt).minusMonths(30).toString());
	}

	/**
	 * A parent's complaint made for Kim, born on that day, with the child's consent as
	 * given (null: none recorded), about a matter two months before.
	 */
	static String aComplaintAboutChild(String receivedAt, String childDateOfBirth, String childConsent) {
		return aComplaintFromAParentFor(childDateOfBirth, childConsent, receivedAt,
				dayOf(receivedAt).minusMonths(2).toString());
	}

	/** Kim complains for themselves by phone, and nobody offered an advocate. */
	static String aComplaintFromAChildNotOfferedAnAdvocate(String receivedAt) {
		return """
				{"receivedAt": "%s", "receivedVia": "Phone", "complainantName": "Kim",
				 "complainantContact": "07700 900000", "complainantType": "CHILD", "matterAroseOn": "%s",
				 "elements": [{"summary": "My social worker keeps changing", "theme": "Quality of service"}]}"""
			.formatted(receivedAt, dayOf(receivedAt).minusMonths(2));
	}

	/** The acknowledgement: eligible, in time, stage 1 allocated to the responder. */
	static String anAcceptance(String responder) {
		return "{\"eligible\": true, \"responder\": \"" + responder + "\"}";
	}

	/** Eligible, but the matter is old: not accepted, with the manager's reason. */
	static String aRefusalAsOutOfTime(String lateReason) {
		return "{\"eligible\": true, \"acceptLate\": false, \"lateReason\": \"" + lateReason + "\"}";
	}

	/**
	 * A stage's answer in time: element 1 partly upheld (some calls missed), element 2
	 * not upheld.
	 */
	static String aResponse() {
		return response("");
	}

	/** The same answer, given late, with the reason for the delay. */
	static String aResponseLateBecause(String reasonForDelay) {
		return response(", \"reasonForDelay\": \"" + reasonForDelay + "\"");
	}

	/**
	 * The stage 2 written record agreed that day, with the fixtures' officer and person.
	 */
	static String aWrittenRecord(String agreedOn) {
		return """
				{"agreedOn": "%s", "investigatingOfficer": "%s", "independentPerson": "%s"}""".formatted(agreedOn,
				INVESTIGATOR, INDEPENDENT_PERSON);
	}

	/** The complainant asked for the stage on that day. */
	static String aStageRequest(int stage, String requestedOn) {
		return "{\"stage\": " + stage + ", \"requestedOn\": \"" + requestedOn + "\"}";
	}

	/**
	 * The complainant asked after the window closed; the manager takes it for that
	 * reason.
	 */
	static String aLateStageRequest(int stage, String requestedOn, String lateReason) {
		return "{\"stage\": " + stage + ", \"requestedOn\": \"" + requestedOn + "\", \"lateReason\": \"" + lateReason
				+ "\"}";
	}

	/** More time for the stage, with no written notice to the complainant. */
	static String anExtension(int workingDays, String reason) {
		return "{\"workingDays\": " + workingDays + ", \"reason\": \"" + reason + "\"}";
	}

	/** More time for the stage, the complainant told in writing on that day. */
	static String anExtensionToldInWriting(int workingDays, String reason, String noticeOn) {
		return "{\"workingDays\": " + workingDays + ", \"reason\": \"" + reason + "\", \"noticeOn\": \"" + noticeOn
				+ "\"}";
	}

	/** The review panel met that day, with the reason it was late (null: none given). */
	static String aPanelMeeting(String metOn, String reasonForDelay, String... members) {
		String names = Arrays.stream(members)
			.map((member) -> "\"" + member + "\"")
			.collect(Collectors.joining(", ", "[", "]"));
		return "{\"members\": " + names + ", \"metOn\": \"" + metOn + "\""
				+ ((reasonForDelay != null) ? ", \"reasonForDelay\": \"" + reasonForDelay + "\"" : "") + "}";
	}

	static String anOmbudsmanReferral(String referredOn, String reference) {
		return "{\"referredOn\": \"" + referredOn + "\", \"reference\": \"" + reference + "\"}";
	}

	static String aWithdrawal(String reason) {
		return "{\"reason\": \"" + reason + "\"}";
	}

	static String aReasonForDelay(String reason) {
		return "{\"reason\": \"" + reason + "\"}";
	}

	private static String aComplaintFromAParentFor(String childDateOfBirth, String childConsent, String receivedAt,
			String matterAroseOn) {
		return """
				{"receivedAt": "%s", "receivedVia": "Letter", "complainantName": "Jo Parent",
				 "complainantContact": "1 High Street, Anytown", "complainantType": "PARENT",
				 "childName": "Kim Parent", "childDateOfBirth": "%s",%s
				 "matterAroseOn": "%s", "advocacyOffered": false,
				 "elements": [{"summary": "Nobody returned my calls", "theme": "Communication"},
				              {"summary": "The assessment took too long", "theme": "Delay"}]}""".formatted(receivedAt,
				childDateOfBirth, (childConsent != null) ? " \"childConsent\": \"" + childConsent + "\"," : "",
				matterAroseOn);
	}

	private static String response(String more) {
		return """
				{"findings": {"1": {"finding": "PARTLY_UPHELD", "note": "Some calls missed"},
				              "2": {"finding": "NOT_UPHELD"}},
				 "summary": "Apology for the missed calls; the assessment was within timescale"%s}""".formatted(more);
	}

	/** The day of an instant as the fixtures date things: its UTC date. */
	private static LocalDate dayOf(String instant) {
		return LocalDate.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
	}

}
