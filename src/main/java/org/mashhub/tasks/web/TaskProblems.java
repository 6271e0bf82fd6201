package org.mashhub.tasks.web;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.mashhub.sla.DeadlineRefused;
import org.mashhub.tasks.CompleteOnItsForm;
import org.mashhub.tasks.ReassignmentRefused;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The work queue's refusals as problem documents: 404 for a task one may not see, 409
 * when someone else got there first, 422 when the rules refuse (a late step with no
 * reason for delay, a person outside the task's team).
 */
@RestControllerAdvice(assignableTypes = TasksApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

	@ExceptionHandler({ OptimisticLockingFailureException.class, OptimisticLockingException.class,
			TaskAlreadyClaimedException.class })
	ProblemDetail conflict(RuntimeException conflict) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
		problem.setTitle("Changed by someone else");
		return problem;
	}

	@ExceptionHandler(CompleteOnItsForm.class)
	ProblemDetail onItsForm(CompleteOnItsForm refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
		problem.setTitle("Completed on its own form");
		problem.setProperty("form", refused.formLink());
		return problem;
	}

	@ExceptionHandler(ReassignmentRefused.class)
	ProblemDetail refused(ReassignmentRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
		problem.setProperty("errors", Map.of("to", refused.getMessage()));
		return problem;
	}

	@ExceptionHandler(DeadlineRefused.class)
	ProblemDetail lateWithoutReason(DeadlineRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
		problem.setTitle("Not allowed by the SLA rules");
		problem.setProperty("errors", Map.of(refused.field(), refused.getMessage()));
		return problem;
	}

}
