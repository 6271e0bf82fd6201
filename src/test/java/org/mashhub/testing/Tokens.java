package org.mashhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mashhub.LocalMashHub;

/**
 * Real access tokens from the test Keycloak: password grant for demo users, client
 * credentials for partner systems.
 */
public final class Tokens {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private Tokens() {
	}

	/** A demo user's token through the local tools client. */
	public static String forUser(String username) {
		return token(IntegrationStack.keycloak().issuer(), Map.of("grant_type", "password", "client_id", "mash-hub-cli",
				"username", username, "password", LocalMashHub.DEMO_PASSWORD, "scope", "openid"));
	}

	/** A partner system's token, e.g. {@code forPartner("police")}. */
	public static String forPartner(String agency) {
		return token(IntegrationStack.keycloak().issuer(), Map.of("grant_type", "client_credentials", "client_id",
				agency + "-system", "client_secret", agency + "-system-local-secret"));
	}

	/** A token the realm issues to a client that is not meant for the MASH Hub API. */
	public static String withoutApiAudience(String username) {
		return token(IntegrationStack.keycloak().issuer(), Map.of("grant_type", "password", "client_id", "admin-cli",
				"username", username, "password", LocalMashHub.DEMO_PASSWORD));
	}

	/** A real token from another realm of the same Keycloak (its master realm). */
	public static String fromAnotherRealm() {
		return token(IntegrationStack.keycloak().url() + "/realms/master",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
	}

	private static String token(String issuer, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak refused a token: " + response.body());
			}
			JsonNode json = new ObjectMapper().readTree(response.body());
			return json.get("access_token").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
