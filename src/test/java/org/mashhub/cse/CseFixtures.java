package org.mashhub.cse;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import org.mashhub.testing.WebSession;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exploitation screening's forms as a browser sends them, for children of names of
 * their own (tests share one database).
 */
final class CseFixtures {

	private CseFixtures() {
	}

	/** A family name no other test uses (letters only: matching ignores digits). */
	static String aFamilyName() {
		StringBuilder name = new StringBuilder("Cse");
		for (int i = 0; i < 8; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return name.toString();
	}

	/** The coordinator's form opening a screening of a child born on 1 March 2011. */
	static MultiValueMap<String, String> anOpening(String givenNames, String familyName) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("child.givenNames", givenNames);
		form.set("child.familyName", familyName);
		date(form, "child.dateOfBirth", "1", "3", "2011");
		form.set("child.nhsNumber", "");
		form.set("concern", "School nurse: older men collecting her at the gates.");
		return form;
	}

	/** An indicator found on the form, seen by the police as a concern on the day. */
	static void indicator(MultiValueMap<String, String> form, String code, String answer, String day, String month,
			String year) {
		form.set("indicator." + code + ".answer", answer);
		date(form, "indicator." + code + ".observedOn", day, month, year);
		form.set("indicator." + code + ".agency", "Police");
		form.set("indicator." + code + ".basis", "CONCERN");
	}

	static void date(MultiValueMap<String, String> form, String name, String day, String month, String year) {
		form.set(name + "-day", day);
		form.set(name + "-month", month);
		form.set(name + "-year", year);
	}

	static void dateTime(MultiValueMap<String, String> form, String name, String day, String month, String year,
			String time) {
		date(form, name, day, month, year);
		form.set(name + "-time", time);
	}

	/** Where a form that was accepted sent its browser. */
	static String redirectOf(HttpResponse<String> response) {
		assertThat(response.statusCode())
			.as(() -> response.uri() + " answered " + response.statusCode() + ": "
					+ response.body().replaceAll("\\s+", " ").replaceAll(".*(govuk-error-summary.{0,600}).*", "$1"))
			.isEqualTo(302);
		return URI.create(response.headers().firstValue("Location").orElseThrow()).getRawPath();
	}

	static void claim(WebSession session, String taskId) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.set("returnTo", "/cse/tasks/" + taskId);
		assertThat(redirectOf(session.post("/tasks/" + taskId + "/claim", form))).isEqualTo("/cse/tasks/" + taskId);
	}

}
