package org.mashhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mashhub.LocalMashHub;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A person signed in to the web UI the way a browser does it, through the real Keycloak
 * sign-in form, without a browser: for tests that ask many pages of many people.
 */
public final class WebSession {

	private static final Pattern SIGN_IN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient http;

	private final String appUrl;

	private final String csrf;

	private WebSession(HttpClient http, String appUrl, String csrf) {
		this.http = http;
		this.appUrl = appUrl;
		this.csrf = csrf;
	}

	/** Signs in as a demo user and keeps the session and its CSRF token. */
	public static WebSession signIn(int appPort, String username) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieJar())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String appUrl = "http://localhost:" + appPort;
		HttpResponse<String> page = follow(http, get(URI.create(appUrl + "/work")));
		Matcher form = SIGN_IN_FORM.matcher(page.body());
		Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
		if (action == null || !action.find()) {
			throw new IllegalStateException("No Keycloak sign-in form for " + username + ": " + page.uri());
		}
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("username", username);
		credentials.put("password", LocalMashHub.DEMO_PASSWORD);
		credentials.put("credentialId", "");
		HttpResponse<String> signedIn = follow(http,
				form(URI.create(action.group(1).replace("&amp;", "&")), MultiValueMap.fromSingleValue(credentials)));
		Matcher csrf = CSRF.matcher(signedIn.body());
		if (!signedIn.uri().toString().startsWith(appUrl) || !csrf.find()) {
			throw new IllegalStateException("Signing in as " + username + " ended at " + signedIn.uri() + " with "
					+ signedIn.statusCode() + ": "
					+ signedIn.body().replaceAll("\\s+", " ").replaceAll(".*(<div[^>]*alert.{0,400}).*", "$1"));
		}
		return new WebSession(http, appUrl, csrf.group(1));
	}

	/** A page, without following where it redirects. */
	public HttpResponse<String> get(String path) {
		return send(http(), get(URI.create(this.appUrl + path)));
	}

	/**
	 * A form post with the session's CSRF token, without following where it redirects.
	 */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return post(path, MultiValueMap.fromSingleValue(fields));
	}

	/** A form post whose fields may repeat, as ticked checkboxes of one name do. */
	public HttpResponse<String> post(String path, MultiValueMap<String, String> fields) {
		MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(fields);
		withToken.set("_csrf", this.csrf);
		return send(http(), form(URI.create(this.appUrl + path), withToken));
	}

	/** Any method, with the CSRF token in its header. */
	public HttpResponse<String> send(String method, String path) {
		return send(http(),
				HttpRequest.newBuilder(URI.create(this.appUrl + path))
					.header("X-CSRF-TOKEN", this.csrf)
					.method(method, HttpRequest.BodyPublishers.noBody())
					.build());
	}

	private HttpClient http() {
		return this.http;
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build();
	}

	private static HttpRequest form(URI uri, MultiValueMap<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.flatMap((field) -> field.getValue()
				.stream()
				.map((value) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * Cookies by host and port, sent back whatever their Secure flag: Keycloak marks its
	 * sign-in cookies Secure, and a browser, unlike Java's own cookie store, counts
	 * localhost as secure.
	 */
	private static final class CookieJar extends CookieHandler {

		private final Map<String, Map<String, String>> byOrigin = new ConcurrentHashMap<>();

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
			Map<String, String> cookies = this.byOrigin.getOrDefault(origin(uri), Map.of());
			return cookies.isEmpty() ? Map.of()
					: Map.of("Cookie",
							List.of(cookies.entrySet()
								.stream()
								.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
								.collect(Collectors.joining("; "))));
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) {
			Map<String, String> cookies = this.byOrigin.computeIfAbsent(origin(uri),
					(origin) -> new ConcurrentHashMap<>());
			responseHeaders.forEach((header, values) -> {
				if ("Set-Cookie".equalsIgnoreCase(header)) {
					for (String value : values) {
						String pair = value.split(";", 2)[0];
						int equals = pair.indexOf('=');
						if (equals > 0) {
							String name = pair.substring(0, equals).strip();
							String content = pair.substring(equals + 1).strip();
							if (content.isEmpty() || value.toLowerCase().contains("max-age=0")) {
								cookies.remove(name);
							}
							else {
								cookies.put(name, content);
							}
						}
					}
				}
			});
		}

		private static String origin(URI uri) {
			return uri.getHost() + ":" + uri.getPort();
		}

	}

	/** Follows redirects (across the app and Keycloak) to the page they end at. */
	private static HttpResponse<String> follow(HttpClient http, HttpRequest request) {
		HttpResponse<String> response = send(http, request);
		for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			response = send(http, get(next));
		}
		return response;
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
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
