package org.mashhub.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.mashhub.LocalMashHub;
import org.mashhub.local.LocalKeycloak;
import org.mashhub.local.LocalPostgres;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The real PostgreSQL and the real Keycloak every integration test runs against: started
 * once per test JVM, on first use, and stopped when the JVM ends.
 */
public final class IntegrationStack implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Not the run command's port, so tests and a running demo do not meet. */
	public static final int KEYCLOAK_PORT = Integer.getInteger("mash.test.keycloak-port", 18180);

	private static final Duration CONTEXTS_CLOSING_LIMIT = Duration.ofSeconds(60);

	/** Application contexts still open on the database: it must outlive them. */
	private static final AtomicInteger openContexts = new AtomicInteger();

	private static LocalPostgres postgres;

	private static LocalKeycloak keycloak;

	private static GreenMail mail;

	/** The mailbox the test SMTP server delivers mash-manager notices to. */
	public static final String MANAGERS_MAILBOX = "mash-managers@council.test";

	/** The scrape token the tests' app takes at /actuator/prometheus. */
	public static final String SCRAPE_TOKEN = "test-scrape-token";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url="
					+ postgres().jdbcUrl().replace(":" + postgres().port() + "/", ":" + database().port() + "/"),
					"spring.datasource.username=" + postgres().username(), "spring.datasource.password=",
					"mash.keycloak.issuer=" + keycloak().issuer(),
					"mash.keycloak.client-secret=" + LocalMashHub.DEMO_CLIENT_SECRET,
					// tests fire timers themselves, at fixed instants on the engine clock
					"camunda.bpm.job-execution.enabled=false", "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + mail().getSmtp().getPort(),
					"mash.notification.group-mailboxes.mash-manager=" + MANAGERS_MAILBOX,
					// the outbox is delivered at once, not every 5 seconds
					"mash.notification.outbox.poll-every=PT0.2S",
					// metrics refreshed at once, and a scrape token for Prometheus
					"mash.metrics.refresh-every=PT0.2S", "mash.metrics.scrape-token=" + SCRAPE_TOKEN,
					// Spring Boot's tests turn metrics export off; the operators'
					// endpoint is tested
					"management.prometheus.metrics.export.enabled=true")
			.applyTo(context);
		// The neutral timed-step process has no business module: the tests own its
		// deadlines
		((GenericApplicationContext) context).registerBean(TimedStepSubjects.class);
		openContexts.incrementAndGet();
		// Registered first, so destroyed after every bean that uses the database
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("integrationStackRelease",
				() -> {
					synchronized (openContexts) {
						openContexts.decrementAndGet();
						openContexts.notifyAll();
					}
				});
	}

	private static DatabaseProxy database;

	/**
	 * The relay the tests' app reaches PostgreSQL through, for the tests of a database
	 * that goes away.
	 */
	public static synchronized DatabaseProxy database() {
		if (database == null) {
			database = DatabaseProxy.to(postgres().port());
		}
		return database;
	}

	public static synchronized LocalPostgres postgres() {
		if (postgres == null) {
			postgres = LocalPostgres.startThrowAway();
			Runtime.getRuntime().addShutdownHook(new Thread(IntegrationStack::stopPostgresLast, "test-postgres-stop"));
		}
		return postgres;
	}

	/**
	 * Spring closes the test contexts in its own shutdown hook; wait for them before
	 * stopping.
	 */
	private static void stopPostgresLast() {
		long deadline = System.nanoTime() + CONTEXTS_CLOSING_LIMIT.toNanos();
		synchronized (openContexts) {
			while (openContexts.get() > 0 && System.nanoTime() < deadline) {
				try {
					openContexts.wait(1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		postgres.close();
	}

	/** A real SMTP server (GreenMail) that receives the app's e-mails. */
	public static synchronized GreenMail mail() {
		if (mail == null) {
			mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			mail.start();
			Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "test-smtp-stop"));
		}
		return mail;
	}

	public static synchronized LocalKeycloak keycloak() {
		if (keycloak == null) {
			keycloak = LocalKeycloak.startOrReuse(KEYCLOAK_PORT);
			Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "test-keycloak-stop"));
		}
		return keycloak;
	}

}
