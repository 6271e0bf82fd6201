package org.mashhub.chronology;

import java.util.Locale;

import org.mashhub.cse.ConcernJoinedScreening;
import org.mashhub.cse.ExploitationLevelSet;
import org.mashhub.cse.LowerLevelDecided;
import org.mashhub.cse.ScreeningClosed;
import org.mashhub.cse.ScreeningOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A child's exploitation screenings in their chronology: each opening and further
 * concern, each scoring's level (and an override), a manager's answer to a lowered level,
 * and the closing. Never the indicators, places or associates: those are read on the
 * screening, by those who may.
 */
@Component
class CseEntries {

	private final Chronology chronology;

	CseEntries(Chronology chronology) {
		this.chronology = chronology;
	}

	@ApplicationModuleListener
	void opened(ScreeningOpened opened) {
		this.chronology.add(opened.childId(), new ChronologyEntry(opened.openedAt(), "CSE_SCREENING_OPENED",
				"Exploitation screening opened (" + opened.source().label() + ")", opened.by(), opened.reference()));
	}

	@ApplicationModuleListener
	void joined(ConcernJoinedScreening joined) {
		this.chronology.add(joined.childId(),
				new ChronologyEntry(joined.raisedAt(), "CSE_CONCERN_ADDED",
						"A further exploitation concern joined the open screening (" + joined.source().label() + ")",
						joined.by(), joined.reference()));
	}

	@ApplicationModuleListener
	void levelSet(ExploitationLevelSet set) {
		String what = (set.review() ? "Exploitation review" : "Exploitation screening") + ": level "
				+ set.standing().label().toLowerCase(Locale.UK);
		if (set.awaitingApproval()) {
			what += " (the coordinator's lower level, " + set.proposed().label().toLowerCase(Locale.UK)
					+ ", awaits a manager)";
		}
		else if (set.proposed() != set.computed()) {
			what += " (raised from the computed " + set.computed().label().toLowerCase(Locale.UK) + ")";
		}
		this.chronology.add(set.childId(), new ChronologyEntry(set.scoredAt(),
				set.review() ? "CSE_REVIEW" : "CSE_SCREENED", what, set.by(), set.reference()));
	}

	@ApplicationModuleListener
	void loweringDecided(LowerLevelDecided decided) {
		this.chronology.add(decided.childId(),
				new ChronologyEntry(decided.decidedAt(), "CSE_LEVEL_OVERRIDE",
						"Exploitation level: a lower level " + (decided.approved() ? "approved" : "refused") + "; now "
								+ decided.standing().label().toLowerCase(Locale.UK),
						decided.by(), decided.reference()));
	}

	@ApplicationModuleListener
	void closed(ScreeningClosed closed) {
		this.chronology.add(closed.childId(),
				new ChronologyEntry(closed.closedAt(), "CSE_SCREENING_CLOSED",
						"Exploitation screening closed: "
								+ ("TURNED_18".equals(closed.reason()) ? "turned 18" : "risk reduced"),
						closed.by(), closed.reference()));
	}

}
