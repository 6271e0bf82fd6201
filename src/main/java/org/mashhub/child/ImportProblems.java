package org.mashhub.child;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mashhub.Refusal;

/**
 * What is wrong with an import file, in the order a person puts it right: the file as a
 * whole, then row by row, each field named as {@code rows[4].dateOfBirth} and each
 * message starting with its row.
 */
final class ImportProblems {

	/** More would bury the first in a list nobody reads to the end. */
	static final int MAX_TOLD = 100;

	private String file;

	private final SortedMap<Integer, Map<String, String>> rows = new TreeMap<>();

	/** The file as a whole cannot be imported; the first reason found is the one told. */
	void file(String message) {
		if (this.file == null) {
			this.file = message;
		}
	}

	/**
	 * A field of a row at fault (null field: the row as a whole); the first message for a
	 * field is the one told.
	 */
	void row(int row, String field, String message) {
		this.rows.computeIfAbsent(row, (number) -> new LinkedHashMap<>())
			.putIfAbsent("rows[" + row + "]" + ((field != null) ? "." + field : ""), "Row " + row + ": " + message);
	}

	boolean inRow(int row) {
		return this.rows.containsKey(row);
	}

	/** Refuses the import when anything is wrong with it. */
	void refuseIfAny() {
		Map<String, String> all = new LinkedHashMap<>();
		if (this.file != null) {
			all.put(ChildImport.FILE, this.file);
		}
		this.rows.values().forEach(all::putAll);
		if (all.size() <= MAX_TOLD) {
			Refusal.ifAny(all);
			return;
		}
		Map<String, String> first = new LinkedHashMap<>();
		first.put(ChildImport.FILE, String.format(Locale.UK,
				"The file has %,d problems. The first %d are listed: put them right and import the whole file again",
				all.size(), MAX_TOLD));
		all.entrySet().stream().limit(MAX_TOLD).forEach((problem) -> first.put(problem.getKey(), problem.getValue()));
		throw Refusal.invalid(first);
	}

}
