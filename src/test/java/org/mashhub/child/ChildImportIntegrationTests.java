package org.mashhub.child;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mashhub.security.AccessAudit;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.NhsNumbers;
import org.mashhub.testing.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mashhub.child.ChildImportFiles.HEADER;
import static org.mashhub.child.ChildImportFiles.onlyRecord;
import static org.mashhub.child.ChildImportFiles.uniqueFamilyName;

/**
 * The go-live import through its API, as a hub-admin's script sends it: the file as the
 * body (text/csv) or as a file part, the flags read back as the front door reads them.
 */
@IntegrationTest
class ChildImportIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** The day the front door reads the flags: Monday 30 November 2026. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@LocalServerPort
	int port;

	@Autowired
	ChildRecords children;

	@Autowired
	AccessAudit audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportFindsKnownChildrenGivesTheOthersARecordAndSetsTheirFlags() throws Exception {
		String family = uniqueFamilyName("Import");
		Child byNhsNumber = ChildFixtures.aRecordedChild(this.children, "Mia", family);
		Child byName = this.children
			.register(new ChildRecords.NewChild("Noah", family, ChildFixtures.BORN, null, null, null, null, false));
		String zoeNhsNumber = NhsNumbers.random();
		String csv = HEADER + byNhsNumber.nhsNumber() + ",Mia," + family + ",03/03/2014,alex.assessor,,\n"
				+ ",Noah James," + family + ",2014-03-03,,10/01/2025,30/09/2025\n" + spaced(zoeNhsNumber) + ",Zoë,"
				+ family + ",21/12/2019,Alex.Assessor,2026-06-01,\n" + ",Jack," + family + ",07/07/2016,,01/02/2019,"
				+ "01/03/2020\n";

		HttpResponse<String> imported = importBody("ada.admin", csv);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(JSON.readTree(imported.body())).isEqualTo(counts(4, 2, 2, 2, 0, 3));
		assertThat(this.children.find(byNhsNumber.id()).orElseThrow().allocatedWorker()).isEqualTo("alex.assessor");
		assertThat(this.children.flags(byNhsNumber.id(), TODAY)).isEqualTo(new ChildRecords.Flags(true, false));
		assertThat(this.children.flags(byName.id(), TODAY)).isEqualTo(new ChildRecords.Flags(false, true));
		Child zoe = onlyRecord(this.children, "Zoë", family, LocalDate.of(2019, 12, 21));
		assertThat(zoe.givenNames()).as("read as UTF-8").isEqualTo("Zoë");
		assertThat(zoe.nhsNumber()).isEqualTo(zoeNhsNumber);
		assertThat(zoe.allocatedWorker()).as("usernames are lower case").isEqualTo("alex.assessor");
		assertThat(this.children.flags(zoe.id(), TODAY)).isEqualTo(new ChildRecords.Flags(true, true));
		Child jack = onlyRecord(this.children, "Jack", family, LocalDate.of(2016, 7, 7));
		assertThat(this.children.flags(jack.id(), TODAY)).as("his plan ended more than two years before")
			.isEqualTo(new ChildRecords.Flags(false, false));
	}

	@Test
	void aFileWithABadRowWritesNothingAndNamesEachRowAtFault() throws Exception {
		String family = uniqueFamilyName("Refused");
		String csv = HEADER + ",Ella," + family + ",04/05/2015,alex.assessor,,\n" + ",Finn," + family
				+ ",31/02/2015,,,\n" + "9434765918,Gus," + family + ",2016-01-01,,2025-03-01,2025-02-01\n";

		HttpResponse<String> refused = importBody("ada.admin", csv);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(refused.body()).get("errors")).isEqualTo(JSON.readTree("""
				{"rows[3].dateOfBirth": "Row 3: date of birth is not a date: write it as 31/12/2015 or 2015-12-31",
				 "rows[4].nhsNumber": "Row 4: NHS number is not a valid NHS number (10 digits, the last a check digit)",
				 "rows[4].childProtectionPlanEnd": "Row 4: CP plan end is before the plan's start"}"""));
		assertThat(this.children.possibleMatches("Ella", family, LocalDate.of(2015, 5, 4), null))
			.as("the row with nothing wrong is not written either")
			.isEmpty();
	}

	@Test
	void theSameFileImportedAgainRecordsNoChildNorPlanTwice() throws Exception {
		String family = uniqueFamilyName("Again");
		String csv = HEADER + ",Hana," + family + ",09/09/2013,alex.assessor,2024-02-01,2025-02-01\n" + ",Hana,"
				+ family + ",09/09/2013,alex.assessor,2026-01-05,\n";
		HttpResponse<String> first = importBody("ada.admin", csv);
		assertThat(JSON.readTree(first.body())).as(first.body()).isEqualTo(counts(2, 0, 1, 1, 0, 2));

		HttpResponse<String> again = importFile("ada.admin", csv);

		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(JSON.readTree(again.body())).isEqualTo(counts(2, 1, 0, 1, 0, 2));
		Child hana = onlyRecord(this.children, "Hana", family, LocalDate.of(2013, 9, 9));
		assertThat(plansOf(hana)).containsExactly("2024-02-01 to 2025-02-01", "2026-01-05 to now");
	}

	@Test
	void aChildWhoseRowsNameNoWorkerNoLongerHasAnOpenCase() throws Exception {
		String family = uniqueFamilyName("Closed");
		Child ivy = ChildFixtures.aChildWithAnOpenCase(this.children, "Ivy", family, "alex.assessor");
		String csv = HEADER + ivy.nhsNumber() + ",Ivy," + family + ",03/03/2014,,2024-06-01,2025-06-01\n";

		HttpResponse<String> imported = importBody("ada.admin", csv);

		assertThat(JSON.readTree(imported.body())).as(imported.body()).isEqualTo(counts(1, 1, 0, 0, 1, 1));
		assertThat(this.children.flags(ivy.id(), TODAY)).isEqualTo(new ChildRecords.Flags(false, true));
	}

	@Test
	void anImportIsAuditedWithItsCountsAndNoNames() throws Exception {
		String family = uniqueFamilyName("Audited");
		String csv = HEADER + ",Kai," + family + ",01/02/2017,alex.assessor,2025-05-05,\n";

		assertThat(importBody("ada.admin", csv).statusCode()).isEqualTo(200);

		List<AccessAudit.Entry> entries = this.audit
			.find(new AccessAudit.Query("ada.admin", "IMPORT", "child", null, null, null, 0, 1));
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.subjectId()).isNull();
			assertThat(entry.reason()).isEqualTo("1 rows: 0 children matched, 1 registered, 1 allocated,"
					+ " 0 allocations ended, 1 child protection plans recorded");
		});
	}

	@Test
	void onlyAHubAdminMayImport() throws Exception {
		String family = uniqueFamilyName("Forbidden");
		String csv = HEADER + ",Jo," + family + ",01/01/2015,sam.screener,,\n";

		for (String user : List.of("sam.screener", "maya.manager", "stella.service")) {
			assertThat(importBody(user, csv).statusCode()).as(user).isEqualTo(403);
			assertThat(importFile(user, csv).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(this.children.possibleMatches("Jo", family, LocalDate.of(2015, 1, 1), null)).isEmpty();
	}

	/** The file as the request's body. */
	private HttpResponse<String> importBody(String username, String csv) throws IOException, InterruptedException {
		return send(username, "text/csv; charset=utf-8", csv);
	}

	/** The file as a form's file part, the way curl -F sends it. */
	private HttpResponse<String> importFile(String username, String csv) throws IOException, InterruptedException {
		String boundary = "import-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"open-cases.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		return send(username, "multipart/form-data; boundary=" + boundary, body);
	}

	private HttpResponse<String> send(String username, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/children/import"))
			.header("Authorization", "Bearer " + Tokens.forUser(username))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode counts(int rows, int matched, int registered, int allocated, int allocationsEnded,
			int plansRecorded) {
		return JSON.createObjectNode()
			.put("rows", rows)
			.put("matched", matched)
			.put("registered", registered)
			.put("allocated", allocated)
			.put("allocationsEnded", allocationsEnded)
			.put("plansRecorded", plansRecorded);
	}

	private List<String> plansOf(Child child) {
		return this.jdbc.sql("select started_on, ended_on from child_protection_plan where child_id = :id order by 1")
			.param("id", child.id())
			.query((rs, row) -> rs.getDate("started_on").toLocalDate() + " to "
					+ ((rs.getDate("ended_on") != null) ? rs.getDate("ended_on").toLocalDate() : "now"))
			.list();
	}

	private static String spaced(String nhsNumber) {
		return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
	}

}
