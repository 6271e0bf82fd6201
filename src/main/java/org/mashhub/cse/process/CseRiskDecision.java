package org.mashhub.cse.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.mashhub.cse.RiskDecision;
import org.mashhub.cse.RiskLevel;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The level decision through the engine's decision service: the latest deployed version
 * of the instrument's decision, its RULE ORDER result read as the level (the first rule)
 * and why (all of them).
 */
@Component
class CseRiskDecision implements RiskDecision {

	private final DecisionService decisions;

	private final Set<String> modelled;

	CseRiskDecision(DecisionService decisions) {
		this.decisions = decisions;
		this.modelled = modelledDecisions();
	}

	@Override
	public boolean exists(String decisionKey) {
		return this.modelled.contains(decisionKey);
	}

	@Override
	public Outcome decide(String decisionKey, Inputs inputs) {
		DmnDecisionResult result = this.decisions.evaluateDecisionByKey(decisionKey)
			.variables(inputs.asVariables())
			.evaluate();
		List<FiredRule> fired = result.getResultList()
			.stream()
			.map((entry) -> new FiredRule((String) entry.get("rule"), RiskLevel.valueOf((String) entry.get("level")),
					(String) entry.get("reason")))
			.toList();
		if (fired.isEmpty()) {
			throw new IllegalStateException("Decision " + decisionKey + " found no level for " + inputs);
		}
		return new Outcome(fired.get(0).level(), fired);
	}

	/** The decisions of every model in bpmn/, read once: those the engine deploys. */
	private static Set<String> modelledDecisions() {
		Set<String> keys = new HashSet<>();
		try {
			for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.dmn")) {
				try (InputStream in = model.getInputStream()) {
					Dmn.readModelFromStream(in)
						.getModelElementsByType(Decision.class)
						.forEach((decision) -> keys.add(decision.getId()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keys;
	}

}
