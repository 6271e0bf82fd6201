package org.mashhub.notification;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The mail outbox for the operators' metrics: mails waiting ({@code mash_mail_waiting}),
 * failing ({@code mash_mail_failing}: failed at least once, still tried) and given up
 * ({@code mash_mail_given_up}). Read each refresh, whatever the scrapes.
 */
@Component
class OutboxMetrics {

	private final MailOutbox outbox;

	private final Clock clock;

	private final AtomicLong waiting = new AtomicLong();

	private final AtomicLong failing = new AtomicLong();

	private final AtomicLong givenUp = new AtomicLong();

	OutboxMetrics(MailOutbox outbox, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.clock = clock;
		Gauge.builder("mash.mail.waiting", this.waiting, AtomicLong::get)
			.description("Notice e-mails waiting to be sent")
			.register(registry);
		Gauge.builder("mash.mail.failing", this.failing, AtomicLong::get)
			.description("Notice e-mails that failed at least once and are still tried")
			.register(registry);
		Gauge.builder("mash.mail.given.up", this.givenUp, AtomicLong::get)
			.description("Notice e-mails given up: hub-admin may send them again at /admin/mail")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${mash.metrics.refresh-every:PT15S}")
	void refresh() {
		MailOutbox.Backlog backlog = this.outbox.backlog(this.clock.instant());
		this.waiting.set(backlog.waiting());
		this.failing.set(backlog.failing());
		this.givenUp.set(backlog.givenUp());
	}

}
