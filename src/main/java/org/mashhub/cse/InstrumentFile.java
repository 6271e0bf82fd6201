package org.mashhub.cse;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An instrument as a council writes it (JSON), read and checked whole: a bad file stops
 * the app with a message naming the file and what is wrong, never a screening scored on
 * half a tool.
 */
final class InstrumentFile {

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	/** Local defaults: Low 1, Medium 2, High 3 (../shared/domain.md §3). */
	private static final Map<String, Integer> DEFAULT_WEIGHTS = Map.of("LOW", 1, "MEDIUM", 2, "HIGH", 3);

	private InstrumentFile() {
	}

	/** The file as written. */
	record Written(String id, Integer version, String name, String description, String decision,
			Map<String, Integer> weights, List<WrittenDomain> domains, List<WrittenIndicator> indicators) {
	}

	record WrittenDomain(String code, String label) {
	}

	record WrittenIndicator(String code, String domain, String weight, String text, List<String> marks) {
	}

	/** A read instrument and the hash of its file. */
	record Read(Instrument instrument, String checksum) {
	}

	static Read read(String name, InputStream in) {
		byte[] bytes;
		Written written;
		try {
			bytes = in.readAllBytes();
			written = JSON.readValue(bytes, Written.class);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInstrument(name, "it is not a readable instrument file: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new InvalidInstrument(name, "it cannot be read: " + ex.getMessage());
		}
		return new Read(check(name, written), sha256(bytes));
	}

	static Instrument check(String name, Written written) {
		List<String> problems = new ArrayList<>();
		if (blank(written.id())) {
			problems.add("give it an id");
		}
		if (written.version() == null || written.version() < 1) {
			problems.add("give it a version of 1 or more");
		}
		if (blank(written.name())) {
			problems.add("give it a name");
		}
		if (blank(written.decision())) {
			problems.add("name its DMN decision (decision)");
		}
		Map<String, Integer> weights = (written.weights() != null) ? written.weights() : DEFAULT_WEIGHTS;
		if (!weights.keySet().equals(DEFAULT_WEIGHTS.keySet()) || weights.values().stream().anyMatch((p) -> p < 1)) {
			problems.add("weights must give LOW, MEDIUM and HIGH each 1 point or more");
		}
		List<Instrument.Domain> domains = new ArrayList<>();
		Set<String> domainCodes = new HashSet<>();
		for (WrittenDomain domain : (written.domains() != null) ? written.domains() : List.<WrittenDomain>of()) {
			if (blank(domain.code()) || blank(domain.label())) {
				problems.add("every domain needs a code and a label");
			}
			else if (!domainCodes.add(domain.code())) {
				problems.add("domain " + domain.code() + " is there twice");
			}
			else {
				domains.add(new Instrument.Domain(domain.code(), domain.label().strip()));
			}
		}
		if (domains.isEmpty()) {
			problems.add("give it at least one domain");
		}
		List<Instrument.Indicator> indicators = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (WrittenIndicator indicator : (written.indicators() != null) ? written.indicators()
				: List.<WrittenIndicator>of()) {
			String code = indicator.code();
			if (blank(code) || blank(indicator.text())) {
				problems.add("every indicator needs a code and a text");
				continue;
			}
			if (!codes.add(code)) {
				problems.add("indicator " + code + " is there twice");
			}
			if (!domainCodes.contains(indicator.domain())) {
				problems.add("indicator " + code + " names no domain of the instrument (" + indicator.domain() + ")");
			}
			if (!weights.containsKey(indicator.weight())) {
				problems.add("indicator " + code + " must weigh LOW, MEDIUM or HIGH, not " + indicator.weight());
			}
			List<String> marks = (indicator.marks() != null) ? indicator.marks() : List.of();
			for (String mark : marks) {
				if (!Instrument.MARKS.contains(mark)) {
					problems.add("indicator " + code + " has an unknown mark " + mark + " (known: "
							+ String.join(", ", Instrument.MARKS) + ")");
				}
			}
			indicators.add(new Instrument.Indicator(code, indicator.domain(), indicator.text().strip(),
					indicator.weight(), weights.getOrDefault(indicator.weight(), 1), new HashSet<>(marks)));
		}
		if (indicators.isEmpty()) {
			problems.add("give it at least one indicator");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInstrument(name, String.join("; ", problems));
		}
		return new Instrument(written.id().strip(), written.version(), written.name().strip(),
				(written.description() != null) ? written.description().strip() : null, written.decision().strip(),
				domains, indicators);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Why the app will not start with an instrument. */
	static final class InvalidInstrument extends IllegalStateException {

		InvalidInstrument(String name, String problem) {
			super("Exploitation instrument " + name + " cannot be used: " + problem + ".");
		}

	}

}
