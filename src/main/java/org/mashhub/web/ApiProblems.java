package org.mashhub.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.mashhub.Refusal;
import org.mashhub.tasks.EngineConflicts;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 7807 problem document, the one place they are made: a
 * module's {@link Refusal} keeps its status and names each field to change (in
 * {@value Refusal#FIELD_ERRORS}), as does invalid input caught before it. Nothing escapes
 * as a bare 500: what no rule foresaw is a problem that says nothing was saved, and is
 * logged for the operators.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

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
		if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((step) -> (step.getFieldName() != null) ? step.getFieldName() : "[" + step.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			problem.setProperty(Refusal.FIELD_ERRORS,
					Map.of(field, (exception.getCause() instanceof UnrecognizedPropertyException)
							? "is not a field of this request" : "is not valid here: check its type and value"));
		}
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

	/**
	 * A module's refusal keeps its own words; a role refused by method security gets the
	 * same words as one refused at the door.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail refused(AccessDeniedException refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				(refused instanceof AuthorizationDeniedException) ? "Your role does not allow this."
						: refused.getMessage());
		problem.setTitle("Forbidden");
		return problem;
	}

	@ExceptionHandler(TextWithoutControlCharacters.InvalidText.class)
	ProblemDetail invalidText(TextWithoutControlCharacters.InvalidText invalid) {
		return invalid(Map.of(invalid.field().isEmpty() ? "body" : invalid.field(), invalid.getMessage()));
	}

	/** Input the rules refuse that no field check caught. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException invalid) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	/**
	 * The rest, as the engine may have wrapped it: a conflict, a {@link Refusal} thrown
	 * by a listener, or something nobody foresaw. An unwrapped refusal is answered by the
	 * base class, from its own problem document.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unforeseen(Exception thrown, HttpServletResponse response) {
		if (DatabaseOutage.in(thrown)) {
			response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					DatabaseOutage.DETAIL);
			problem.setTitle("Service unavailable");
			return problem;
		}
		if (EngineConflicts.in(thrown)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, EngineConflicts.MESSAGE);
			problem.setTitle("Changed by someone else");
			return problem;
		}
		Optional<Refusal> refused = Refusal.in(thrown);
		if (refused.isPresent()) {
			return refused.get().getBody();
		}
		log.error("Unforeseen failure of an API request", thrown);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side and nothing was saved. Try again; if it happens again, tell the"
						+ " service desk the time it happened.");
		problem.setTitle("Not done");
		return problem;
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
		problem.setProperty(Refusal.FIELD_ERRORS, errors);
		return problem;
	}

}
