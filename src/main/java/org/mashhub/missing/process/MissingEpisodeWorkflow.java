package org.mashhub.missing.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The missing module's hold on the engine: an episode's process is started, told of a
 * grade raised to high, and told of the child's return.
 */
@Component
public class MissingEpisodeWorkflow {

	private final RuntimeService runtime;

	MissingEpisodeWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * Starts the episode's process: the first risk review is due {@code reviewHours}
	 * after the report. Returns the process instance id.
	 */
	public String start(String reference, Instant startedAt, Instant reportedAt, int reviewHours, boolean high,
			boolean repeatMissing) {
		return this.runtime
			.startProcessInstanceByKey(MissingEpisodeProcess.PROCESS, reference,
					startVariables(startedAt, reportedAt, reviewHours, high, repeatMissing))
			.getId();
	}

	/** What an episode's process starts with: its anchors and routing facts. */
	public static VariableMap startVariables(Instant startedAt, Instant reportedAt, int reviewHours, boolean high,
			boolean repeatMissing) {
		return Variables.createVariables()
			.putValue(MissingEpisodeProcess.STARTED_AT, Date.from(startedAt))
			.putValue(MissingEpisodeProcess.REPORTED_AT, Date.from(reportedAt))
			.putValue(MissingEpisodeProcess.LAST_REVIEWED_AT, Date.from(reportedAt))
			.putValue(MissingEpisodeProcess.REVIEW_HOURS, reviewHours)
			.putValue(MissingEpisodeProcess.RISK_HIGH, high)
			.putValue(MissingEpisodeProcess.REPEAT_MISSING, repeatMissing)
			// None yet: the first call sets it, and no second discussion is called
			.putValueTyped(MissingEpisodeProcess.STRATEGY_DISCUSSION_CALLED_AT, Variables.dateValue(null));
	}

	/**
	 * The routing facts a risk review leaves: the next review follows the grade now, from
	 * this review.
	 */
	public static Map<String, Object> reviewed(Instant reviewedAt, int reviewHours, boolean high) {
		return Map.of(MissingEpisodeProcess.LAST_REVIEWED_AT, Date.from(reviewedAt), MissingEpisodeProcess.REVIEW_HOURS,
				reviewHours, MissingEpisodeProcess.RISK_HIGH, high);
	}

	/**
	 * The grade became high: a strategy discussion is called now, if none was yet.
	 */
	public void riskRaisedToHigh(String reference) {
		this.runtime.createMessageCorrelation(MissingEpisodeProcess.MESSAGE_RISK_RAISED_TO_HIGH)
			.processInstanceBusinessKey(reference)
			.correlateAll();
	}

	/** The child is back: reviews stop, and the 72 hours of the interview start. */
	public void returned(String reference, Instant returnedAt) {
		this.runtime.createMessageCorrelation(MissingEpisodeProcess.MESSAGE_CHILD_RETURNED)
			.processInstanceBusinessKey(reference)
			.setVariable(MissingEpisodeProcess.RETURNED_AT, Date.from(returnedAt))
			.correlateAll();
	}

}
