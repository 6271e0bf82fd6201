package org.mashhub.notification;

import java.time.Instant;

/**
 * A notice as its reader sees it. {@code reference} and {@code link} identify the case;
 * there are no personal details in a notice.
 */
public record Notice(long id, Instant createdAt, String reference, String message, String link, boolean read) {

}
