package org.mashhub.testing;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA as axe-core checks it, on the page the browser shows: public sector
 * services must meet it, so every page a browser test visits is checked.
 */
final class Accessibility {

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private Accessibility() {
	}

	static void check(WebDriver driver) {
		Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
		assertThat(results.getViolations())
			.as(() -> "axe-core: WCAG 2.2 AA violations on " + driver.getCurrentUrl() + "\n"
					+ describe(results.getViolations()))
			.isEmpty();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.collect(Collectors.joining("\n"));
	}

}
