package org.mashhub.sla;

import java.util.Map;

import org.mashhub.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A change to a deadline that the rules do not allow: completing late without a reason
 * for delay, extending beyond the policy's maximum or a policy that cannot be extended,
 * pausing twice. A process module may say it in its own field's words.
 */
public class DeadlineRefused extends Refusal {

	DeadlineRefused(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "Not allowed by the SLA rules", message, Map.of(field, message));
	}

}
