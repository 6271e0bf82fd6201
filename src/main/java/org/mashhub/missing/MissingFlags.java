package org.mashhub.missing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mashhub.child.ChildFlagSources;

import org.springframework.stereotype.Component;

/**
 * What a child's missing episodes flag wherever the child is shown: missing now (with the
 * episode's reference), and repeat missing while an episode that made them so is within
 * the council's window.
 */
@Component
class MissingFlags implements ChildFlagSources {

	private final EpisodeRecords records;

	private final MissingSettings settings;

	private final Clock clock;

	MissingFlags(EpisodeRecords records, MissingSettings settings, Clock clock) {
		this.records = records;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<String> flagsOf(UUID childId) {
		List<String> flags = new ArrayList<>();
		this.records.openEpisodeOf(childId).ifPresent((reference) -> flags.add("missing now (" + reference + ")"));
		if (this.records.repeatMissingSince(childId,
				this.clock.instant().minus(Duration.ofDays(this.settings.repeatWithinDays())))) {
			flags.add("repeat missing");
		}
		return flags;
	}

}
