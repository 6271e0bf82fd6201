package org.mashhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP against the running app, the way a partner system or curl calls it.
 */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String baseUrl;

	public Api(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET();
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.build());
	}

	/** Any call with a JSON body (or none) and a bearer token (or none). */
	public HttpResponse<String> send(String method, String path, String json, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.build());
	}

	/** Raw bytes as the body (JSON that may not be JSON, or not even UTF-8). */
	public HttpResponse<String> sendBytes(String method, String path, byte[] body, String bearerToken,
			String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	/** A contact to {@code POST /api/contacts}, with its Idempotency-Key when given. */
	public HttpResponse<String> submitContact(String json, String idempotencyKey, String bearerToken) {
		return post("/api/contacts", json, idempotencyKey, bearerToken);
	}

	/** A JSON body posted with its Idempotency-Key when given. */
	public HttpResponse<String> post(String path, String json, String idempotencyKey, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
