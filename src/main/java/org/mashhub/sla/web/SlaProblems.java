package org.mashhub.sla.web;

import java.util.Map;

import org.mashhub.sla.DeadlineRefused;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the SLA rules as problem documents that name the field to change.
 */
@RestControllerAdvice(assignableTypes = { DeadlineApi.class, CalendarApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlaProblems {

	@ExceptionHandler(DeadlineRefused.class)
	ProblemDetail refused(DeadlineRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
		problem.setTitle("Not allowed by the SLA rules");
		problem.setProperty("errors", Map.of(refused.field(), refused.getMessage()));
		return problem;
	}

}
