package org.mashhub.cse;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Children in Need census "factors identified at assessment" a screening may concern,
 * by their census codes: national counting reads them.
 */
public enum CinFactor {

	MISSING("10A", "Going or being missing"), SEXUAL_EXPLOITATION("11A", "Child sexual exploitation"),
	TRAFFICKING("12A", "Trafficking"), GANGS("13A", "Gangs"),
	CRIMINAL_EXPLOITATION("24A", "Child criminal exploitation");

	private final String code;

	private final String label;

	CinFactor(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.code + " " + this.label;
	}

	public static Optional<CinFactor> ofCode(String code) {
		return Arrays.stream(values()).filter((factor) -> factor.code.equals(code)).findFirst();
	}

}
