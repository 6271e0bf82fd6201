package org.mashhub.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The app's clock as the engine keeps it, for process tests whose beans ask the time: the
 * time the test set with ClockUtil.
 */
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock() {
		this(ZoneId.of("Europe/London"));
	}

	private EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
