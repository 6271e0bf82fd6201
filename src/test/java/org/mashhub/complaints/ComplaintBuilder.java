package org.mashhub.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A complaint as its readers see it, for the tests of the rules that read one: Jo
 * Parent's letter for Kim, received on Monday 23 November 2026 at 09:30 about a matter of
 * 1 October 2026, open at stage 1. Each {@code with...} gives what the test is about.
 */
final class ComplaintBuilder {

	private Instant receivedAt = Instant.parse("2026-11-23T09:30:00Z");

	private LocalDate matterAroseOn = LocalDate.of(2026, 10, 1);

	private String childName = "Kim Parent";

	private Complaint.Status status = Complaint.Status.OPEN;

	private int stage = 1;

	private final List<Complaint.Element> elements = new ArrayList<>();

	private final List<Complaint.Stage> stages = new ArrayList<>();

	private ComplaintBuilder() {
	}

	static ComplaintBuilder aComplaint() {
		return new ComplaintBuilder();
	}

	/** A stage reached, started and (when {@code respondedAt} is given) answered. */
	static Complaint.Stage aStage(int stage, Instant startedAt, Instant respondedAt) {
		return new Complaint.Stage(stage, startedAt, null, null, null, startedAt, null, null, null, null, respondedAt,
				null, null, null, null);
	}

	/** An element with its finding at each stage answered, by stage. */
	static Complaint.Element anElement(int position, Map<Integer, Finding> findings) {
		Map<Integer, Complaint.StageFinding> byStage = new HashMap<>();
		findings.forEach((number, finding) -> byStage.put(number,
				new Complaint.StageFinding(number, finding, null, null, "ian.investigator", null)));
		return new Complaint.Element(position, "Nobody returned my calls", "Communication", byStage);
	}

	ComplaintBuilder receivedAt(String receivedAt) {
		this.receivedAt = Instant.parse(receivedAt);
		return this;
	}

	ComplaintBuilder aboutAMatterOf(LocalDate matterAroseOn) {
		this.matterAroseOn = matterAroseOn;
		return this;
	}

	/** The complainant complains for themselves: no child is named. */
	ComplaintBuilder forThemselves() {
		this.childName = null;
		return this;
	}

	/** Where the complaint stands, at that stage, with the stages reached so far. */
	ComplaintBuilder at(Complaint.Status status, int stage, Complaint.Stage... stages) {
		this.status = status;
		this.stage = stage;
		this.stages.addAll(List.of(stages));
		return this;
	}

	ComplaintBuilder withElements(Complaint.Element... elements) {
		this.elements.addAll(List.of(elements));
		return this;
	}

	Complaint build() {
		return new Complaint(UUID.randomUUID(), "CMP-2026-00001", this.receivedAt, "Letter", this.receivedAt,
				"bella.support", "Jo Parent", "1 High Street, Anytown", ComplainantType.PARENT, this.childName,
				(this.childName != null) ? LocalDate.of(2012, 5, 1) : null,
				(this.childName != null) ? ChildConsent.WRITTEN_CONSENT : null, null, this.matterAroseOn,
				// advocacyOffered, advocacyAccepted, advocate, desiredOutcome
				false, null, null, null,
				// status, stage
				this.status, this.stage,
				// acknowledgedAt, acknowledgedBy, eligible, eligibilityNote,
				// lateAcceptanceReason,
				// acceptedBy
				null, null, null, null, null, null,
				// stage1Responder, investigatingOfficer, independentPerson, panelMembers
				null, null, null, List.of(),
				// windowClosesAt, closedAt, closure, withdrawalReason
				null, null, null, null,
				// ombudsmanReferredOn, ombudsmanReference, processInstanceId
				null, null, null, List.copyOf(this.elements), List.copyOf(this.stages));
	}

}
