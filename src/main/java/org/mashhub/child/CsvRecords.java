package org.mashhub.child;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text as spreadsheets write it (RFC 4180): cells separated by
 * commas, and a cell in double quotes may hold commas, line breaks and doubled quotes.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	/**
	 * A record and its number in the file, the first being 1, as a spreadsheet numbers
	 * its rows.
	 */
	record Record(int number, List<String> cells) {

		boolean isBlank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

	/**
	 * The records read, and the number of the record whose quote was never closed (0 when
	 * every quote was): the rest of the file would be one cell.
	 */
	record Read(List<Record> records, int unclosedQuoteIn) {

	}

	static Read read(String text) {
		List<Record> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean started = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c != '"') {
					cell.append(c);
				}
				else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				records.add(new Record(records.size() + 1, List.copyOf(cells)));
				cells.clear();
				cell.setLength(0);
				started = false;
			}
			else {
				started = true;
				if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '"' && cell.isEmpty()) {
					quoted = true;
				}
				else {
					// A quote inside an unquoted cell (O"Brien) is taken as written
					cell.append(c);
				}
			}
		}
		if (quoted) {
			return new Read(records, records.size() + 1);
		}
		if (started) {
			cells.add(cell.toString());
			records.add(new Record(records.size() + 1, List.copyOf(cells)));
		}
		return new Read(records, 0);
	}

}
