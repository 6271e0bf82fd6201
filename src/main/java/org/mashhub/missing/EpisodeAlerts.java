package org.mashhub.missing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.mashhub.child.ChildRecords;
import org.mashhub.notification.Notices;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told, and when, while a child is missing: at the report the child's social
 * worker, the missing coordinators and a placing authority; at 24 hours a manager; when a
 * strategy discussion is called, the coordinators. Notices carry the episode reference,
 * never the child's details; each is recorded on the episode's timeline.
 */
@Service
public class EpisodeAlerts {

	private final EpisodeRecords records;

	private final ChildRecords children;

	private final Notices notices;

	private final MissingSettings settings;

	private final Clock clock;

	EpisodeAlerts(EpisodeRecords records, ChildRecords children, Notices notices, MissingSettings settings,
			Clock clock) {
		this.records = records;
		this.children = children;
		this.notices = notices;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public void reported(String reference) {
		MissingEpisode episode = episode(reference);
		Instant now = this.clock.instant();
		String what = (episode.report().type() == EpisodeType.M) ? "reported missing" : "reported away";
		this.children.find(episode.child().id()).map(org.mashhub.child.Child::allocatedWorker).ifPresent((worker) -> {
			this.notices.toUser(worker, subject(reference), "A child allocated to you was " + what + ".",
					link(reference));
			this.records.addEvent(episode.id(), now, "MASH Hub", "The child's social worker (" + worker + ") told");
		});
		this.notices.toGroups(List.of(Roles.MISSING_COORDINATOR), subject(reference),
				"A child was " + what + " (risk " + this.settings.gradeLabel(episode.riskGrade()).toLowerCase() + ").",
				link(reference));
		MissingEpisode.ChildInEpisode child = episode.child();
		if (child.placingAuthority() != null) {
			this.notices.toAddress(child.placingAuthorityContact(), subject(reference),
					"A child placed with us by " + child.placingAuthority() + " was " + what + " on "
							+ Dates.describe(episode.report().startedAt())
							+ ". Our missing children coordinator will call you; quote " + reference + ".");
			this.records.addEvent(episode.id(), now, "MASH Hub", "Placing authority told: " + child.placingAuthority()
					+ " (" + child.placingAuthorityContact() + ")");
		}
	}

	/** Still missing a day after the episode began: a manager hears of it. */
	@Transactional
	public void stillMissing(String reference) {
		MissingEpisode episode = episode(reference);
		if (!episode.isOpen() || this.settings.managersTold().isEmpty()) {
			return;
		}
		this.notices.toGroups(this.settings.managersTold(), subject(reference),
				"A child has been missing since " + Dates.describe(episode.report().startedAt()) + ".",
				link(reference));
		this.records.addEvent(episode.id(), this.clock.instant(), "MASH Hub",
				"Still missing after 24 hours: " + String.join(", ", this.settings.managersTold()) + " told");
	}

	@Transactional
	public void strategyDiscussionCalled(String reference, Instant at) {
		MissingEpisode episode = episode(reference);
		boolean high = this.settings.grade(episode.riskGrade()).map(MissingSettings.RiskGrade::high).orElse(false);
		String why = high ? "the risk is high" : "the child has been missing 72 hours";
		this.notices.toGroups(List.of(Roles.MISSING_COORDINATOR), subject(reference),
				"Strategy discussion needed: " + why + ".", link(reference));
		this.records.addEvent(episode.id(), at, "MASH Hub", "Strategy discussion called: " + why);
	}

	private MissingEpisode episode(String reference) {
		return this.records.find(reference).orElseThrow(() -> new NoSuchElementException("No episode " + reference));
	}

	static String subject(String reference) {
		return "Missing episode " + reference;
	}

	static String link(String reference) {
		return "/missing/episodes/" + reference;
	}

}
