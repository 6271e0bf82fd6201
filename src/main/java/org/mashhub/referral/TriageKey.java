package org.mashhub.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Which child's triage: the contact and the child's position in it. The triage reference
 * is the contact reference and the position ({@code C-2026-000123/2}).
 */
record TriageKey(UUID contactId, int position, String reference, String contactReference, Instant receivedAt) {
}
