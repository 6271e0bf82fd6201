package org.mashhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's findings: every figure in a JSON tree, and the same as Markdown tables
 * a person reads.
 */
final class Report {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final StringBuilder markdown = new StringBuilder();

	private final List<List<String>> targets = new ArrayList<>();

	private final String title = "MASH Hub benchmark (" + java.time.Instant.now() + ")";

	/** A figure under a path such as {@code intake.mash-hub.8}. */
	@SuppressWarnings("unchecked")
	void put(String path, Object value) {
		String[] parts = path.split("\\.");
		Map<String, Object> node = this.figures;
		for (int i = 0; i < parts.length - 1; i++) {
			node = (Map<String, Object>) node.computeIfAbsent(parts[i], (key) -> new LinkedHashMap<String, Object>());
		}
		node.put(parts[parts.length - 1], value);
	}

	void heading(String text) {
		this.markdown.append("\n## ").append(text).append("\n\n");
	}

	void paragraph(String text) {
		this.markdown.append(text).append("\n\n");
	}

	void table(List<String> header, List<List<String>> rows) {
		this.markdown.append("| ").append(String.join(" | ", header)).append(" |\n|");
		header.forEach((column) -> this.markdown.append("---|"));
		this.markdown.append('\n');
		for (List<String> row : rows) {
			this.markdown.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		this.markdown.append('\n');
	}

	/** A goal of the issue, what was measured against it, and whether it was met. */
	void target(String goal, String measured, boolean met) {
		this.targets.add(List.of(goal, measured, met ? "met" : "**not met**"));
		put("targets." + goal.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(), Map.of("measured", measured, "met", met));
	}

	/** The targets, first thing in the report. */
	void targetsFirst() {
		StringBuilder table = new StringBuilder("\n## Targets\n\n| Target | Measured | |\n|---|---|---|\n");
		this.targets.forEach((row) -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
		this.markdown.insert(0, table);
	}

	static List<List<String>> rows() {
		return new ArrayList<>();
	}

	String markdown() {
		return this.markdown.toString();
	}

	/** Writes what there is so far: a run cut short still leaves its figures. */
	void write(Path directory) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("report.md"), "# " + this.title + "\n" + this.markdown);
			new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(directory.resolve("report.json").toFile(), this.figures);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String ms(double millis) {
		return String.format("%.1f ms", millis);
	}

	static String ratio(double value) {
		return String.format("%.2f×", value);
	}

	static String number(double value) {
		return String.format("%,.0f", value);
	}

}
