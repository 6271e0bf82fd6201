package org.mashhub.missing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What each step's form (and the API) sends: a report, a return, a risk review, a
 * meeting, a return home interview. Checked by the step's service.
 */
public final class EpisodeForms {

	private EpisodeForms() {
	}

	/**
	 * A child reported missing or away.
	 *
	 * @param reportedAt when the report was made; null: now
	 * @param leftAt when the child left, if known; the episode starts at the later of
	 * this and {@code lastSeenAt}
	 */
	public record NewReport(@Valid ChildDetails child, EpisodeType type, @Size(max = 50) String riskGrade,
			Instant lastSeenAt, Instant leftAt, Instant reportedAt, @Size(max = 200) String reportedByName,
			@Size(max = 200) String reportedByRole, @Size(max = 100) String policeReference,
			@Size(max = 500) String placement, @Size(max = 200) String placingAuthority,
			@Size(max = 200) String placingAuthorityContact, @Size(max = 20000) String circumstances,
			@Size(max = 30) List<@NotNull @Size(max = 200) String> exploitationIndicators) {

		public NewReport {
			exploitationIndicators = (exploitationIndicators != null) ? List.copyOf(exploitationIndicators) : List.of();
		}

	}

	public record ChildDetails(@Size(max = 100) String givenNames, @Size(max = 100) String familyName,
			LocalDate dateOfBirth, @Size(max = 20) String nhsNumber, @Size(max = 30) String gender) {
	}

	/**
	 * The child was found or came back; the police prevention interview, if held, is
	 * recorded with it as a police fact.
	 */
	public record ReturnReport(Instant returnedAt, @Size(max = 200) String foundBy, @Size(max = 500) String foundWhere,
			Instant preventionInterviewAt, @Size(max = 200) String preventionInterviewBy) {
	}

	/** A risk review while the child is missing: the grade now, and why if it changed. */
	public record RiskReview(String riskGrade, String reason, String notes, String reasonForDelay) {
	}

	/** A strategy discussion or a repeat-missing meeting, as held. */
	public record Meeting(Instant heldAt, String attendees, String outcome, String actions, String reasonForDelay) {
	}

	/** The return home interview, as the RHI worker records it. */
	public record Interview(Instant offeredAt, String offeredHow, String offeredBy, InterviewOutcome outcome,
			String outcomeReason, String carerKnows, Instant heldAt, String heldWhere, ProviderType providerType,
			String beforeEpisode, String duringEpisode, String afterEpisode, List<String> pushFactors,
			List<String> pullFactors, String factorsNote, String harm, String childWords, String actions,
			Boolean intelligenceToPolice, String intelligenceNote, List<String> exploitationIndicators,
			String reasonForDelay) {

		public Interview {
			pushFactors = (pushFactors != null) ? List.copyOf(pushFactors) : List.of();
			pullFactors = (pullFactors != null) ? List.copyOf(pullFactors) : List.of();
			exploitationIndicators = (exploitationIndicators != null) ? List.copyOf(exploitationIndicators) : List.of();
		}

	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
