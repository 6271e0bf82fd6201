package org.mashhub.chronology;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;
import org.mashhub.referral.ContactScreened;
import org.mashhub.referral.NewContact;
import org.mashhub.referral.Rag;
import org.mashhub.security.AccessAudit;
import org.mashhub.testing.Api;
import org.mashhub.testing.EventDelivery;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each child's chronology, written from the modules' events through the registry kept in
 * PostgreSQL, read only by those who may open the child's record.
 */
@IntegrationTest
class ChronologyIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ChildRecords children;

	@Autowired
	Chronology chronology;

	@Autowired
	AccessAudit audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper objectMapper;

	@Autowired
	IncompleteEventPublications incomplete;

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void theChronologyIsInOrderAndOnlyForCaseStaffAndEveryViewIsAudited() {
		Child child = aChild("Mia", "Lee" + System.nanoTime(), LocalDate.of(2019, 2, 2));
		this.transactions.executeWithoutResult((status) -> {
			this.chronology.add(child.id(), new ChronologyEntry(Instant.parse("2026-11-20T16:05:00Z"), "RAG_SET",
					"RAG set to amber", "sam.screener", "C-1"));
			this.chronology.add(child.id(), new ChronologyEntry(Instant.parse("2026-11-20T16:00:00Z"),
					"CONTACT_RECEIVED", "Contact received from police", "paul.police", "C-1"));
		});
		Api api = new Api(this.port);

		HttpResponse<String> read = api.get("/api/children/" + child.id() + "/chronology",
				Tokens.forUser("maya.manager"));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body().indexOf("CONTACT_RECEIVED")).isLessThan(read.body().indexOf("RAG_SET"));
		assertThat(
				api.get("/api/children/" + child.id() + "/chronology", Tokens.forUser("eddie.education")).statusCode())
			.isEqualTo(403);
		assertThat(api.get("/api/children/" + child.id() + "/chronology", Tokens.forUser("alex.assessor")).statusCode())
			.as("no case about the child is the assessment team's")
			.isEqualTo(404);
		List<AccessAudit.Entry> views = this.transactions.execute((status) -> this.audit
			.find(new AccessAudit.Query(null, null, "child", child.id().toString(), null, null, 0, 10)));
		assertThat(views).extracting(AccessAudit.Entry::username, AccessAudit.Entry::action)
			.containsExactly(Tuple.tuple("maya.manager", "VIEW_CHRONOLOGY"));
	}

	@Test
	void anEntryIsWrittenOnceHoweverOftenItsEventIsDelivered() {
		Child child = aChild("Ola", "Nowak" + System.nanoTime(), LocalDate.of(2018, 8, 8));
		ChronologyEntry entry = new ChronologyEntry(Instant.parse("2026-11-20T16:05:00Z"), "RAG_SET",
				"Screened: RAG amber", "sam.screener", "C-2026-000001/1");

		this.transactions.executeWithoutResult((status) -> this.chronology.add(child.id(), entry));
		this.transactions.executeWithoutResult((status) -> this.chronology.add(child.id(), entry));

		assertThat(this.chronology.of(child.id())).containsExactly(entry);
	}

	@Test
	void anEventCommittedWithItsTransactionButNeverDeliveredIsDeliveredAtTheNextStart() throws Exception {
		Child child = aChild("Tom", "Crash" + System.nanoTime(), LocalDate.of(2016, 6, 6));
		ContactScreened screened = new ContactScreened("C-2026-999999/1", child.id(), Rag.GREEN, null,
				List.of(NewContact.Agency.HEALTH), null, "sam.screener", Instant.parse("2026-11-20T10:00:00Z"));
		// What the registry holds when the app stopped after the commit, before the
		// listener ran
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
				values (:id, :listener, :type, :event, now())""")
			.param("id", UUID.randomUUID())
			.param("listener", FrontDoorEntries.class.getName() + ".screened(" + ContactScreened.class.getName() + ")")
			.param("type", ContactScreened.class.getName())
			.param("event", this.objectMapper.writeValueAsString(screened))
			.update();

		this.incomplete.resubmitIncompletePublications((publication) -> true);

		EventDelivery.awaitAllDelivered(this.jdbc);
		assertThat(this.chronology.of(child.id())).extracting(ChronologyEntry::kind, ChronologyEntry::summary)
			.containsExactly(Tuple.tuple("RAG_SET", "Screened: RAG green. Information requested from Health"));
		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Integer.class).single())
			.as("a delivered publication is deleted")
			.isZero();
	}

	@Test
	void aComplaintAboutAChildShowsInThatChildsChronologyButNotWhatItSays() throws Exception {
		String family = "Parent" + System.nanoTime();
		Child kim = aChild("Kim", family, LocalDate.of(2012, 5, 1));
		Api api = new Api(this.port);
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-23T09:30:00Z")));
		HttpResponse<String> logged = api.send("POST", "/api/complaints", """
				{"receivedVia": "Letter", "complainantName": "Jo Parent", "complainantContact": "1 High Street",
				 "complainantType": "PARENT", "childName": "Kim Alex %s", "childDateOfBirth": "2012-05-01",
				 "childConsent": "WRITTEN_CONSENT", "matterAroseOn": "2026-10-01", "advocacyOffered": false,
				 "elements": [{"summary": "Nobody returned my calls", "theme": "Communication"}]}""".formatted(family),
				Tokens.forUser("bella.support"));
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		String reference = JSON.readTree(logged.body()).get("reference").asText();
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-24T11:00:00Z")));
		HttpResponse<String> withdrawn = api.send("POST", "/api/complaints/" + reference + "/withdrawal",
				"{\"reason\": \"Sorted out on the phone\"}", Tokens.forUser("cara.complaints"));
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);

		EventDelivery.awaitAllDelivered(this.jdbc);
		JsonNode entries = JSON
			.readTree(api.get("/api/children/" + kim.id() + "/chronology", Tokens.forUser("maya.manager")).body());
		assertThat(entries.findValuesAsText("kind")).containsExactly("COMPLAINT_RECEIVED", "COMPLAINT_CLOSED");
		assertThat(entries.findValuesAsText("reference")).containsOnly(reference);
		assertThat(entries.findValuesAsText("summary")).containsExactly(
				"Complaint received under the Children Act 1989 procedure (stage 1)", "Complaint closed: Withdrawn");
		assertThat(entries.toString()).doesNotContain("Nobody returned my calls").doesNotContain("Jo Parent");
	}

	private Child aChild(String givenNames, String familyName, LocalDate dateOfBirth) {
		return this.children
			.register(new ChildRecords.NewChild(givenNames, familyName, dateOfBirth, null, null, null, null, false));
	}

}
