package org.mashhub.cse.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.mashhub.MashHubApplication;

import org.springframework.stereotype.Component;

/**
 * The exploitation module's hold on the engine: a screening's process is started, and
 * what each scoring and approval leaves for its routing.
 */
@Component
public class CseScreeningWorkflow {

	private final RuntimeService runtime;

	CseScreeningWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Starts the screening's process; returns the process instance id. */
	public String start(String reference, Instant openedAt, LocalDate dateOfBirth, List<String> approvers) {
		return this.runtime
			.startProcessInstanceByKey(CseScreeningProcess.PROCESS, reference,
					startVariables(openedAt, dateOfBirth, approvers))
			.getId();
	}

	/**
	 * What a screening's process starts with: when it opened, when the child turns 18 (it
	 * closes then; with no date of birth known, the latest it can be: 18 years after the
	 * opening), and who approves a lowered level.
	 */
	public static VariableMap startVariables(Instant openedAt, LocalDate dateOfBirth, List<String> approvers) {
		LocalDate adult = (dateOfBirth != null) ? dateOfBirth.plusYears(18)
				: LocalDate.ofInstant(openedAt, MashHubApplication.LOCAL_TIME).plusYears(18);
		return Variables.createVariables()
			.putValue(CseScreeningProcess.OPENED_AT, Date.from(openedAt))
			.putValue(CseScreeningProcess.EIGHTEENTH_BIRTHDAY,
					Date.from(adult.atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant()))
			.putValue(CseScreeningProcess.APPROVERS, String.join(",", approvers));
	}

	/**
	 * The routing facts a screening or review leaves.
	 * @param level the level that stands now (the computed one while a lower one waits
	 * for approval)
	 * @param awaitingApproval a lower level than computed waits for a manager
	 * @param actionsDue the level was set or changed: its actions are raised
	 * @param closed closed as risk reduced
	 * @param reviewPolicy the SLA policy of the next review
	 */
	public static Map<String, Object> scored(Instant scoredAt, String level, boolean awaitingApproval,
			boolean actionsDue, boolean closed, String reviewPolicy) {
		return Map.of(CseScreeningProcess.LAST_SCORED_AT, Date.from(scoredAt), CseScreeningProcess.LEVEL_SETTLED_AT,
				Date.from(scoredAt), CseScreeningProcess.LEVEL, level, CseScreeningProcess.AWAITING_APPROVAL,
				awaitingApproval, CseScreeningProcess.ACTIONS_DUE, actionsDue, CseScreeningProcess.CLOSED, closed,
				CseScreeningProcess.REVIEW_POLICY, reviewPolicy);
	}

	/**
	 * The routing facts a manager's approval or refusal of a lower level leaves: the
	 * level's actions count from the answer, and a review that closed the screening on a
	 * lowered level closes it only when approved.
	 */
	public static Map<String, Object> settled(String level, boolean actionsDue, boolean closed, String reviewPolicy,
			Instant settledAt) {
		return Map.of(CseScreeningProcess.LEVEL_SETTLED_AT, Date.from(settledAt), CseScreeningProcess.LEVEL, level,
				CseScreeningProcess.AWAITING_APPROVAL, false, CseScreeningProcess.ACTIONS_DUE, actionsDue,
				CseScreeningProcess.CLOSED, closed, CseScreeningProcess.REVIEW_POLICY, reviewPolicy);
	}

}
