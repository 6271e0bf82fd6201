package org.mashhub.referral;

/**
 * A child's history as at a contact's receipt: an open case, a referral decided in the 12
 * months before, a child protection plan in the last 2 years.
 */
public record HistoryFlags(boolean openCase, boolean reReferral, boolean recentCpPlan) {
}
