package org.mashhub.cse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instruments as a council writes them: the shipped default and a council's own smaller
 * tool read whole, and a bad file refused with a message naming the file and every
 * problem, so the app does not start on half a tool.
 */
class InstrumentFileTests {

	@Test
	void theShippedInstrumentHasEveryDomainOfTheSpecificationAndItsFloorsMarked() throws IOException {
		Instrument instrument = read("/cse/instruments/mash-hub-exploitation-screening.json");

		assertThat(instrument.id()).isEqualTo("mash-hub-exploitation-screening");
		assertThat(instrument.version()).isEqualTo(1);
		assertThat(instrument.decision()).isEqualTo("CseRiskLevel");
		assertThat(instrument.domains()).extracting(Instrument.Domain::code)
			.contains("HEALTH", "BEHAVIOUR", "EDUCATION", "RELATIONSHIPS", "MISSING", "ONLINE", "SUBSTANCES");
		assertThat(instrument.indicators())
			.allSatisfy((indicator) -> assertThat(indicator.points()).isEqualTo(switch (indicator.weight()) {
				case "LOW" -> 1;
				case "MEDIUM" -> 2;
				default -> 3;
			}));
		assertThat(instrument.indicators().stream().flatMap((indicator) -> indicator.marks().stream()))
			.containsExactlyInAnyOrder(Instrument.DISCLOSURE, Instrument.REPEAT_MISSING,
					Instrument.CONTROLLING_OLDER_ADULT);
	}

	@Test
	void aCouncilsOwnToolWithItsOwnWeightsIsReadTheSameWay() throws IOException {
		Instrument instrument = read("/cse/small-test-instrument.json");

		assertThat(instrument.indicators()).extracting(Instrument.Indicator::code).containsExactly("P1", "P2", "L1");
		assertThat(instrument.indicator("P1").orElseThrow().points()).isEqualTo(6);
		assertThat(instrument.indicator("P1").orElseThrow().isHigh()).isTrue();
		assertThat(instrument.indicatorsOf("PLACES")).extracting(Instrument.Indicator::code).containsExactly("L1");
	}

	@Test
	void aBadInstrumentIsRefusedNamingTheFileAndEveryProblem() {
		String bad = """
				{ "id": "broken", "version": 0, "name": "Broken", "decision": "CseRiskLevel",
				  "domains": [ { "code": "D", "label": "Domain" }, { "code": "D", "label": "Again" } ],
				  "indicators": [
				    { "code": "X1", "domain": "NOWHERE", "weight": "HIGH", "text": "Somewhere" },
				    { "code": "X1", "domain": "D", "weight": "HUGE", "text": "Twice", "marks": ["SHOUTING"] } ] }""";

		assertThatThrownBy(() -> InstrumentFile.read("broken.json", stream(bad)))
			.isInstanceOf(InstrumentFile.InvalidInstrument.class)
			.hasMessageStartingWith("Exploitation instrument broken.json cannot be used: ")
			.hasMessageContaining("give it a version of 1 or more")
			.hasMessageContaining("domain D is there twice")
			.hasMessageContaining("indicator X1 names no domain of the instrument (NOWHERE)")
			.hasMessageContaining("indicator X1 is there twice")
			.hasMessageContaining("indicator X1 must weigh LOW, MEDIUM or HIGH, not HUGE")
			.hasMessageContaining("indicator X1 has an unknown mark SHOUTING");
	}

	@Test
	void aFileThatIsNotAnInstrumentIsRefusedByName() {
		assertThatThrownBy(() -> InstrumentFile.read("notes.json", stream("{ \"id\": \"x\", \"colour\": \"red\" }")))
			.isInstanceOf(InstrumentFile.InvalidInstrument.class)
			.hasMessageStartingWith(
					"Exploitation instrument notes.json cannot be used: it is not a readable" + " instrument file");
	}

	@Test
	void theSameFileAlwaysHasTheSameChecksumAndAChangedOneAnother() {
		String file = """
				{ "id": "a", "version": 1, "name": "A", "decision": "CseRiskLevel",
				  "domains": [ { "code": "D", "label": "Domain" } ],
				  "indicators": [ { "code": "X", "domain": "D", "weight": "LOW", "text": "Text" } ] }""";

		String first = InstrumentFile.read("a.json", stream(file)).checksum();

		assertThat(InstrumentFile.read("a.json", stream(file)).checksum()).isEqualTo(first);
		assertThat(InstrumentFile.read("a.json", stream(file.replace("Text", "Other"))).checksum()).isNotEqualTo(first);
	}

	private static Instrument read(String resource) throws IOException {
		try (InputStream in = InstrumentFileTests.class.getResourceAsStream(resource)) {
			return InstrumentFile.read(resource, in).instrument();
		}
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
