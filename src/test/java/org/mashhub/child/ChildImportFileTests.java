package org.mashhub.child;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashhub.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mashhub.child.ChildImportFiles.HEADER;

class ChildImportFileTests {

	@Test
	void aSpreadsheetsCsvIsReadWithItsQuotesByteOrderMarkAndLineEndsWhateverTheOrderOfItsColumns() {
		String csv = "\uFEFFfamily_name,GIVEN NAMES,nhs number,Date of Birth,Case ID,Allocated Worker,CP Plan End,"
				+ "CP Plan Start\r\n" + "\"O'Brien, Smith\",\"Zoë \"\"Zo\"\" Anne\",943 476 5919,9/3/2015,C-1,"
				+ "Alex.Assessor,,2025-01-10\r\n" + ",,,,,,,\r\n" + "Khan,Ali,,2012-06-01,,,31/12/2024,01/01/2024";
		ImportProblems problems = new ImportProblems();

		List<ChildImportFile.Row> rows = ChildImportFile.read(csv.getBytes(StandardCharsets.UTF_8), problems);

		assertThatNoException().isThrownBy(problems::refuseIfAny);
		assertThat(rows).containsExactly(
				new ChildImportFile.Row(2, "9434765919", "Zoë \"Zo\" Anne", "O'Brien, Smith", LocalDate.of(2015, 3, 9),
						"alex.assessor", LocalDate.of(2025, 1, 10), null),
				new ChildImportFile.Row(4, null, "Ali", "Khan", LocalDate.of(2012, 6, 1), null,
						LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
	}

	@Test
	void eachProblemIsToldByRowAndFieldAndNoRowWithOneIsRead() {
		String csv = HEADER + ",Amy,Jones,31/02/2015,,,\n" + "9434765918,,Jones,2015-01-01,Alex Assessor,,\n"
				+ ",Ben,Jones,2015-01-01,,2025-03-01,2025-02-01\n" + ",Cal,Jones,2015-01-01,,,2025-02-01\n"
				+ ",Dan,Jones,2015-01-01,,,,extra\n" + ",Eve,Jones,2015-01-01,,1/13/2025,\n"
				+ ",\"Fay\nMay\",Jones,2015-01-01,,,\n" + ",Gus,Jones,,,,\n" + ",Hal,Jones,2015-01-01,,,\n";
		ImportProblems problems = new ImportProblems();

		List<ChildImportFile.Row> rows = ChildImportFile.read(csv.getBytes(StandardCharsets.UTF_8), problems);

		assertThat(rows).extracting(ChildImportFile.Row::givenNames).containsExactly("Hal");
		assertThat(refusal(problems)).containsExactly(
				Map.entry("rows[2].dateOfBirth",
						"Row 2: date of birth is not a date: write it as 31/12/2015 or 2015-12-31"),
				Map.entry("rows[3].nhsNumber",
						"Row 3: NHS number is not a valid NHS number (10 digits, the last a check digit)"),
				Map.entry("rows[3].givenNames", "Row 3: enter the child's given names"),
				Map.entry("rows[3].allocatedWorker",
						"Row 3: allocated worker must be the worker's MASH Hub username, for example alex.assessor"),
				Map.entry("rows[4].childProtectionPlanEnd", "Row 4: CP plan end is before the plan's start"),
				Map.entry("rows[5].childProtectionPlanStart",
						"Row 5: a CP plan end needs the plan's start in CP plan start"),
				Map.entry("rows[6]",
						"Row 6: has more cells than the first row names columns: a name with a comma in it must be in"
								+ " double quotes"),
				Map.entry("rows[7].childProtectionPlanStart",
						"Row 7: CP plan start is not a date: write it as 31/12/2015 or 2015-12-31"),
				Map.entry("rows[8].givenNames", "Row 8: given names holds a line break or a control character"),
				Map.entry("rows[9].dateOfBirth", "Row 9: enter the date of birth"));
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedAsAWhole() {
		byte[] latin1 = (HEADER + ",Zoë,Jones,2015-01-01,,,\n").getBytes(StandardCharsets.ISO_8859_1);

		assertThat(refusalOf(latin1)).containsExactly(
				Map.entry("file", "The file is not UTF-8 text: save it from the spreadsheet as CSV UTF-8"));
	}

	@Test
	void theFirstRowMustNameEveryColumn() {
		String csv = "NHS number,Given names,Family name,Allocated worker\n,Amy,Jones,\n";

		assertThat(refusalOf(csv.getBytes(StandardCharsets.UTF_8))).containsExactly(Map.entry("file",
				"The first row must name the columns: it does not name Date of birth, CP plan start, CP plan end"));
	}

	@Test
	void aQuoteNeverClosedIsToldWithTheRowItOpensIn() {
		String csv = HEADER + ",Amy,Jones,2015-01-01,,,\n" + ",\"Ben,Jones,2015-01-01,,,\n";

		assertThat(refusalOf(csv.getBytes(StandardCharsets.UTF_8)))
			.containsExactly(Map.entry("file", "Row 3 opens a quote (\") that is never closed"));
	}

	@Test
	void aFileOfMoreThanFiveThousandRowsIsRefusedAsAWhole() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int row = 0; row <= ChildImport.MAX_ROWS; row++) {
			csv.append(",Amy,Jones,2015-01-01,,,\n");
		}

		assertThat(refusalOf(csv.toString().getBytes(StandardCharsets.UTF_8)))
			.containsExactly(Map.entry("file", "The file has 5,001 rows and an import takes 5,000 at most: split it"));
	}

	@Test
	void aHundredProblemsAreToldAndTheFileSaysHowManyMoreThereAre() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int row = 0; row < 150; row++) {
			csv.append(",Amy,Jones,2015-13-01,,,\n");
		}

		Map<String, String> told = refusalOf(csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(told).hasSize(ImportProblems.MAX_TOLD + 1)
			.containsEntry("file",
					"The file has 150 problems. The first 100 are listed: put them right and import the whole file again")
			.containsKey("rows[2].dateOfBirth")
			.containsKey("rows[101].dateOfBirth")
			.doesNotContainKey("rows[102].dateOfBirth");
	}

	private static Map<String, String> refusalOf(byte[] file) {
		ImportProblems problems = new ImportProblems();
		assertThat(ChildImportFile.read(file, problems)).isEmpty();
		return refusal(problems);
	}

	private static Map<String, String> refusal(ImportProblems problems) {
		Refusal refusal = catchThrowableOfType(Refusal.class, problems::refuseIfAny);
		assertThat(refusal).as("a refusal").isNotNull();
		return refusal.fieldErrors();
	}

}
