package org.mashhub.complaints;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's own complaint choices.
 *
 * @param amberWithinWorkingDays the tracker shows a step amber when it is due within this
 * many working days (red once late)
 * @param consentAge from this age a child agrees in writing to someone complaining for
 * them
 * @param timeLimitMonths complaints about matters older than this need the complaints
 * manager's acceptance with a reason
 * @param themes what the elements of complaints are about, for the annual report
 */
@ConfigurationProperties("mash.complaints")
public record ComplaintsSettings(int amberWithinWorkingDays, int consentAge, int timeLimitMonths, List<String> themes) {

	public ComplaintsSettings {
		themes = (themes != null) ? List.copyOf(themes) : List.of();
	}

	/** Whether the matter was older than the time limit when the complaint came. */
	public boolean outOfTime(Complaint complaint) {
		return complaint.matterAroseOn()
			.plusMonths(this.timeLimitMonths)
			.isBefore(ComplaintDays.day(complaint.receivedAt()));
	}

}
