package org.mashhub.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.validation.ConstraintViolationException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 7807 problem document; invalid input names each invalid
 * field.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		exception.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		exception.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		ProblemDetail problem = invalid(errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape.");
		problem.setTitle("Unreadable request");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * Something asked for by id that does not exist, or that the caller may not know
	 * exists.
	 */
	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail notFound(NoSuchElementException missing) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
	}

	/** Someone else changed it since it was read: nothing was saved. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException conflict) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalidParameters(ConstraintViolationException exception) {
		Map<String, String> errors = new LinkedHashMap<>();
		exception.getConstraintViolations().forEach((violation) -> {
			String path = violation.getPropertyPath().toString();
			errors.put(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
		});
		return invalid(errors);
	}

	private static ProblemDetail invalid(Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request is not valid: " + String.join(", ", errors.keySet()) + ".");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

}
