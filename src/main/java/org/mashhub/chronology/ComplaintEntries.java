package org.mashhub.chronology;

import java.util.UUID;

import org.mashhub.child.ChildRecords;
import org.mashhub.complaints.ComplaintClosed;
import org.mashhub.complaints.ComplaintReceived;
import org.mashhub.complaints.ComplaintStageRequested;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A complaint about a child, in that child's chronology: that it was made, each stage
 * asked for and how it closed, never what it says. The child is the one record the
 * complaint's name and date of birth can be; a complaint that fits none, or more than
 * one, stays out of every chronology.
 */
@Component
class ComplaintEntries {

	private final Chronology chronology;

	private final ChildRecords children;

	ComplaintEntries(Chronology chronology, ChildRecords children) {
		this.chronology = chronology;
		this.children = children;
	}

	@ApplicationModuleListener
	void received(ComplaintReceived complaint) {
		this.children.onlyMatch(complaint.childName(), complaint.childDateOfBirth())
			.ifPresent((child) -> this.chronology.add(child.id(),
					new ChronologyEntry(complaint.receivedAt(), "COMPLAINT_RECEIVED",
							"Complaint received under the Children Act 1989 procedure (stage 1)", complaint.loggedBy(),
							complaint.reference())));
	}

	@ApplicationModuleListener
	void stageRequested(ComplaintStageRequested request) {
		add(request.reference(), new ChronologyEntry(request.requestedAt(), "COMPLAINT_STAGE_REQUESTED",
				"Complaint: stage " + request.stage() + " asked for", request.by(), request.reference()));
	}

	@ApplicationModuleListener
	void closed(ComplaintClosed closed) {
		add(closed.reference(), new ChronologyEntry(closed.closedAt(), "COMPLAINT_CLOSED",
				"Complaint closed: " + closed.closure().label(), closed.by(), closed.reference()));
	}

	private void add(String reference, ChronologyEntry entry) {
		for (UUID child : this.chronology.childrenIn(reference)) {
			this.chronology.add(child, entry);
		}
	}

}
