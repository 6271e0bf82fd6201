package org.mashhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak from the Maven Central distribution, started with
 * {@code kc.sh start-dev} on the MASH Hub realm. A Keycloak already answering for the
 * realm on the port is reused (and left running).
 */
public final class LocalKeycloak implements AutoCloseable {

	public static final String REALM = "mash-hub";

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final int port;

	private final Process process;

	private LocalKeycloak(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	public static LocalKeycloak startOrReuse(int port) {
		if (realmAnswers(port)) {
			System.out.println("Reusing the Keycloak already answering on port " + port);
			return new LocalKeycloak(port, null);
		}
		LocalStackSettings settings = LocalStackSettings.load();
		Path home = settings.keycloakHome();
		Path kcScript = home.resolve("bin/kc.sh");
		if (!Files.isRegularFile(kcScript)) {
			throw new IllegalStateException("No Keycloak at " + home + ": run ./mvnw test-compile once to unpack it");
		}
		try {
			Path imports = Files.createDirectories(home.resolve("data/import"));
			Files.copy(settings.realmFile(), imports.resolve(REALM + "-realm.json"),
					StandardCopyOption.REPLACE_EXISTING);
			Path log = settings.localDir().resolve("keycloak-" + port + ".log");
			// dev-mem: the realm file is imported afresh at every start, so it is the one
			// truth
			ProcessBuilder builder = new ProcessBuilder("bash", kcScript.toString(), "start-dev", "--import-realm",
					"--db=dev-mem", "--http-port=" + port, "--http-management-port=" + (port + 1),
					"--hostname-strict=false")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// The master realm's administrator, for the local admin console only
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
			builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
			System.out.println("Starting Keycloak on port " + port + " (log: " + log + ")");
			LocalKeycloak keycloak = new LocalKeycloak(port, builder.start());
			keycloak.awaitRealm(log);
			return keycloak;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public String issuer() {
		return url() + "/realms/" + REALM;
	}

	/** The Keycloak process, or null when an already running Keycloak was reused. */
	public ProcessHandle process() {
		return (this.process != null) ? this.process.toHandle() : null;
	}

	private void awaitRealm(Path log) throws IOException {
		Instant limit = Instant.now().plus(STARTUP_LIMIT);
		while (!realmAnswers(this.port)) {
			if (!this.process.isAlive() || Instant.now().isAfter(limit)) {
				close();
				List<String> lines = Files.readAllLines(log);
				throw new IllegalStateException("Keycloak did not start; the end of its log:\n"
						+ String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
			}
			pause();
		}
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
		}
	}

	static boolean realmAnswers(int port) {
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The realm's demo users with their groups, as {username, "group, group"}. */
	public List<String[]> demoLogins() {
		try {
			JsonNode realm = new ObjectMapper().readTree(LocalStackSettings.load().realmFile().toFile());
			List<String[]> logins = new ArrayList<>();
			for (JsonNode user : realm.get("users")) {
				if (user.has("groups")) {
					List<String> groups = new ArrayList<>();
					user.get("groups").forEach((group) -> groups.add(group.asText().substring(1)));
					logins.add(new String[] { user.get("username").asText(), String.join(", ", groups) });
				}
			}
			return logins;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops Keycloak and anything it started, if this JVM started it. */
	@Override
	public void close() {
		if (this.process != null) {
			LocalProcesses.stop(this.process.toHandle(), Duration.ofSeconds(30));
		}
	}

}
