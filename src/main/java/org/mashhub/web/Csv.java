package org.mashhub.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * CSV lines that a spreadsheet reads as text: quoted, and never starting a cell with a
 * character a spreadsheet would run as a formula.
 */
public final class Csv {

	private Csv() {
	}

	public static String line(String... cells) {
		return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String cell(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
