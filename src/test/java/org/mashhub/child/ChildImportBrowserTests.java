package org.mashhub.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mashhub.child.ChildImportFiles.HEADER;
import static org.mashhub.child.ChildImportFiles.onlyRecord;
import static org.mashhub.child.ChildImportFiles.uniqueFamilyName;

@IntegrationTest
class ChildImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ChildRecords children;

	@TempDir
	Path files;

	@Test
	void aHubAdminImportsOpenCasesAndPlansAndSeesWhatWasDone() throws IOException {
		String family = uniqueFamilyName("Browser");
		Path file = csv(HEADER + ",Kit," + family + ",05/06/2015,alex.assessor,2025-04-01,\n" + ",Lou," + family
				+ ",06/07/2016,,,\n");

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/admin/children/import").signInAs("ada.admin");
			browser.field("import-file").sendKeys(file.toString());
			browser.click("import");

			assertThat(browser.text("import-success")).contains("2 rows imported");
			assertThat(browser.text("registered")).isEqualTo("2");
			assertThat(browser.text("allocated")).isEqualTo("1");
			assertThat(browser.text("plans-recorded")).isEqualTo("1");
			browser.screenshot("child-import-done");
		}
		Child kit = onlyRecord(this.children, "Kit", family, LocalDate.of(2015, 6, 5));
		assertThat(kit.allocatedWorker()).isEqualTo("alex.assessor");
		assertThat(this.children.flags(kit.id(), LocalDate.of(2026, 11, 30)))
			.isEqualTo(new ChildRecords.Flags(true, true));
		onlyRecord(this.children, "Lou", family, LocalDate.of(2016, 7, 6));
	}

	@Test
	void aFileWithABadRowIsRefusedWithTheRowNamedBesideTheField() throws IOException {
		String family = uniqueFamilyName("Browser");
		Path file = csv(HEADER + ",Max," + family + ",31/02/2015,,,\n");

		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/admin/children/import").signInAs("ada.admin");
			browser.field("import-file").sendKeys(file.toString());
			browser.click("import");

			String problem = "Row 2: date of birth is not a date: write it as 31/12/2015 or 2015-12-31";
			assertThat(browser.text("error-summary")).contains("Nothing was imported.").contains(problem);
			assertThat(browser.text("import-file-error")).contains(problem);
			assertThat(browser.driver().findElement(By.id("import-file")).getDomAttribute("aria-describedby"))
				.isEqualTo("import-file-hint import-file-error");
		}
	}

	private Path csv(String content) throws IOException {
		return Files.writeString(this.files.resolve("open-cases.csv"), content, StandardCharsets.UTF_8)
			.toAbsolutePath();
	}

}
