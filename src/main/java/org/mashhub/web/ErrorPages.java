package org.mashhub.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before a controller is reached (a malformed address, a request the
 * firewall refuses, a body the server will not read): a problem document on the API, the
 * error page in the UI. Nothing answers in Spring's own error format.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String accept = request.getHeader("Accept");
		boolean api = (uri instanceof String path && path.startsWith("/api/")) || accept == null
				|| !accept.contains(MediaType.TEXT_HTML_VALUE);
		if (api) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return new ModelAndView("error", Map.of("status", status.value(), "message", detail(status)), status);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		// The database out of reach before a controller (in sign-in, say) is a 503 too
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
				&& DatabaseOutage.in(thrown)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is not valid: check its address, headers and body.";
			case UNAUTHORIZED -> "A valid bearer token from the MASH Hub realm is required.";
			case FORBIDDEN -> "Your role does not allow this.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take that method.";
			case SERVICE_UNAVAILABLE -> DatabaseOutage.DETAIL;
			default ->
				status.is5xxServerError() ? "Something went wrong on our side and nothing was saved. Try again later."
						: status.getReasonPhrase();
		};
	}

}
