package org.mashhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MASH Hub node: the app in a JVM of its own, on its runtime classpath only (no test
 * code), with the heap limit the target sets, talking to the bench database and Keycloak.
 */
final class AppNode implements AutoCloseable {

	static final String HEAP_LIMIT = "-Xmx512m";

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

	private static final Pattern STARTED = Pattern
		.compile("Started MashHubApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private final double readySeconds;

	private AppNode(String name, Process process, int port, Path log, double readySeconds) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
		this.readySeconds = readySeconds;
	}

	/**
	 * Starts a node and waits until it answers its health check; {@code properties} are
	 * Spring properties on top of the database and Keycloak settings.
	 */
	static AppNode start(String name, int port, BenchDatabase database, String issuer, Map<String, String> properties) {
		Path log = BenchSettings.directory().resolve("node-" + name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				HEAP_LIMIT, "-XX:+UseG1GC", "-cp", BenchSettings.nodeClasspath(), "org.mashhub.MashHubApplication",
				"--server.port=" + port, "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--mash.keycloak.issuer=" + issuer,
				"--mash.keycloak.client-secret=mash-hub-web-local-secret"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		long started = System.nanoTime();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			awaitHealthy(name, process, port, log, started);
			return new AppNode(name, process, port, log, (System.nanoTime() - started) / 1e9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitHealthy(String name, Process process, int port, Path log, long started) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (System.nanoTime() - started < STARTUP_LIMIT.toNanos()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Node " + name + " stopped while starting; see " + log);
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause(Duration.ofMillis(250));
		}
		process.destroyForcibly();
		throw new IllegalStateException("Node " + name + " did not start within " + STARTUP_LIMIT + "; see " + log);
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	/** From starting the JVM until the health check answers. */
	double readySeconds() {
		return this.readySeconds;
	}

	/**
	 * What Spring Boot logged: the application's own start and the JVM's time until then.
	 */
	double[] springStartedSeconds() {
		try {
			Matcher matcher = STARTED.matcher(Files.readString(this.log));
			return matcher.find() ? new double[] { Double.parseDouble(matcher.group(1)),
					Double.parseDouble(matcher.group(2)) } : new double[] { Double.NaN, Double.NaN };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Heap in use after a full collection, in MB (the live set). */
	double heapAfterGcMegabytes() {
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("jcmd did not report the heap of node " + this.name);
		}
		return Long.parseLong(used.group(1)) / 1024.0;
	}

	private String jcmd(String command) {
		return Commands.output(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(this.process.pid()), command));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "node " + this.name + " (" + url() + ", log " + this.log + ")";
	}

}
