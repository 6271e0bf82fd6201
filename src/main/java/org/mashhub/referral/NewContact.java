package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * A contact as a referrer sends it: who refers, the children (siblings share one
 * contact), the worries, consent, and domestic-abuse details when there are any. Free
 * text is kept as given.
 *
 * @param receivedAt when the front door received it; now when absent, never more than 7
 * days ago
 */
public record NewContact(Instant receivedAt, @NotNull @Valid Referrer referrer,
		@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid ChildInContact> children,
		@NotBlank @Size(max = 20000) String concerns, @NotEmpty @Size(max = 12) List<@NotNull Category> categories,
		@NotNull @Valid Consent consent, @Valid DomesticAbuse domesticAbuse) {

	public enum Agency {

		POLICE("Police"), HEALTH("Health"), EDUCATION("Education"), EARLY_HELP("Early help"), PROBATION("Probation"),
		HOUSING("Housing"), SOCIAL_CARE("Social care"), PUBLIC("Member of the public"), OTHER("Other");

		private final String label;

		Agency(String label) {
			this.label = label;
		}

		/** The agency as a sentence names it: "Early help". */
		public String label() {
			return this.label;
		}

	}

	public enum FeedbackRoute {

		EMAIL("Email"), PHONE("Phone"), POST("Post"), NONE("No feedback");

		private final String label;

		FeedbackRoute(String label) {
			this.label = label;
		}

		/** The route as a person picks it: "Email". */
		public String label() {
			return this.label;
		}

	}

	public enum Category {

		NEGLECT("neglect"), PHYSICAL_ABUSE("physical abuse"), SEXUAL_ABUSE("sexual abuse"),
		EMOTIONAL_ABUSE("emotional abuse"), DOMESTIC_ABUSE("domestic abuse"), EXPLOITATION("exploitation"),
		MISSING("going missing"), MENTAL_HEALTH("mental health"), SUBSTANCE_MISUSE("substance misuse"),
		FGM("female genital mutilation (FGM)"), RADICALISATION("radicalisation"), OTHER("other concerns");

		private final String words;

		Category(String words) {
			this.words = words;
		}

		/** The concern as a sentence names it: "domestic abuse". */
		public String inWords() {
			return this.words;
		}

		/** The concern on its own, as a list or a checkbox shows it: "Domestic abuse". */
		public String label() {
			return Character.toUpperCase(this.words.charAt(0)) + this.words.substring(1);
		}

	}

	public enum ConsentStatus {

		GIVEN("Given"), REFUSED("Refused"), NOT_SOUGHT("Not sought"), OVERRIDDEN("Overridden");

		private final String label;

		ConsentStatus(String label) {
			this.label = label;
		}

		/** The status as a person reads it: "Not sought". */
		public String label() {
			return this.label;
		}

	}

	public record Referrer(@NotBlank @Size(max = 200) String name, @NotNull Agency agency, @Size(max = 200) String role,
			@Size(max = 50) String phone, @Email @Size(max = 200) String email, @NotNull FeedbackRoute feedbackRoute) {
	}

	public record ChildInContact(@NotBlank @Size(max = 100) String givenNames,
			@NotBlank @Size(max = 100) String familyName, @Past LocalDate dateOfBirth, @Size(max = 30) String gender,
			@Size(max = 20) String nhsNumber, @Size(max = 500) String address, @Size(max = 200) String school) {
	}

	/**
	 * @param givenBy who consented (GIVEN)
	 * @param notSoughtReason why it was not sought (NOT_SOUGHT)
	 * @param lawfulBasis, overrideReason, authorisedBy why and on whose authority it was
	 * overridden (OVERRIDDEN)
	 */
	public record Consent(@NotNull ConsentStatus status, @Size(max = 200) String givenBy,
			@Size(max = 2000) String notSoughtReason, @Size(max = 500) String lawfulBasis,
			@Size(max = 2000) String overrideReason, @Size(max = 200) String authorisedBy) {
	}

	/**
	 * @param dashTicks the DASH risk checklist score, 0 to 24
	 * @param safeToContactVictim whether the victim may be contacted at all; no letter is
	 * sent without it and a route
	 */
	public record DomesticAbuse(@Min(0) @Max(24) Integer dashTicks, @Min(0) @Max(365) Integer incidentsLast12Months,
			Boolean safeToContactVictim, @Size(max = 500) String safeContactRoute) {
	}

}
