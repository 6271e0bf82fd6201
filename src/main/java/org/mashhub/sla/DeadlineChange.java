package org.mashhub.sla;

import java.time.Instant;

/**
 * One entry of a deadline's timeline: opened, extended, paused, resumed, moved by the
 * calendar, warned, breached, met or cancelled.
 */
public record DeadlineChange(Instant changedAt, String changedBy, String kind, String reason, Instant dueBefore,
		Instant dueAfter) {

}
