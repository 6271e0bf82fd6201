package org.mashhub.cse.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mashhub.cse.RiskDecision;
import org.mashhub.testing.ProcessTestEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bpmn/cse/CseRiskLevel.dmn} as a table, through the engine's decision service:
 * each row is the decision's inputs, the level it must give and the rules that must fire
 * (strongest first). One row per rule, every floor, and the band edges.
 */
@Deployment(resources = "bpmn/cse/CseRiskLevel.dmn")
class CseRiskLevelDecisionTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessTestEngine.extension();

	@ParameterizedTest(
			name = "score {0}, age {1}, high {2}, disclosure {3}, repeat missing {4}, controlling adult {5} -> {6}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					# score | age  | high  | disclosure | repeat missing | controlling adult | level  | rules fired
					0       | 15   | false | false      | false          | false             | LOW    | BAND_LOW
					5       | 15   | false | false      | false          | false             | LOW    | BAND_LOW
					6       | 15   | false | false      | false          | false             | MEDIUM | BAND_MEDIUM
					11      | 15   | false | false      | false          | false             | MEDIUM | BAND_MEDIUM
					12      | 15   | false | false      | false          | false             | HIGH   | BAND_HIGH
					30      | 16   | true  | false      | false          | false             | HIGH   | BAND_HIGH
					3       | 12   | true  | false      | false          | false             | HIGH   | FLOOR_13_OR_UNDER_WITH_HIGH BAND_LOW
					3       | 13   | true  | false      | false          | false             | HIGH   | FLOOR_13_OR_UNDER_WITH_HIGH BAND_LOW
					3       | 14   | true  | false      | false          | false             | LOW    | BAND_LOW
					3       | 12   | false | false      | false          | false             | LOW    | BAND_LOW
					3       | null | true  | false      | false          | false             | HIGH   | FLOOR_AGE_UNKNOWN_WITH_HIGH BAND_LOW
					3       | null | false | false      | false          | false             | LOW    | BAND_LOW
					3       | 16   | true  | true       | false          | false             | HIGH   | FLOOR_DISCLOSURE BAND_LOW
					12      | 12   | true  | true       | false          | false             | HIGH   | FLOOR_DISCLOSURE FLOOR_13_OR_UNDER_WITH_HIGH BAND_HIGH
					2       | 15   | false | false      | true           | false             | MEDIUM | FLOOR_REPEAT_MISSING BAND_LOW
					3       | 15   | true  | false      | false          | true              | MEDIUM | FLOOR_CONTROLLING_OLDER_ADULT BAND_LOW
					8       | 15   | false | false      | true           | true              | MEDIUM | FLOOR_REPEAT_MISSING FLOOR_CONTROLLING_OLDER_ADULT BAND_MEDIUM
					14      | 17   | false | false      | true           | false             | HIGH   | BAND_HIGH FLOOR_REPEAT_MISSING
					""")
	void theLevelIsTheStrongestRuleThatFires(int score, Integer age, boolean high, boolean disclosure,
			boolean repeatMissing, boolean controllingAdult, String level, String rules) {
		DmnDecisionResult result = engine.getDecisionService()
			.evaluateDecisionByKey(CseScreeningProcess.DECISION_RISK_LEVEL)
			.variables(new RiskDecision.Inputs(score, age, high, disclosure, repeatMissing, controllingAdult)
				.asVariables())
			.evaluate();

		List<Map<String, Object>> fired = result.getResultList();
		assertThat(fired.get(0)).containsEntry("level", level);
		assertThat(fired.stream().map((rule) -> (String) rule.get("rule")).toList()).containsExactly(rules.split(" "));
		assertThat(fired).allSatisfy((rule) -> assertThat((String) rule.get("reason")).isNotBlank());
	}

}
