package org.mashhub.cse;

import java.util.List;

import org.mashhub.missing.ExploitationConcernRaised;
import org.mashhub.notification.Notices;
import org.mashhub.referral.CseConcernRaised;
import org.mashhub.security.Roles;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The concerns other modules raise, heard through the event registry: each opens a
 * screening of the child or joins the open one, after the raising transaction commits
 * (and again after a crash, once).
 */
@Component
class CseConcerns {

	private final ScreeningOpenings openings;

	private final Notices notices;

	CseConcerns(ScreeningOpenings openings, Notices notices) {
		this.openings = openings;
		this.notices = notices;
	}

	@ApplicationModuleListener
	void frontDoor(CseConcernRaised raised) {
		if (raised.childId() == null) {
			// Never a silent miss: the coordinator opens it once the child is known
			this.notices.toGroups(List.of(Roles.CSE_COORDINATOR), raised.triageReference(),
					"A threshold decision raised a CSE concern about a child with no child record: open a screening"
							+ " once the child is identified.",
					"/cse/new");
			return;
		}
		this.openings.raise(new ScreeningOpenings.Concern(raised.childId(), TriggerSource.FRONT_DOOR,
				raised.triageReference(), raised.raisedAt(), raised.raisedBy(),
				"Threshold decision on contact " + raised.triageReference() + " raised a CSE concern"));
	}

	@ApplicationModuleListener
	void missing(ExploitationConcernRaised raised) {
		boolean interview = "RETURN_INTERVIEW".equals(raised.source());
		this.openings.raise(new ScreeningOpenings.Concern(raised.childId(),
				interview ? TriggerSource.RETURN_INTERVIEW : TriggerSource.MISSING_REPORT, raised.reference(),
				raised.raisedAt(), raised.by(),
				(interview ? "Return home interview" : "Missing report") + " " + raised.reference()
						+ " noted signs of exploitation: " + String.join(", ", raised.indicators())));
	}

}
