package org.mashhub.cse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A screening instrument at one version: its domains, its weighed indicators and the DMN
 * decision that turns a score into a level. A screening keeps the version it was scored
 * with, so it reads the same after the council changes the tool.
 */
public record Instrument(String id, int version, String name, String description, String decision, List<Domain> domains,
		List<Indicator> indicators) {

	/** What an indicator may mean for the floors of the level. */
	public static final String DISCLOSURE = "DISCLOSURE";

	public static final String REPEAT_MISSING = "REPEAT_MISSING";

	public static final String CONTROLLING_OLDER_ADULT = "CONTROLLING_OLDER_ADULT";

	static final Set<String> MARKS = Set.of(DISCLOSURE, REPEAT_MISSING, CONTROLLING_OLDER_ADULT);

	public Instrument {
		domains = List.copyOf(domains);
		indicators = List.copyOf(indicators);
	}

	public record Domain(String code, String label) {
	}

	/**
	 * @param weight LOW, MEDIUM or HIGH; "any High indicator" of the floors means HIGH
	 * @param points what the indicator adds to the score when present
	 */
	public record Indicator(String code, String domain, String text, String weight, int points, Set<String> marks) {

		public Indicator {
			marks = Set.copyOf(marks);
		}

		public boolean isHigh() {
			return "HIGH".equals(this.weight);
		}

	}

	public Optional<Indicator> indicator(String code) {
		return this.indicators.stream().filter((indicator) -> indicator.code().equals(code)).findFirst();
	}

	public List<Indicator> indicatorsOf(String domain) {
		return this.indicators.stream().filter((indicator) -> indicator.domain().equals(domain)).toList();
	}

	public String label() {
		return this.name + " (version " + this.version + ")";
	}

}
