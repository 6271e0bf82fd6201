package org.mashhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to one app node with real tokens from the bench Keycloak: a demo user's (password
 * grant) or a partner system's (client credentials), renewed well before they expire.
 */
final class BenchClient {

	static final ObjectMapper JSON = new ObjectMapper();

	/** The realm's tokens live 5 minutes; a new one is fetched after 3. */
	private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(3);

	private static final String DEMO_PASSWORD = "demo";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String issuer;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private record Token(String value, long fetchedAt) {
	}

	BenchClient(String issuer) {
		this.issuer = issuer;
	}

	String userToken(String username) {
		return token("user:" + username, Map.of("grant_type", "password", "client_id", "mash-hub-cli", "username",
				username, "password", DEMO_PASSWORD, "scope", "openid"));
	}

	String partnerToken(String agency) {
		return token("partner:" + agency, Map.of("grant_type", "client_credentials", "client_id", agency + "-system",
				"client_secret", agency + "-system-local-secret"));
	}

	private String token(String key, Map<String, String> form) {
		Token token = this.tokens.compute(key, (name, held) -> (held != null
				&& System.nanoTime() - held.fetchedAt() < TOKEN_RENEWAL.toNanos()) ? held
						: new Token(fetch(form), System.nanoTime()));
		return token.value();
	}

	private String fetch(Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(this.issuer + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused a token: " + response.body());
		}
		return json(response.body()).get("access_token").asText();
	}

	HttpResponse<String> get(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	HttpResponse<String> post(String url, String token, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** The body of a 2xx answer; anything else stops the benchmark with what came back. */
	static String ok(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
