package org.mashhub.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the app's address as people reach it, for links in e-mails
 * @param sender the From address of e-mails
 * @param groupMailboxes a team's shared mailbox, by group, e.g. mash-manager:
 * mash-managers@council.example
 */
@ConfigurationProperties("mash.notification")
record NotificationSettings(String baseUrl, String sender, Map<String, String> groupMailboxes) {

	NotificationSettings {
		baseUrl = (baseUrl != null) ? baseUrl : "http://localhost:8080";
		sender = (sender != null) ? sender : "mash-hub@localhost";
		groupMailboxes = (groupMailboxes != null) ? Map.copyOf(groupMailboxes) : Map.of();
	}

}
