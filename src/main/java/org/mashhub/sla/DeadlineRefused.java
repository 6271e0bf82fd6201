package org.mashhub.sla;

/**
 * A change to a deadline that the rules do not allow: completing late without a reason
 * for delay, extending beyond the policy's maximum or a policy that cannot be extended,
 * pausing twice.
 */
public class DeadlineRefused extends RuntimeException {

	private final String field;

	DeadlineRefused(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The input the person must change, e.g. {@code reasonForDelay} or {@code amount}.
	 */
	public String field() {
		return this.field;
	}

	/**
	 * Finds a refusal anywhere in a cause chain (the engine wraps what its listeners
	 * throw).
	 */
	public static DeadlineRefused in(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeadlineRefused refused) {
				return refused;
			}
		}
		return null;
	}

}
