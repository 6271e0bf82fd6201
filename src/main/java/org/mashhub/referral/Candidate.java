package org.mashhub.referral;

import org.mashhub.child.Child;
import org.mashhub.child.ChildRecords;

/**
 * A record that may be the child, with its history, for the screener to confirm or not.
 */
public record Candidate(Child child, ChildRecords.MatchReason reason, HistoryFlags history) {
}
