package org.mashhub.child;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashhub.security.AccessAudit;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@IntegrationTest
class ChildRecordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ChildRecords children;

	@Autowired
	AccessAudit audit;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aChildIsFoundByNhsNumberFirstAndByNameAndDateOfBirthButNeverMerged() {
		Child recorded = this.children
			.register(new ChildRecords.NewChild("Zoë Anne", "O'Brien", LocalDate.of(2015, 3, 9), "female",
					"943 476 5919", "1 High Street, Anytown", "Anytown Primary", false));
		Child twin = this.children.register(new ChildRecords.NewChild("Zoe", "OBrien", LocalDate.of(2015, 3, 9),
				"female", null, "1 High Street, Anytown", "Anytown Primary", false));

		List<ChildRecords.PossibleMatch> matches = this.children.possibleMatches("ZOE", "o'brien",
				LocalDate.of(2015, 3, 9), "9434765919");

		assertThat(matches).extracting((match) -> match.child().id(), ChildRecords.PossibleMatch::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(recorded.id(), ChildRecords.MatchReason.NHS_NUMBER),
					org.assertj.core.groups.Tuple.tuple(twin.id(), ChildRecords.MatchReason.NAME_AND_DATE_OF_BIRTH));
		assertThat(this.children.possibleMatches("Zoe", "O'Brien", LocalDate.of(2015, 3, 10), null)).isEmpty();
		assertThat(this.children.find(twin.id())).isPresent();
	}

	@Test
	void anNhsNumberWithAWrongCheckDigitIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.children.register(new ChildRecords.NewChild("Sam", "Jones", LocalDate.of(2016, 1, 1),
					null, "9434765918", null, null, false)))
			.withMessageContaining("nhsNumber");
	}

	@Test
	void flagsShowAnOpenCaseAndAChildProtectionPlanInTheLastTwoYears() {
		Child child = this.children.register(
				new ChildRecords.NewChild("Ali", "Khan", LocalDate.of(2012, 6, 1), "male", null, null, null, false));
		this.children.recordChildProtectionPlan(child.id(), LocalDate.of(2023, 1, 10), LocalDate.of(2024, 12, 1));

		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 11, 30)))
			.isEqualTo(new ChildRecords.Flags(false, true));
		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 12, 2)))
			.as("the plan ended more than two years before")
			.isEqualTo(new ChildRecords.Flags(false, false));

		this.children.allocate(child.id(), "alex.assessor");
		assertThat(this.children.flags(child.id(), LocalDate.of(2026, 12, 2)).openCase()).isTrue();
	}

	@Test
	void theChronologyIsInOrderAndOnlyForCaseStaffAndEveryViewIsAudited() {
		Child child = this.children.register(
				new ChildRecords.NewChild("Mia", "Lee", LocalDate.of(2019, 2, 2), "female", null, null, null, false));
		this.children.addToChronology(child.id(), Instant.parse("2026-11-20T16:05:00Z"), "RAG_SET", "RAG set to amber",
				"sam.screener", "C-1");
		this.children.addToChronology(child.id(), Instant.parse("2026-11-20T16:00:00Z"), "CONTACT_RECEIVED",
				"Contact received from police", "paul.police", "C-1");
		Api api = new Api(this.port);

		HttpResponse<String> chronology = api.get("/api/children/" + child.id() + "/chronology",
				Tokens.forUser("maya.manager"));

		assertThat(chronology.statusCode()).isEqualTo(200);
		assertThat(chronology.body().indexOf("CONTACT_RECEIVED")).isLessThan(chronology.body().indexOf("RAG_SET"));
		assertThat(api.get("/api/children/" + child.id(), Tokens.forUser("eddie.education")).statusCode())
			.isEqualTo(403);
		assertThat(api.get("/api/children/" + child.id(), Tokens.forUser("sam.screener")).body())
			.contains("\"openCase\":false");
		List<AccessAudit.Entry> views = this.transactions.execute((status) -> this.audit
			.find(new AccessAudit.Query(null, null, "child", child.id().toString(), null, null, 0, 10)));
		assertThat(views).extracting(AccessAudit.Entry::username, AccessAudit.Entry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sam.screener", "VIEW"),
					org.assertj.core.groups.Tuple.tuple("maya.manager", "VIEW_CHRONOLOGY"));
	}

}
