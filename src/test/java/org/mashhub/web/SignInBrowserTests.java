package org.mashhub.web;

import org.junit.jupiter.api.Test;
import org.mashhub.testing.Browser;
import org.mashhub.testing.IntegrationTest;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aDemoUserSignsInThroughKeycloakAndSeesTheirNameAndTeam() {
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/");
			assertThat(browser.isOnKeycloakSignInPage()).isTrue();

			browser.signInAs("maya.manager");

			assertThat(browser.text("display-name")).isEqualTo("Maya Manager");
			assertThat(browser.text("username")).isEqualTo("maya.manager");
			assertThat(browser.text("groups")).contains("MASH manager");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/work");
			browser.screenshot("home");
		}
	}

	@Test
	void signingOutEndsTheKeycloakSessionToo() {
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/").signInAs("sam.screener");
			assertThat(browser.text("display-name")).isEqualTo("Sam Screener");

			browser.click("sign-out");
			browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/logout")));
			browser.visit("/");

			assertThat(browser.isOnKeycloakSignInPage()).as("Keycloak asks again: its session ended too").isTrue();
		}
	}

	@Test
	void cockpitOpensForAHubAdmin() {
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/camunda/app/cockpit/default/").signInAs("ada.admin");

			browser.await().until(ExpectedConditions.titleContains("Cockpit"));
			browser.await()
				.until((driver) -> driver.getPageSource().contains("ContactTriageProcess")
						|| driver.getPageSource().contains("Process Definitions"));
			assertThat(browser.driver().getPageSource()).doesNotContain("name=\"username\"");
			browser.screenshot("cockpit");
		}
	}

	@Test
	void cockpitIsRefusedToAManager() {
		try (Browser browser = Browser.open(this.port)) {
			browser.visit("/camunda/app/cockpit/default/").signInAs("maya.manager");

			assertThat(browser.text("error-heading")).isEqualTo("You cannot see this page");
		}
	}

}
