package org.mashhub.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the app's address as people reach it, for links in e-mails
 * @param sender the From address of e-mails
 * @param groupMailboxes a team's shared mailbox, by group, e.g. mash-manager:
 * mash-managers@council.example
 * @param outbox how the mail outbox is delivered
 */
@ConfigurationProperties("mash.notification")
record NotificationSettings(String baseUrl, String sender, Map<String, String> groupMailboxes, Outbox outbox) {

	NotificationSettings {
		baseUrl = (baseUrl != null) ? baseUrl : "http://localhost:8080";
		sender = (sender != null) ? sender : "mash-hub@localhost";
		groupMailboxes = (groupMailboxes != null) ? Map.copyOf(groupMailboxes) : Map.of();
		outbox = (outbox != null) ? outbox : new Outbox(null, null, null, null, null);
	}

	/**
	 * @param batch how many mails a node claims at once
	 * @param lease how long a claim keeps other nodes off a mail: longer than a batch's
	 * sends can take with the mail timeouts, or a mail could go twice
	 * @param firstRetryAfter the wait after a first failure, doubled after each further
	 * one
	 * @param longestRetryAfter the longest wait between attempts
	 * @param maxAttempts after this many failures the mail is given up (and shown to
	 * hub-admin, who may send it again)
	 */
	record Outbox(Integer batch, Duration lease, Duration firstRetryAfter, Duration longestRetryAfter,
			Integer maxAttempts) {

		Outbox {
			batch = (batch != null) ? batch : 10;
			lease = (lease != null) ? lease : Duration.ofMinutes(10);
			firstRetryAfter = (firstRetryAfter != null) ? firstRetryAfter : Duration.ofMinutes(1);
			longestRetryAfter = (longestRetryAfter != null) ? longestRetryAfter : Duration.ofHours(1);
			maxAttempts = (maxAttempts != null) ? maxAttempts : 10;
		}

		/** The wait after the given number of failures. */
		Duration retryAfter(int failures) {
			Duration wait = this.firstRetryAfter.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
			return (wait.compareTo(this.longestRetryAfter) > 0) ? this.longestRetryAfter : wait;
		}

	}

}
