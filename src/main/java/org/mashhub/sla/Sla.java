package org.mashhub.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * SLA due dates for BPMN expressions: {@code ${sla.due('POLICY', receivedAt)}} for a
 * timer's timeDate or a task's due date, {@code ${sla.warn('POLICY', receivedAt)}} for
 * the warning timer and follow-up date. The anchor is the process variable holding the
 * event instant.
 */
@Component(Sla.NAME)
public class Sla {

	static final String NAME = "sla";

	/** How a deadline timer's time begins: {@code ${sla.due(...)}}. */
	static final String DUE = "${" + NAME + ".due(";

	/** How a warning timer's time begins: {@code ${sla.warn(...)}}. */
	static final String WARN = "${" + NAME + ".warn(";

	private final SlaCalculator calculator;

	Sla(SlaCalculator calculator) {
		this.calculator = calculator;
	}

	public Date due(String policy, Object anchor) {
		return Date.from(this.calculator.dueAt(policy, instant(anchor)));
	}

	public Date warn(String policy, Object anchor) {
		return Date.from(this.calculator.warnAt(policy, instant(anchor)));
	}

	/** Due after {@code amount} units of the policy's clock (a stage's extended time). */
	public Date due(String policy, Object anchor, Integer amount) {
		return Date.from(this.calculator.dueAt(policy, instant(anchor), amount));
	}

	public Date warn(String policy, Object anchor, Integer amount) {
		return Date.from(this.calculator.warnAt(policy, instant(anchor), amount));
	}

	static Instant instant(Object anchor) {
		if (anchor instanceof Date date) {
			return date.toInstant();
		}
		if (anchor instanceof Instant instant) {
			return instant;
		}
		if (anchor instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (anchor instanceof ZonedDateTime time) {
			return time.toInstant();
		}
		if (anchor instanceof String text) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("SLA anchor '" + text + "' is not an ISO-8601 date-time", ex);
			}
		}
		throw new IllegalArgumentException("SLA anchor must be an instant, not " + anchor);
	}

}
