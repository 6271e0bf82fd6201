package org.mashhub.sla;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.core.model.PropertyListKey;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What a timed step's boundary timer is to its deadline: the warning, at
 * {@code ${sla.warn(...)}}, or the deadline itself, at {@code ${sla.due(...)}}. Decided
 * once, as the engine parses a process definition ({@link DeadlineParsing}), and kept on
 * the parsed step, so the engine's deployment cache holds it by definition and step and
 * parses it again whenever the cache needs the definition.
 */
enum DeadlineTimer {

	WARNING(Sla.WARN), DUE(Sla.DUE);

	private final String timeStart;

	private final PropertyListKey<String> ofStep;

	DeadlineTimer(String timeStart) {
		this.timeStart = timeStart;
		this.ofStep = new PropertyListKey<>("mash.deadlineTimers." + name());
	}

	/** The kind of timer whose time date is this expression, if it is one. */
	static Optional<DeadlineTimer> of(String timeDate) {
		String time = timeDate.replaceAll("\\s", "");
		for (DeadlineTimer kind : values()) {
			if (time.startsWith(kind.timeStart)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/** Notes a boundary timer as this kind of timer of the step it is attached to. */
	void note(ActivityImpl timer) {
		timer.getEventScope().getProperties().addListItem(this.ofStep, timer.getId());
	}

	/** The ids of the step's boundary timers of this kind. */
	List<String> on(PvmActivity step) {
		return step.getProperties().get(this.ofStep);
	}

}
