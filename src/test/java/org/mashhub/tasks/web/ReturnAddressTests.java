package org.mashhub.tasks.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnAddressTests {

	@ParameterizedTest
	@ValueSource(strings = { "/work", "/work?tab=UNASSIGNED", "/team", "/tasks/6f1c2b9e-0d1a-11f0-9b2a-0242ac120002",
			"/triage/tasks/6f1c2b9e-0d1a-11f0-9b2a-0242ac120002", "/complaints/tasks/42" })
	void aPageOfThisAppIsReturnedToAsItIs(String page) {
		assertThat(ReturnAddress.of(page)).isEqualTo(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/\t/evil.example", "/\n/evil.example", "//evil.example", "///evil.example",
			"/\\evil.example", "\\\\evil.example", "https://evil.example/work", "javascript:alert(1)", "http:/work",
			"/work#@evil.example", "/work/../admin", "/%2F/evil.example", "/work/..", "evil.example",
			"/camunda/app/admin", "/tasks/../../evil", "", " /work", "/work ", "/team\r\nSet-Cookie: x=1" })
	void anythingElseGoesToMyWork(String hostile) {
		assertThat(ReturnAddress.of(hostile)).isEqualTo("/work");
	}

	@ParameterizedTest
	@CsvSource({ "/work?tab=DUE&q=smith, /work?tab=DUE&q=smith", "/team?page=2, /team?page=2" })
	void theQueryStaysWithThePage(String given, String expected) {
		assertThat(ReturnAddress.of(given)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void noAddressIsMyWork() {
		assertThat(ReturnAddress.of(null)).isEqualTo("/work");
	}

}
