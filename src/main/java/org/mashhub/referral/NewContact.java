package org.mashhub.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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

		POLICE, HEALTH, EDUCATION, EARLY_HELP, PROBATION, HOUSING, SOCIAL_CARE, PUBLIC, OTHER;

		/** The agency as a sentence names it: "Early help". */
		public String label() {
			String words = name().toLowerCase(Locale.UK).replace('_', ' ');
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}

	}

	public enum FeedbackRoute {

		EMAIL, PHONE, POST, NONE

	}

	public enum Category {

		NEGLECT, PHYSICAL_ABUSE, SEXUAL_ABUSE, EMOTIONAL_ABUSE, DOMESTIC_ABUSE, EXPLOITATION, MISSING, MENTAL_HEALTH,
		SUBSTANCE_MISUSE, FGM, RADICALISATION, OTHER;

		/** The concern as a sentence names it: "domestic abuse". */
		public String inWords() {
			return name().toLowerCase(Locale.UK).replace('_', ' ');
		}

	}

	public enum ConsentStatus {

		GIVEN, REFUSED, NOT_SOUGHT, OVERRIDDEN

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
