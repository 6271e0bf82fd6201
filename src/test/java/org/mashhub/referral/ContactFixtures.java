package org.mashhub.referral;

/**
 * Contacts as partner systems send them, as JSON.
 */
final class ContactFixtures {

	private ContactFixtures() {
	}

	/**
	 * A police contact about two siblings, with domestic abuse and consent overridden.
	 */
	static String aPoliceContactAboutTwoSiblings(String receivedAt) {
		return """
				{
				  "receivedAt": "%s",
				  "referrer": {"name": "PC Jane Doe", "agency": "POLICE", "role": "Public protection officer",
				               "phone": "01632 960001", "email": "jane.doe@police.example", "feedbackRoute": "EMAIL"},
				  "children": [
				    {"givenNames": "Amy", "familyName": "Test", "dateOfBirth": "2016-04-01", "nhsNumber": "943 476 5919",
				     "address": "1 High Street, Anytown", "school": "Anytown Primary"},
				    {"givenNames": "Ben", "familyName": "Test", "dateOfBirth": "2019-09-12"}
				  ],
				  "concerns": "Police attended a domestic incident at <b>home</b>; children present.",
				  "categories": ["DOMESTIC_ABUSE", "EMOTIONAL_ABUSE"],
				  "consent": {"status": "OVERRIDDEN", "lawfulBasis": "Children Act 1989 s47",
				              "overrideReason": "Risk of significant harm", "authorisedBy": "DS Smith"},
				  "domesticAbuse": {"dashTicks": 15, "incidentsLast12Months": 3, "safeToContactVictim": false}
				}"""
			.formatted(receivedAt);
	}

}
