package org.mashhub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A command the rules refuse, with a message for each field the person must change;
 * nothing of the command was written. The one family every module says no with: the API
 * renders it as an RFC 7807 problem document (its {@code errors} name the fields), a page
 * puts each message beside its field.
 */
public class Refusal extends ErrorResponseException {

	/** The problem document's property that maps each field to its message. */
	public static final String FIELD_ERRORS = "errors";

	private final Map<String, String> fieldErrors;

	protected Refusal(HttpStatus status, String title, String detail, Map<String, String> fieldErrors) {
		super(status, problem(status, title, detail, fieldErrors), null);
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	/** Input that breaks the rules: 400, each field named. */
	public static Refusal invalid(Map<String, String> fieldErrors) {
		return new Refusal(HttpStatus.BAD_REQUEST, "Not recorded", String.join(" ", fieldErrors.values()), fieldErrors);
	}

	public static Refusal invalid(String field, String message) {
		return invalid(Map.of(field, message));
	}

	/** Refuses the command when a check found any field at fault. */
	public static void ifAny(Map<String, String> fieldErrors) {
		if (!fieldErrors.isEmpty()) {
			throw invalid(fieldErrors);
		}
	}

	/** Valid input the state of the case does not allow now: 422. */
	public static Refusal notAllowed(String field, String message) {
		return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "Not allowed", message, Map.of(field, message));
	}

	/** The request clashes with what was already recorded: 409. */
	public static Refusal conflict(String message) {
		return new Refusal(HttpStatus.CONFLICT, "Conflict", message, Map.of());
	}

	/** Each field the person must change, with what to do, in the order checked. */
	/**
	 * A form's own messages (what it could not read) with this refusal's added, each
	 * field keeping its first message: what a refused form is shown again with.
	 */
	public Map<String, String> fieldErrorsAfter(Map<String, String> formErrors) {
		Map<String, String> all = new LinkedHashMap<>(formErrors);
		fieldErrors().forEach(all::putIfAbsent);
		return all;
	}

	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

	/** The first field at fault, or null when the refusal names none. */
	public String field() {
		return this.fieldErrors.keySet().stream().findFirst().orElse(null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/**
	 * Finds a refusal anywhere in a cause chain (the engine wraps what its listeners
	 * throw).
	 */
	public static Optional<Refusal> in(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refusal refusal) {
				return Optional.of(refusal);
			}
		}
		return Optional.empty();
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail,
			Map<String, String> fieldErrors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!fieldErrors.isEmpty()) {
			problem.setProperty(FIELD_ERRORS, new LinkedHashMap<>(fieldErrors));
		}
		return problem;
	}

}
