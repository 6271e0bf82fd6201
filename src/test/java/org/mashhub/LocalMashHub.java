package org.mashhub;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.mashhub.local.DemoComplaints;
import org.mashhub.local.DemoMissing;
import org.mashhub.local.DemoScreenings;
import org.mashhub.local.DemoData;
import org.mashhub.local.LocalKeycloak;
import org.mashhub.local.LocalPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mvnw spring-boot:test-run}: a real PostgreSQL (data kept in
 * {@code .local/postgres}), a real Keycloak with the demo realm, and MASH Hub wired to
 * both. Ctrl-C stops all three.
 */
public final class LocalMashHub {

	/** Demo users' password, set in keycloak/mash-hub-realm.json: for local use only. */
	public static final String DEMO_PASSWORD = "demo";

	/** The web client's secret in the demo realm: for local use only. */
	public static final String DEMO_CLIENT_SECRET = "mash-hub-web-local-secret";

	private LocalMashHub() {
	}

	public static void main(String[] args) {
		int keycloakPort = Integer.getInteger("mash.local.keycloak-port", 8180);
		int postgresPort = Integer.getInteger("mash.local.postgres-port", 54320);
		Path dataDirectory = Path.of(System.getProperty("mash.local.data-dir", ".local/postgres")).toAbsolutePath();

		List<AutoCloseable> running = new ArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running), "mash-hub-local-stop"));

		LocalPostgres postgres = LocalPostgres.startKeeping(dataDirectory, postgresPort);
		running.add(postgres);
		LocalKeycloak keycloak = LocalKeycloak.startOrReuse(keycloakPort);
		running.add(keycloak);

		String[] springArgs = Stream.concat(Stream.of(args), Stream.of("--spring.datasource.url=" + postgres.jdbcUrl(),
				"--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=",
				"--mash.keycloak.issuer=" + keycloak.issuer(), "--mash.keycloak.client-secret=" + DEMO_CLIENT_SECRET,
				// our hook closes the app before the database it needs
				"--spring.main.register-shutdown-hook=false"))
			.toArray(String[]::new);
		ConfigurableApplicationContext app = SpringApplication.from(MashHubApplication::main)
			.run(springArgs)
			.getApplicationContext();
		running.add(0, app);
		String demo;
		// Backdated demo work is overdue at once: its escalations fire once it is all in,
		// not
		// in a race with the seeding
		JobExecutor jobs = app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
		jobs.shutdown();
		try {
			demo = DemoData.seedOnce(app) + "; " + DemoComplaints.seedOnce(app) + "; " + DemoMissing.seedOnce(app)
					+ "; " + DemoScreenings.seedOnce(app);
		}
		catch (RuntimeException ex) {
			// The app runs all the same: say so rather than hang without a banner
			ex.printStackTrace();
			demo = "not seeded (" + ex.getMessage() + ")";
		}
		finally {
			jobs.start();
		}
		System.out.println(banner(app, keycloak, postgres, dataDirectory, demo));
	}

	private static void stopAll(List<AutoCloseable> running) {
		for (AutoCloseable each : running) {
			try {
				each.close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + each + ": " + ex.getMessage());
			}
		}
	}

	private static String banner(ConfigurableApplicationContext app, LocalKeycloak keycloak, LocalPostgres postgres,
			Path dataDirectory, String demo) {
		String appUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
		StringBuilder banner = new StringBuilder();
		banner.append("\n================================================================================\n");
		banner.append(" MASH Hub is running (local demo; Ctrl-C stops the app, Keycloak and PostgreSQL)\n\n");
		banner.append(" App        ").append(appUrl).append("/\n");
		banner.append(" Cockpit    ").append(appUrl).append("/camunda/app/cockpit/default/  (hub-admin only)\n");
		banner.append(" API        ").append(appUrl).append("/api/me  (bearer token from the realm)\n");
		banner.append(" Keycloak   ").append(keycloak.url()).append("/admin/  (master realm: admin / admin)\n");
		banner.append(" PostgreSQL ")
			.append(postgres.jdbcUrl())
			.append("  user postgres, data in ")
			.append(dataDirectory)
			.append("\n");
		banner.append(" Demo data  ").append(demo).append("\n\n");
		banner.append(" Demo logins (password '").append(DEMO_PASSWORD).append("' for all; local use only):\n");
		for (String[] login : keycloak.demoLogins()) {
			banner.append(String.format("   %-20s %s%n", login[0], login[1]));
		}
		banner.append("================================================================================\n");
		return banner.toString();
	}

}
