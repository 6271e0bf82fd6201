package org.mashhub.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notice e-mails through the outbox on the real stack: queued in the notice's transaction
 * and rolled back with it, sent once by the node's sender, a hung or refusing mail server
 * costing only a recorded attempt and a back-off, given up after its attempts and sent
 * again by hub-admin, and never sent twice by nodes that race for it.
 */
@IntegrationTest
class MailOutboxIntegrationTests {

	/** Tuesday 1 December 2026, 10:00 GMT. */
	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@Autowired
	MailOutbox outbox;

	@Autowired
	NotificationSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	private TransactionTemplate transaction;

	private final List<Socket> held = new ArrayList<>();

	@BeforeEach
	void atTuesdayMorning() {
		ClockUtil.setCurrentTime(Date.from(NOW));
		this.transaction = new TransactionTemplate(this.transactions);
	}

	@AfterEach
	void resetTheClockAndHangUp() throws IOException {
		ClockUtil.reset();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

	@Test
	void aNoticesMailIsQueuedWithItSentOnceAndRolledBackWithIt() throws Exception {
		String sent = "OUTBOX-" + UUID.randomUUID();
		String rolledBack = "OUTBOX-" + UUID.randomUUID();

		this.transaction.executeWithoutResult(
				(status) -> this.notices.toGroups(List.of("mash-manager"), sent, "A step is overdue.", "/work"));
		this.transaction.executeWithoutResult((status) -> {
			this.notices.toGroups(List.of("mash-manager"), rolledBack, "A step is overdue.", "/work");
			status.setRollbackOnly();
		});

		await().atMost(Duration.ofSeconds(20)).until(() -> received("MASH Hub: " + sent) == 1);
		assertThat(row(sent)).containsEntry("recipient", IntegrationStack.MANAGERS_MAILBOX)
			.containsEntry("recipient_kind", "the mash-manager mailbox")
			.containsEntry("attempts", 1);
		assertThat(row(sent).get("sent_at")).isNotNull();
		assertThat(count(rolledBack)).as("nothing queued for work rolled back").isZero();
		assertThat(received("MASH Hub: " + rolledBack)).isZero();
	}

	@Test
	void aHungMailServerCostsOneRecordedAttemptAndABackOff() throws Exception {
		String subject = queuedForLater();
		int hung = hungServer();
		OutboxSender sender = senderTo(hung);

		sender.deliver(mailer(hung), claimed(sender, subject));

		// The failure is the hung server's own timeout: a first retry a minute on,
		// nothing sent
		assertThat(row(subject)).containsEntry("attempts", 1);
		assertThat((String) row(subject).get("last_error")).contains("SocketTimeoutException");
		assertThat(row(subject).get("next_attempt_at")).isEqualTo(Timestamp.from(NOW.plusSeconds(60)));
		assertThat(row(subject).get("sent_at")).isNull();
		assertThat(row(subject).get("claimed_by")).as("the claim is let go").isNull();
	}

	@Test
	void aMailRefusedOnItsLastAttemptIsGivenUpShownToHubAdminAndSentAgainByThem() throws Exception {
		String subject = queuedForLater();
		this.jdbc.sql("update mail_outbox set attempts = :attempts where subject = :subject")
			.param("attempts", this.settings.outbox().maxAttempts() - 1)
			.param("subject", "MASH Hub: " + subject)
			.update();
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		OutboxSender sender = senderTo(closedPort);
		MailOutbox.Mail mail = claimed(sender, subject);

		sender.deliver(mailer(closedPort), mail);

		assertThat(row(subject).get("given_up_at")).isEqualTo(Timestamp.from(NOW));
		assertThat((String) row(subject).get("last_error")).contains("ConnectException");
		WebSession admin = WebSession.signIn(this.port, "ada.admin");
		String page = admin.get("/admin/mail").body();
		assertThat(page).contains("data-mail=\"" + mail.id() + "\"").contains("Given up: send again");
		assertThat(admin.post("/admin/mail/" + mail.id() + "/send-again", new LinkedMultiValueMap<>()).statusCode())
			.isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> received("MASH Hub: " + subject) == 1);
		assertThat(row(subject)).containsEntry("attempts", 1);
		assertThat(row(subject).get("given_up_at")).isNull();
	}

	@Test
	void nodesRacingForTheOutboxSendEachMailOnce() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String subject = "RACE-" + UUID.randomUUID();
			subjects.add(subject);
			this.transaction.executeWithoutResult(
					(status) -> this.notices.toGroups(List.of("mash-manager"), subject, "Raced.", "/work"));
		}
		JavaMailSender greenMail = mailer(IntegrationStack.mail().getSmtp().getPort());
		OutboxSender second = senderTo(greenMail);
		OutboxSender third = senderTo(greenMail);

		CompletableFuture
			.allOf(CompletableFuture.runAsync(second::deliverDue), CompletableFuture.runAsync(third::deliverDue))
			.join();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> subjects.stream().allMatch((subject) -> row(subject).get("sent_at") != null));
		for (String subject : subjects) {
			assertThat(received("MASH Hub: " + subject)).as(subject).isOne();
		}
	}

	/**
	 * A mail queued, and due, an hour from now, so the app's own sender leaves it to the
	 * test.
	 */
	private String queuedForLater() {
		String subject = "LATER-" + UUID.randomUUID();
		this.outbox.queue("someone@council.test", "a person", "MASH Hub: " + subject, "A body.", NOW.plusSeconds(3600));
		return subject;
	}

	/** The mail as the sender claims it an hour on, when it falls due. */
	private static MailOutbox.Mail claimed(OutboxSender sender, String subject) {
		// Other tests' mails may be due too: claim batches until this one comes
		for (int batch = 0; batch < 50; batch++) {
			for (MailOutbox.Mail mail : sender.claim(NOW.plusSeconds(3600))) {
				if (mail.subject().equals("MASH Hub: " + subject)) {
					return mail;
				}
			}
		}
		throw new IllegalStateException("The mail " + subject + " was never claimed");
	}

	private OutboxSender senderTo(int port) {
		return senderTo(mailer(port));
	}

	private OutboxSender senderTo(JavaMailSender mail) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
		return new OutboxSender(this.outbox, beans.getBeanProvider(JavaMailSender.class), this.settings,
				this.transactions, this.clock);
	}

	/** A mail sender with short timeouts, to the port given. */
	private static JavaMailSender mailer(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "500");
		properties.put("mail.smtp.timeout", "500");
		properties.put("mail.smtp.writetimeout", "500");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	/** A server that takes the connection and never says a word. */
	private int hungServer() throws IOException {
		ServerSocket server = new ServerSocket(0);
		Thread accepting = new Thread(() -> {
			try {
				while (!server.isClosed()) {
					this.held.add(server.accept());
				}
			}
			catch (IOException ex) {
				// closed with the test
			}
		});
		accepting.setDaemon(true);
		accepting.start();
		this.held.add(new Socket() {
			@Override
			public synchronized void close() throws IOException {
				server.close();
			}
		});
		return server.getLocalPort();
	}

	private Map<String, Object> row(String subject) {
		return this.jdbc.sql("select * from mail_outbox where subject = :subject")
			.param("subject", "MASH Hub: " + subject)
			.query()
			.singleRow();
	}

	private int count(String subject) {
		return this.jdbc.sql("select count(*) from mail_outbox where subject = :subject")
			.param("subject", "MASH Hub: " + subject)
			.query(Integer.class)
			.single();
	}

	private static long received(String subject) throws Exception {
		long found = 0;
		for (MimeMessage mail : IntegrationStack.mail().getReceivedMessages()) {
			if (subject.equals(mail.getSubject())) {
				found++;
			}
		}
		return found;
	}

}
