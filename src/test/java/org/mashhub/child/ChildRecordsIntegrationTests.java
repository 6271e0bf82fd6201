package org.mashhub.child;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashhub.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@IntegrationTest
class ChildRecordsIntegrationTests {

	@Autowired
	ChildRecords children;

	@Test
	void aChildIsFoundByNhsNumberFirstAndByNameAndDateOfBirthButNeverMerged() {
		Child recorded = this.children
			.register(new ChildRecords.NewChild("Zoë Anne", "O'Brien", LocalDate.of(2015, 3, 9), "female",
					"943 476 5919", "1 High Street, Anytown", "Anytown Primary", false));
		Child twin = this.children.register(new ChildRecords.NewChild("Zoe", "OBrien", LocalDate.of(2015, 3, 9),
				"female", null, "1 High Street, Anytown", "Anytown Primary", false));

		List<ChildRecords.PossibleMatch> matches = this.children.possibleMatches("ZOE", "o'brien",
				LocalDate.of(2015, 3, 9), "9434765919");

		assertThat(matches).extracting((match) -> match.child().id(), ChildRecords.PossibleMatch::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(recorded.id(), ChildRecords.MatchReason.NHS_NUMBER),
					org.assertj.core.groups.Tuple.tuple(twin.id(), ChildRecords.MatchReason.NAME_AND_DATE_OF_BIRTH));
		assertThat(this.children.possibleMatches("Zoe", "O'Brien", LocalDate.of(2015, 3, 10), null)).isEmpty();
		assertThat(this.children.find(twin.id())).isPresent();
	}

	@Test
	void anNhsNumberWithAWrongCheckDigitIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.children.register(new ChildRecords.NewChild("Sam", "Jones", LocalDate.of(2016, 1, 1),
					null, "9434765918", null, null, false)))
			.withMessageContaining("nhsNumber");
	}

	@Test
	void flagsShowAnOpenCaseAndAChildProtectionPlanInTheLastTwoYears() {
		Child child = this.children.register(
				new ChildRecords.NewChild("Ali", "Khan", LocalDate.of(2012, 6, 1), "male", null, null, null, false));
		this.children.recordChildProtectionPlan(child.id(), LocalDate.of(2023, 1, 10), LocalDate.of(2024, 12, 1));

		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 11, 30)))
			.isEqualTo(new ChildRecords.Flags(false, true));
		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 12, 2)))
			.as("the plan ended more than two years before")
			.isEqualTo(new ChildRecords.Flags(false, false));

		this.children.allocate(child.id(), "alex.assessor");
		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 12, 2)).openCase()).isTrue();
	}

	@Test
	void aNameWrittenInFullIsTheOneRecordItCanBeAndNeverOneOfTwo() {
		String family = "Van Dyke" + System.nanoTime();
		Child anna = this.children.register(
				new ChildRecords.NewChild("Anna", family, LocalDate.of(2013, 4, 4), null, null, null, null, false));

		assertThat(this.children.onlyMatch("Anna Maria " + family, LocalDate.of(2013, 4, 4))).contains(anna);
		assertThat(this.children.onlyMatch("Anna " + family, LocalDate.of(2013, 4, 5))).isEmpty();
		this.children.register(
				new ChildRecords.NewChild("Anna", family, LocalDate.of(2013, 4, 4), null, null, null, null, false));
		assertThat(this.children.onlyMatch("Anna " + family, LocalDate.of(2013, 4, 4)))
			.as("two records fit: none is chosen")
			.isEmpty();
	}

}
