package org.mashhub.cse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DMN decision that turns a screening's score and facts into a level, evaluated by
 * the engine's decision service ({@code bpmn/cse/CseRiskLevel.dmn}).
 */
public interface RiskDecision {

	/** Whether a deployed model holds the decision. */
	boolean exists(String decisionKey);

	Outcome decide(String decisionKey, Inputs inputs);

	/**
	 * What the decision is given; kept with each scoring so a reader sees why.
	 *
	 * @param score present indicators at their weight, possible ones at the set points
	 * @param age the child's age in years on the day scored; null when the date of birth
	 * is not known
	 */
	record Inputs(int score, Integer age, boolean highIndicatorPresent, boolean disclosure, boolean repeatMissing,
			boolean controllingOlderAdult) {

		public Map<String, Object> asVariables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("score", this.score);
			variables.put("age", this.age);
			variables.put("highIndicatorPresent", this.highIndicatorPresent);
			variables.put("disclosure", this.disclosure);
			variables.put("repeatMissing", this.repeatMissing);
			variables.put("controllingOlderAdult", this.controllingOlderAdult);
			return variables;
		}

	}

	/**
	 * The level (the strongest rule that fired) and every rule that fired, strongest
	 * first.
	 */
	record Outcome(RiskLevel level, List<FiredRule> rules) {
	}

	record FiredRule(String rule, RiskLevel level, String reason) {
	}

}
