package org.mashhub.chronology;

import java.util.Locale;

import org.mashhub.missing.ChildReturned;
import org.mashhub.missing.MissingEpisodeReported;
import org.mashhub.missing.MissingSettings;
import org.mashhub.missing.RepeatMissingFlagged;
import org.mashhub.missing.ReturnInterviewRecorded;
import org.mashhub.missing.RiskGradeChanged;
import org.mashhub.sla.Dates;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A child's missing episodes in their chronology: the report, each change of risk grade,
 * the return, the return home interview's outcome and the repeat-missing flag. Never what
 * the interview says: that is read on the episode, by those who may.
 */
@Component
class MissingEntries {

	private final Chronology chronology;

	private final MissingSettings settings;

	MissingEntries(Chronology chronology, MissingSettings settings) {
		this.chronology = chronology;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void reported(MissingEpisodeReported reported) {
		this.chronology.add(reported.childId(),
				new ChronologyEntry(reported.reportedAt(), "MISSING_REPORTED",
						"Reported " + reported.type().label().toLowerCase(Locale.UK) + " (since "
								+ Dates.describe(reported.startedAt()) + "), risk "
								+ this.settings.gradeLabel(reported.riskGrade()).toLowerCase(Locale.UK),
						reported.recordedBy(), reported.reference()));
	}

	@ApplicationModuleListener
	void riskChanged(RiskGradeChanged change) {
		this.chronology.add(change.childId(), new ChronologyEntry(change.changedAt(), "MISSING_RISK_CHANGED",
				"Missing: risk grade changed from " + this.settings.gradeLabel(change.from()).toLowerCase(Locale.UK)
						+ " to " + this.settings.gradeLabel(change.to()).toLowerCase(Locale.UK),
				change.by(), change.reference()));
	}

	@ApplicationModuleListener
	void returned(ChildReturned returned) {
		this.chronology.add(returned.childId(),
				new ChronologyEntry(returned.returnedAt(), "MISSING_RETURNED",
						"Returned from missing; return home interview due " + Dates.describe(returned.interviewDueAt()),
						returned.recordedBy(), returned.reference()));
	}

	@ApplicationModuleListener
	void interviewed(ReturnInterviewRecorded interview) {
		this.chronology.add(interview.childId(),
				new ChronologyEntry(interview.recordedAt(), "RETURN_INTERVIEW",
						"Return home interview " + interview.outcome().label().toLowerCase(Locale.UK)
								+ (interview.inTime() ? " (within 72 hours)" : " (after 72 hours)"),
						interview.by(), interview.reference()));
	}

	@ApplicationModuleListener
	void repeatMissing(RepeatMissingFlagged flagged) {
		this.chronology.add(flagged.childId(),
				new ChronologyEntry(flagged.flaggedAt(), "REPEAT_MISSING",
						"Repeat missing: " + flagged.episodes() + " episodes in " + flagged.withinDays() + " days",
						"MASH Hub", flagged.reference()));
	}

}
