package org.mashhub.referral;

import java.util.Optional;

/**
 * No correspondence reaches a victim of domestic abuse unless the screener recorded that
 * it is safe to contact them and by which route (a referrer's word alone is not enough):
 * a letter to the wrong address can tell the abuser that the family spoke to someone.
 * Every outbound letter or message about a contact asks here first.
 */
public final class VictimSafety {

	private VictimSafety() {
	}

	/** Who a piece of correspondence goes to. */
	public enum Recipient {

		/** A professional referrer: police, health, school and the like. */
		PROFESSIONAL,
		/**
		 * The child's family, or a member of the public who referred (who may be the
		 * victim).
		 */
		FAMILY

	}

	/**
	 * Why the correspondence must not be sent, or empty when it may (and then only by the
	 * recorded safe route).
	 */
	public static Optional<String> refusal(TriageView contact, Recipient recipient) {
		if (recipient == Recipient.PROFESSIONAL || !contact.involvesDomesticAbuse()) {
			return Optional.empty();
		}
		TriageView.DomesticAbuse abuse = contact.domesticAbuse();
		if (abuse == null || abuse.safeContactRecordedBy() == null || !Boolean.TRUE.equals(abuse.safeToContactVictim())
				|| abuse.safeContactRoute() == null || abuse.safeContactRoute().isBlank()) {
			return Optional.of("This is a domestic abuse contact and nobody has recorded that it is safe to contact the"
					+ " victim, and how. Record safe contact at screening first, or send nothing.");
		}
		return Optional.empty();
	}

	/**
	 * How a letter to the family goes: by the recorded safe route when there is domestic
	 * abuse, else to the child's address.
	 */
	public static String familyLetterRoute(TriageView contact) {
		return contact.involvesDomesticAbuse() ? contact.domesticAbuse().safeContactRoute()
				: "Post to the child's address";
	}

}
