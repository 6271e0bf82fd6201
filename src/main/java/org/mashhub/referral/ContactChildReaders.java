package org.mashhub.referral;

import java.util.UUID;

import org.mashhub.child.ChildReaders;
import org.mashhub.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * A child's record is open to MASH staff, who screen any child, and to the assessment
 * team for the children whose contacts were handed to it.
 */
@Component
class ContactChildReaders implements ChildReaders {

	private final TriageReadings readings;

	ContactChildReaders(TriageReadings readings) {
		this.readings = readings;
	}

	@Override
	public boolean mayRead(UUID childId, CurrentUser reader) {
		return this.readings.mayReadChild(childId, reader);
	}

}
