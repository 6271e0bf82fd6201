package org.mashhub.cse;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.mashhub.notification.Notices;
import org.mashhub.security.Roles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told as a screening opens (the coordinators, by reference only), and the
 * screening closed when the child turns 18.
 */
@Service
public class ScreeningAlerts {

	private final ScreeningRecords records;

	private final Notices notices;

	private final ApplicationEventPublisher events;

	ScreeningAlerts(ScreeningRecords records, Notices notices, ApplicationEventPublisher events) {
		this.records = records;
		this.notices = notices;
		this.events = events;
	}

	@Transactional
	public void opened(String reference) {
		this.notices.toGroups(List.of(Roles.CSE_COORDINATOR), reference, "A child needs an exploitation screening.",
				ScreeningOpenings.link(reference));
	}

	@Transactional
	public void turnedEighteen(String reference, Instant at) {
		Screening screening = this.records.find(reference)
			.orElseThrow(() -> new NoSuchElementException("No screening " + reference));
		if (this.records.close(screening.id(), "TURNED_18", at)) {
			this.records.addEvent(screening.id(), at, "MASH Hub",
					"Screening closed: the young person turned 18 (consider adult services and transition)");
			this.notices.toGroups(List.of(Roles.CSE_COORDINATOR), reference,
					"A young person with an open exploitation screening turned 18: the screening is closed.",
					ScreeningOpenings.link(reference));
			this.events
				.publishEvent(new ScreeningClosed(reference, screening.child().id(), "TURNED_18", at, "MASH Hub"));
		}
	}

}
