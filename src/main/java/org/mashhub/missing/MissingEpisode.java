package org.mashhub.missing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * A missing episode as recorded: the child, the report, the current risk grade and the
 * return, once there is one.
 *
 * @param interviewDueAt when the return home interview is due (72 clock hours after the
 * return), null while the child is missing
 */
public record MissingEpisode(UUID id, String reference, ChildInEpisode child, Report report, String riskGrade,
		boolean repeatMissing, Return returned, Instant interviewDueAt, String processInstanceId) {

	public boolean isOpen() {
		return this.returned == null;
	}

	/**
	 * The child, as the report named them, with where they live.
	 *
	 * @param placingAuthority the council that placed the child here, null when it is
	 * ours
	 */
	public record ChildInEpisode(UUID id, String givenNames, String familyName, LocalDate dateOfBirth, String placement,
			String placingAuthority, String placingAuthorityContact) {

		public String fullName() {
			return this.givenNames + " " + this.familyName;
		}

		public int ageOn(LocalDate day) {
			return Period.between(this.dateOfBirth, day).getYears();
		}

	}

	/**
	 * @param startedAt the later of leaving and being last seen by a responsible adult
	 * @param channel STAFF (the form) or PARTNER_API (a partner system)
	 */
	public record Report(EpisodeType type, Instant lastSeenAt, Instant leftAt, Instant startedAt, Instant reportedAt,
			String reportedByName, String reportedByRole, String reportingAgency, String recordedBy, String channel,
			String policeReference, String circumstances, List<String> exploitationIndicators) {
	}

	/**
	 * The return, with the police prevention interview (a police record, never the return
	 * home interview).
	 */
	public record Return(Instant returnedAt, String foundBy, String foundWhere, Instant recordedAt, String recordedBy,
			Instant preventionInterviewAt, String preventionInterviewBy) {
	}

}
