package org.mashhub.testing;

import java.util.Map;

/**
 * A well-formed body for every API endpoint that writes, as its clients send it: the
 * access matrix sends them so that a request reaches the rules behind the body's checks,
 * and the hostile-input test breaks them field by field.
 */
public final class ApiSamples {

	private static final String CONTACT = """
			{"receivedAt": "2026-11-20T16:00:00Z",
			 "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "role": "Officer", "phone": "01632 960001",
			              "email": "jane.doe@police.example", "feedbackRoute": "EMAIL"},
			 "children": [{"givenNames": "Amy", "familyName": "Sample", "dateOfBirth": "2016-04-01",
			               "nhsNumber": "943 476 5919", "gender": "Female", "address": "1 High Street",
			               "school": "Anytown Primary"}],
			 "concerns": "Police attended a domestic incident; children present.",
			 "categories": ["DOMESTIC_ABUSE"],
			 "consent": {"status": "GIVEN", "givenBy": "Mother"},
			 "domesticAbuse": {"dashTicks": 5, "incidentsLast12Months": 1, "safeToContactVictim": false}}""";

	private static final String COMPLAINT = """
			{"receivedAt": "2026-11-20T10:00:00Z", "receivedVia": "Letter", "complainantName": "Jo Parent",
			 "complainantContact": "1 High Street", "complainantType": "PARENT", "childName": "Kim Parent",
			 "childDateOfBirth": "2012-05-01", "childConsent": "WRITTEN_CONSENT", "matterAroseOn": "2026-10-01",
			 "advocacyOffered": false, "elements": [{"summary": "Nobody returned my calls", "theme": "Communication"}]}""";

	private static final String FINDINGS = """
			{"findings": {"1": {"finding": "PARTLY_UPHELD", "note": "Some calls missed"}},
			 "summary": "Apology for the missed calls", "reasonForDelay": "Investigator on leave"}""";

	private static final String MISSING_EPISODE = """
			{"child": {"givenNames": "Sky", "familyName": "Sample", "dateOfBirth": "2011-03-04", "nhsNumber": "",
			           "gender": "Female"},
			 "type": "M", "riskGrade": "MEDIUM", "lastSeenAt": "2026-11-20T08:00:00Z", "leftAt": "2026-11-20T07:30:00Z",
			 "reportedAt": "2026-11-20T09:00:00Z", "reportedByName": "Pat Carer", "reportedByRole": "Foster carer",
			 "policeReference": "MIS/26/0001", "placement": "12 Oak Road", "placingAuthority": "Shire County Council",
			 "placingAuthorityContact": "missing@shire.example", "circumstances": "Did not come home from school.",
			 "exploitationIndicators": ["Older or controlling adult"]}""";

	private static final String RETURN = """
			{"returnedAt": "2026-11-20T15:00:00Z", "foundBy": "PC Lee", "foundWhere": "Town centre",
			 "preventionInterviewAt": "2026-11-20T16:00:00Z", "preventionInterviewBy": "PC Lee"}""";

	private static final String SCREENING = """
			{"child": {"givenNames": "Lou", "familyName": "Sample", "dateOfBirth": "2012-07-08", "nhsNumber": ""},
			 "raisedAt": "2026-11-20T10:00:00Z", "concern": "Youth worker: seen with older men at the station."}""";

	/** By "METHOD /path/{pattern}", as the request mappings name them. */
	public static final Map<String, String> BODIES = Map.ofEntries(Map.entry("POST /api/contacts", CONTACT),
			Map.entry("POST /api/complaints", COMPLAINT), Map.entry("POST /api/missing-episodes", MISSING_EPISODE),
			Map.entry("POST /api/cse/screenings", SCREENING),
			Map.entry("POST /api/missing-episodes/{reference}/return", RETURN),
			Map.entry("POST /api/complaints/tasks/{taskId}/acknowledgement",
					"{\"eligible\": true, \"responder\": \"ian.investigator\"}"),
			Map.entry("POST /api/complaints/tasks/{taskId}/response", FINDINGS),
			Map.entry("POST /api/complaints/tasks/{taskId}/written-record",
					"{\"agreedOn\": \"2026-11-20\", \"investigatingOfficer\": \"ian.investigator\","
							+ " \"independentPerson\": \"Pat Independent\"}"),
			Map.entry("POST /api/complaints/tasks/{taskId}/panel-meeting",
					"{\"members\": [\"Robin Chair\", \"Alex Member\", \"Sam Member\"], \"metOn\": \"2026-11-20\"}"),
			Map.entry("POST /api/complaints/{reference}/stage-requests",
					"{\"stage\": 2, \"requestedOn\": \"2026-11-20\"}"),
			Map.entry("POST /api/complaints/{reference}/extension",
					"{\"workingDays\": 20, \"reason\": \"Complex\", \"noticeOn\": \"2026-11-20\"}"),
			Map.entry("POST /api/complaints/{reference}/withdrawal", "{\"reason\": \"Resolved by phone\"}"),
			Map.entry("POST /api/complaints/{reference}/ombudsman-referral",
					"{\"referredOn\": \"2026-11-20\", \"reference\": \"LGSCO 26 001 234\"}"),
			Map.entry("POST /api/complaints/{reference}/deadlines/{deadlineId}/reason-for-delay",
					"{\"reason\": \"Investigator on leave\"}"),
			Map.entry("POST /api/triage/tasks/{taskId}/screening", """
					{"rag": "AMBER", "summary": "Neglect concerns.", "newChildRecord": true,
					 "agencyChecks": [{"agency": "POLICE", "question": "Any call-outs?", "shareConcerns": false}],
					 "safeToContactVictim": true, "safeContactRoute": "Mobile after 6pm"}"""),
			Map.entry("POST /api/triage/tasks/{taskId}/answer", "{\"answer\": \"Two call-outs this year.\"}"),
			Map.entry("POST /api/triage/tasks/{taskId}/decision",
					"{\"levelOfNeed\": 3, \"outcome\": \"CIN_S17_ASSESSMENT\", \"rationale\": \"Needs assessment.\"}"),
			Map.entry("POST /api/triage/tasks/{taskId}/feedback",
					"{\"route\": \"EMAIL\", \"summary\": \"Told PC Doe.\", \"letterToFamily\": false}"),
			Map.entry("POST /api/triage/tasks/{taskId}/done", "{\"note\": \"Strategy discussion held.\"}"),
			Map.entry("POST /api/contacts/{reference}/children/{position}/rag",
					"{\"rag\": \"RED\", \"reason\": \"New disclosure\"}"),
			Map.entry("POST /api/tasks/{taskId}/claim", ""), Map.entry("POST /api/tasks/{taskId}/unclaim", ""),
			Map.entry("POST /api/tasks/{taskId}/complete", "{\"reasonForDelay\": \"Court\"}"),
			Map.entry("POST /api/tasks/claims", "{\"taskIds\": [\"00000000-0000-0000-0000-000000000001\"]}"),
			Map.entry("POST /api/tasks/reassignment",
					"{\"tasks\": [{\"taskId\": \"00000000-0000-0000-0000-000000000001\", \"version\": 1}],"
							+ " \"to\": \"sid.screener\", \"reason\": \"Sam is in court\"}"),
			Map.entry("POST /api/notices/{id}/read", ""),
			Map.entry("POST /api/deadlines/{id}/extension", "{\"amount\": 20, \"reason\": \"Complex\"}"),
			Map.entry("POST /api/deadlines/{id}/pause", "{\"reason\": \"Advocate being appointed\"}"),
			Map.entry("POST /api/deadlines/{id}/resume", ""),
			Map.entry("POST /api/calendar/closure-days", "{\"day\": \"2031-06-02\", \"reason\": \"Jubilee\"}"),
			Map.entry("DELETE /api/calendar/closure-days/{day}", ""));

	private ApiSamples() {
	}

}
