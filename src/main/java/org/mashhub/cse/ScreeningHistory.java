package org.mashhub.cse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a screening holds besides itself: its concerns, timeline, scorings and actions.
 */
public final class ScreeningHistory {

	private ScreeningHistory() {
	}

	/** A concern that opened or joined the screening. */
	public record Trigger(TriggerSource source, String sourceReference, Instant raisedAt, String raisedBy,
			String summary) {
	}

	public record Event(Instant occurredAt, String actor, String summary) {
	}

	/**
	 * One scoring: the inputs given to the decision, what it computed and why, and the
	 * coordinator's judgement with any manager's approval.
	 *
	 * @param finalLevel null while a lower level waits for approval
	 */
	public record Scoring(UUID id, String kind, Instant scoredAt, String scoredBy, int instrumentVersion, int score,
			RiskDecision.Inputs inputs, List<RiskDecision.FiredRule> rulesFired, RiskLevel computedLevel,
			RiskLevel proposedLevel, String rationale, RiskLevel finalLevel, String approval, String approvedBy,
			Instant approvedAt, String approvalNote, String summary, boolean closes, List<Answer> answers) {

		public boolean isReview() {
			return "REVIEW".equals(this.kind);
		}

		public boolean isOverride() {
			return this.proposedLevel != this.computedLevel;
		}

	}

	/** An indicator as a scoring found it; one that dropped out was shown, not scored. */
	public record Answer(String indicatorCode, IndicatorAnswer answer, LocalDate observedOn, String agency,
			EvidenceBasis basis, String note, boolean droppedOut) {
	}

	/** What one of a level's actions recorded. */
	public record Action(String kind, Instant heldAt, String attendees, String outcome, String recordedBy) {

		public String kindLabel() {
			return switch (this.kind) {
				case "STEP_DOWN" -> "Advice or step-down";
				case "RISK_MANAGEMENT_MEETING" -> "Risk management meeting";
				case "STRATEGY_DISCUSSION" -> "Strategy discussion";
				default -> "Referral to the MACE panel";
			};
		}

	}

	public record SafetyPlan(int version, String summary, Instant recordedAt, String recordedBy,
			List<PlanAction> actions) {
	}

	public record PlanAction(String action, String owner, LocalDate dueOn) {
	}

}
