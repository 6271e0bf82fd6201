package org.mashhub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run command's launcher, as a developer starts it: it prints the banner with working
 * URLs, and stopping it leaves no Keycloak or PostgreSQL process behind.
 */
class LocalRunIntegrationTests {

	private static final Pattern APP_URL = Pattern.compile("^ App\\s+(http://localhost:\\d+)/");

	private final List<String> banner = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Everything the launcher printed, for the failure message. */
	private final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Test
	void theLauncherStartsEverythingAndStoppingItLeavesNoProcessBehind() throws Exception {
		int keycloakPort = freePort();
		Path dataDirectory = Path.of("target", "local-run-test", "postgres").toAbsolutePath();
		// a first run, as on a fresh machine: demo data is seeded into an empty database
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
		Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dmash.local.keycloak-port=" + keycloakPort, "-Dmash.local.postgres-port=" + freePort(),
				"-Dmash.local.data-dir=" + dataDirectory, "-cp", System.getProperty("java.class.path"),
				LocalMashHub.class.getName(), "--server.port=0")
			.redirectErrorStream(true)
			.start();
		try {
			String appUrl;
			try {
				appUrl = awaitBanner(launcher).get(5, TimeUnit.MINUTES);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				throw new AssertionError("No banner within 5 minutes; the launcher's last lines:\n" + String.join("\n",
						this.output.subList(Math.max(0, this.output.size() - 60), this.output.size())), ex);
			}

			assertThat(get(appUrl + "/actuator/health")).isEqualTo(200);
			assertThat(this.banner).anySatisfy((line) -> assertThat(line)
				.contains("5 demo contacts seeded; 4 demo complaints seeded; 8 demo missing episodes seeded; "
						+ "5 demo exploitation screenings seeded"));
			assertThat(get("http://localhost:" + keycloakPort + "/realms/mash-hub")).isEqualTo(200);
			List<ProcessHandle> started = processesMentioning("--http-port=" + keycloakPort, dataDirectory.toString());
			assertThat(started).as("Keycloak and PostgreSQL processes of this launcher").hasSizeGreaterThanOrEqualTo(2);

			// SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT
			launcher.destroy();

			assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("the launcher exits").isTrue();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(started.stream().filter(ProcessHandle::isAlive).toList())
					.as("processes left behind")
					.isEmpty());
		}
		finally {
			launcher.destroyForcibly();
		}
	}

	/**
	 * Reads the launcher's output to its end (so it never blocks on a full pipe), keeping
	 * the banner; the future completes with the app's URL once the whole banner is
	 * printed.
	 */
	private CompletableFuture<String> awaitBanner(Process launcher) {
		CompletableFuture<String> appUrl = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			String url = null;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					this.output.add(line);
					Matcher found = APP_URL.matcher(line);
					if (found.find()) {
						url = found.group(1);
					}
					if (url != null && !appUrl.isDone()) {
						this.banner.add(line);
						if (line.startsWith("=====")) {
							appUrl.complete(url);
						}
					}
				}
			}
			catch (IOException ex) {
				appUrl.completeExceptionally(ex);
			}
			appUrl.completeExceptionally(new IllegalStateException("The launcher ended without a banner:\n" + String
				.join("\n", this.output.subList(Math.max(0, this.output.size() - 40), this.output.size()))));
		}, "launcher-output");
		reader.setDaemon(true);
		reader.start();
		return appUrl;
	}

	private static List<ProcessHandle> processesMentioning(String... markers) {
		return ProcessHandle.allProcesses().filter((process) -> process.info().commandLine().map((command) -> {
			for (String marker : markers) {
				if (command.contains(marker)) {
					return true;
				}
			}
			return false;
		}).orElse(false)).toList();
	}

	private static int get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
