package org.mashhub.referral;

import java.util.List;

/**
 * A child's history as at a contact's receipt: an open case, a referral decided in the 12
 * months before, a child protection plan in the last 2 years, and what other cases flag
 * on the child now ("repeat missing").
 */
public record HistoryFlags(boolean openCase, boolean reReferral, boolean recentCpPlan, List<String> caseFlags) {
}
