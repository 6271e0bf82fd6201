package org.mashhub.cse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What each screening form and API call carries. */
public final class ScreeningForms {

	private ScreeningForms() {
	}

	/** A screening opened by the coordinator: the child and the concern. */
	public record Opening(ChildDetails child, Instant raisedAt, String concern) {
	}

	public record ChildDetails(String givenNames, String familyName, LocalDate dateOfBirth, String nhsNumber) {
	}

	/** One indicator as the coordinator found it; an indicator left out is absent. */
	public record IndicatorEntry(String code, IndicatorAnswer answer, LocalDate observedOn, String agency,
			EvidenceBasis basis, String note) {
	}

	/**
	 * A screening or review.
	 *
	 * @param level the coordinator's level; none keeps the computed one
	 * @param closeAsRiskReduced at a review: close the screening
	 */
	public record Scoring(List<IndicatorEntry> indicators, Instant scoredAt, RiskLevel level, String rationale,
			List<CinFactor> cinFactors, String summary, boolean closeAsRiskReduced, String reasonForDelay) {

		public Scoring {
			indicators = (indicators != null) ? List.copyOf(indicators) : List.of();
			cinFactors = (cinFactors != null) ? List.copyOf(cinFactors) : List.of();
		}

	}

	/** A manager's answer to a level lowered below the computed one. */
	public record Approval(Boolean approve, String note, String reasonForDelay) {
	}

	/** What one of a level's actions recorded; a meeting agrees a safety plan too. */
	public record Action(Instant heldAt, String attendees, String outcome, SafetyPlan safetyPlan,
			String reasonForDelay) {
	}

	public record SafetyPlan(String summary, List<PlanAction> actions) {

		public SafetyPlan {
			actions = (actions != null) ? List.copyOf(actions) : List.of();
		}

	}

	public record PlanAction(String action, String owner, LocalDate dueOn) {
	}

	/** A place or group linked to the child: one already recorded, or a new one. */
	public record PlaceLink(UUID placeId, PlaceKind kind, String name, String description, String note) {
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
