package org.mashhub.complaints;

import java.time.Instant;

/** A complaint closed: not accepted, resolved at a stage, reviewed, or withdrawn. */
public record ComplaintClosed(String reference, Closure closure, Instant closedAt, String by) {

}
