package org.mashhub.web;

import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import org.mashhub.Refusal;
import org.mashhub.tasks.EngineConflicts;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The UI's answers to what a page refused: a page one may not see, a case one may not
 * know exists, and a form someone else changed in the same moment (reload, nothing was
 * saved). After the API's problems, which answer every REST controller first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler(NoSuchElementException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return page(HttpStatus.FORBIDDEN, null);
	}

	/**
	 * A refusal no form put beside its field (a form catches its own to show them there):
	 * its words on the error page, with its status.
	 */
	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal) {
		return page(HttpStatus.valueOf(refusal.getStatusCode().value()), refusal.getMessage());
	}

	/**
	 * The engine wraps what it throws: a conflict or a refusal is found however deep it
	 * lies.
	 */
	@ExceptionHandler(RuntimeException.class)
	ModelAndView changedMeanwhile(RuntimeException thrown, HttpServletResponse response) throws RuntimeException {
		if (DatabaseOutage.in(thrown)) {
			response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
			return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
		}
		if (EngineConflicts.in(thrown)) {
			return page(HttpStatus.CONFLICT, EngineConflicts.MESSAGE);
		}
		return refused(Refusal.in(thrown).orElseThrow(() -> thrown));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		return new ModelAndView("error", (message != null) ? Map.of("status", status.value(), "message", message)
				: Map.of("status", status.value()), status);
	}

}
