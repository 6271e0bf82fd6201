package org.mashhub.complaints;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a complaint says of itself, with no server: whether it is open, the stage being
 * worked, each element's latest finding, for whom it is made and who may complain by
 * right.
 */
class ComplaintTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-23T09:30:00Z");

	private static final Instant ANSWERED = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void aComplaintAwaitingARequestForTheNextStageIsStillOpen() {
		Complaint waiting = ComplaintBuilder.aComplaint()
			.at(Complaint.Status.AWAITING_STAGE_2_REQUEST, 1, ComplaintBuilder.aStage(1, RECEIVED, ANSWERED))
			.build();

		assertThat(waiting.isOpen()).isTrue();
	}

	@Test
	void aClosedComplaintIsNotOpen() {
		Complaint closed = ComplaintBuilder.aComplaint()
			.at(Complaint.Status.CLOSED, 1, ComplaintBuilder.aStage(1, RECEIVED, ANSWERED))
			.build();

		assertThat(closed.isOpen()).isFalse();
	}

	@Test
	void theCurrentStageIsTheOneBeingWorked() {
		Complaint atStage2 = ComplaintBuilder.aComplaint()
			.at(Complaint.Status.OPEN, 2, ComplaintBuilder.aStage(1, RECEIVED, ANSWERED),
					ComplaintBuilder.aStage(2, Instant.parse("2026-12-14T10:00:00Z"), null))
			.build();

		assertThat(atStage2.currentStage().stage()).isEqualTo(2);
	}

	@Test
	void aStageNotReachedIsNone() {
		Complaint atStage1 = ComplaintBuilder.aComplaint()
			.at(Complaint.Status.OPEN, 1, ComplaintBuilder.aStage(1, RECEIVED, null))
			.build();

		assertThat(atStage1.stage(2)).isNull();
	}

	@Test
	void anElementsLatestFindingIsThatOfTheLastStageThatAnswered() {
		Complaint.Element element = ComplaintBuilder.anElement(1,
				Map.of(1, Finding.NOT_UPHELD, 2, Finding.PARTLY_UPHELD, 3, Finding.UPHELD));

		assertThat(element.latest().finding()).isEqualTo(Finding.UPHELD);
	}

	@Test
	void anElementNoStageHasAnsweredHasNoFindingYet() {
		assertThat(ComplaintBuilder.anElement(1, Map.of()).latest()).isNull();
	}

	@Test
	void aComplaintNamingAChildIsMadeOnTheirBehalf() {
		assertThat(ComplaintBuilder.aComplaint().build().onBehalfOfChild()).isTrue();
	}

	@Test
	void aComplaintNamingNoChildIsTheComplainantsOwn() {
		assertThat(ComplaintBuilder.aComplaint().forThemselves().build().onBehalfOfChild()).isFalse();
	}

	@Test
	void everyoneButSomeoneWithSufficientInterestMayComplainByRight() {
		assertThat(ComplainantType.values()).filteredOn((type) -> !type.eligibleByRight())
			.containsExactly(ComplainantType.SUFFICIENT_INTEREST);
	}

}
