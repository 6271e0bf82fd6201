package org.mashhub.child;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The case-management system's file of open cases and child protection plans, read and
 * checked row by row: what each row says, or what is wrong with it. Nothing is looked up
 * here.
 */
final class ChildImportFile {

	private static final int MAX_NAME = 100;

	private static final int FIRST_YEAR = 1900;

	private static final int LAST_YEAR = 2200;

	private static final String DATE_HINT = ": write it as 31/12/2015 or 2015-12-31";

	/**
	 * As spreadsheets in England write a date; 9/3/2015 is taken as well as 09/03/2015.
	 */
	private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** A Keycloak username: a name with a space in it is a person's name, not theirs. */
	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,255}");

	private ChildImportFile() {
	}

	/** The columns, as the first row names them (case, spaces and underscores aside). */
	enum Column {

		NHS_NUMBER("NHS number", "nhsNumber", "NHS number"), GIVEN_NAMES("Given names", "givenNames", "given names"),
		FAMILY_NAME("Family name", "familyName", "family name"),
		DATE_OF_BIRTH("Date of birth", "dateOfBirth", "date of birth"),
		ALLOCATED_WORKER("Allocated worker", "allocatedWorker", "allocated worker"),
		PLAN_START("CP plan start", "childProtectionPlanStart", "CP plan start"),
		PLAN_END("CP plan end", "childProtectionPlanEnd", "CP plan end");

		private final String header;

		/** The field a refusal names: rows[4].dateOfBirth. */
		private final String field;

		/** The column as a message names it. */
		private final String words;

		Column(String header, String field, String words) {
			this.header = header;
			this.field = field;
			this.words = words;
		}

		String field() {
			return this.field;
		}

	}

	/**
	 * One row: a child, the worker their open case is allocated to (null: no open case)
	 * and a child protection plan (no start: none; no end: current).
	 */
	record Row(int number, String nhsNumber, String givenNames, String familyName, LocalDate dateOfBirth,
			String allocatedWorker, LocalDate planStart, LocalDate planEnd) {

	}

	/** The first row's columns by position, and how many cells it has. */
	private record Header(Map<Column, Integer> columns, int width) {

	}

	/**
	 * The rows with nothing wrong, in file order; what is wrong with the others, or with
	 * the file, is in the problems. Blank rows are passed over.
	 */
	static List<Row> read(byte[] file, ImportProblems problems) {
		String text;
		try {
			text = text(file);
		}
		catch (CharacterCodingException ex) {
			problems.file("The file is not UTF-8 text: save it from the spreadsheet as CSV UTF-8");
			return List.of();
		}
		if (text.isBlank()) {
			problems.file("The file is empty");
			return List.of();
		}
		CsvRecords.Read read = CsvRecords.read(text);
		if (read.unclosedQuoteIn() > 0) {
			problems.file("Row " + read.unclosedQuoteIn() + " opens a quote (\") that is never closed");
			return List.of();
		}
		Header header = header(read.records().get(0), problems);
		if (header == null) {
			return List.of();
		}
		List<CsvRecords.Record> data = read.records().stream().skip(1).filter((record) -> !record.isBlank()).toList();
		if (data.isEmpty()) {
			problems.file("The file has no rows under the first, which names the columns");
			return List.of();
		}
		if (data.size() > ChildImport.MAX_ROWS) {
			problems.file(String.format(Locale.UK, "The file has %,d rows and an import takes %,d at most: split it",
					data.size(), ChildImport.MAX_ROWS));
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		for (CsvRecords.Record record : data) {
			Row row = row(record, header, problems);
			if (!problems.inRow(record.number())) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** Strictly UTF-8: a file saved in another encoding would garble names. */
	private static String text(byte[] file) throws CharacterCodingException {
		String text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(file))
			.toString();
		// Excel starts a CSV UTF-8 file with a byte order mark
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static Header header(CsvRecords.Record first, ImportProblems problems) {
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		for (int i = 0; i < first.cells().size(); i++) {
			String name = simplified(first.cells().get(i));
			for (Column column : Column.values()) {
				if (simplified(column.header).equals(name) && columns.putIfAbsent(column, i) != null) {
					problems.file("The first row names the column " + column.header + " twice");
					return null;
				}
			}
		}
		List<String> missing = Arrays.stream(Column.values())
			.filter((column) -> !columns.containsKey(column))
			.map((column) -> column.header)
			.toList();
		if (!missing.isEmpty()) {
			problems.file("The first row must name the columns: it does not name " + String.join(", ", missing));
			return null;
		}
		return new Header(columns, first.cells().size());
	}

	private static String simplified(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
	}

	private static Row row(CsvRecords.Record record, Header header, ImportProblems problems) {
		int number = record.number();
		if (record.cells().stream().skip(header.width()).anyMatch((cell) -> !cell.isBlank())) {
			problems.row(number, null, "has more cells than the first row names columns: a name with a comma in it"
					+ " must be in double quotes");
		}
		for (Column column : Column.values()) {
			if (cell(record, header, column).chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
				problems.row(number, column.field, column.words + " holds a line break or a control character");
			}
		}
		String nhsNumber = cell(record, header, Column.NHS_NUMBER);
		if (!nhsNumber.isEmpty() && !NhsNumber.isValid(nhsNumber)) {
			problems.row(number, Column.NHS_NUMBER.field,
					"NHS number is not a valid NHS number (10 digits, the last a check digit)");
		}
		String givenNames = name(record, header, Column.GIVEN_NAMES, problems);
		String familyName = name(record, header, Column.FAMILY_NAME, problems);
		String birth = cell(record, header, Column.DATE_OF_BIRTH);
		LocalDate dateOfBirth = date(birth);
		if (birth.isEmpty()) {
			problems.row(number, Column.DATE_OF_BIRTH.field, "enter the date of birth");
		}
		else if (dateOfBirth == null) {
			problems.row(number, Column.DATE_OF_BIRTH.field, "date of birth is not a date" + DATE_HINT);
		}
		String worker = cell(record, header, Column.ALLOCATED_WORKER).toLowerCase(Locale.ROOT);
		if (!worker.isEmpty() && !USERNAME.matcher(worker).matches()) {
			problems.row(number, Column.ALLOCATED_WORKER.field,
					"allocated worker must be the worker's MASH Hub username, for example alex.assessor");
		}
		LocalDate planStart = planDate(record, header, Column.PLAN_START, problems);
		LocalDate planEnd = planDate(record, header, Column.PLAN_END, problems);
		if (planEnd != null && planStart == null) {
			problems.row(number, Column.PLAN_START.field, "a CP plan end needs the plan's start in CP plan start");
		}
		else if (planEnd != null && planStart != null && planEnd.isBefore(planStart)) {
			problems.row(number, Column.PLAN_END.field, "CP plan end is before the plan's start");
		}
		return new Row(number, nhsNumber.isEmpty() ? null : NhsNumber.normalise(nhsNumber), givenNames, familyName,
				dateOfBirth, worker.isEmpty() ? null : worker, planStart, planEnd);
	}

	private static String cell(CsvRecords.Record record, Header header, Column column) {
		int index = header.columns().get(column);
		return (index < record.cells().size()) ? record.cells().get(index).strip() : "";
	}

	private static String name(CsvRecords.Record record, Header header, Column column, ImportProblems problems) {
		String name = cell(record, header, column);
		if (name.isEmpty()) {
			problems.row(record.number(), column.field, "enter the child's " + column.words);
		}
		else if (name.length() > MAX_NAME) {
			problems.row(record.number(), column.field, column.words + " must be " + MAX_NAME + " characters or fewer");
		}
		return name;
	}

	private static LocalDate planDate(CsvRecords.Record record, Header header, Column column, ImportProblems problems) {
		String text = cell(record, header, column);
		LocalDate date = date(text);
		if (!text.isEmpty() && date == null) {
			problems.row(record.number(), column.field, column.words + " is not a date" + DATE_HINT);
		}
		return date;
	}

	/** The date, or null when the text is none (or of a year no case can have). */
	private static LocalDate date(String text) {
		for (DateTimeFormatter format : List.of(UK_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				LocalDate date = LocalDate.parse(text, format);
				return (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) ? date : null;
			}
			catch (DateTimeParseException ex) {
				// Not in this format: the other may take it
			}
		}
		return null;
	}

}
