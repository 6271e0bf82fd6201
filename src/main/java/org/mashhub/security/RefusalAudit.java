package org.mashhub.security;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sees every refusal a module throws on its way out of a controller, UI or API, and
 * writes it to the access audit; it answers nothing itself. Method security's refusals
 * are left to {@link SecurityEventAudit}, which hears of them already.
 */
@Component
class RefusalAudit implements HandlerExceptionResolver, Ordered {

	private final AccessAudit audit;

	RefusalAudit(AccessAudit audit) {
		this.audit = audit;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception thrown) {
		if ((thrown instanceof AccessDeniedException && !(thrown instanceof AuthorizationDeniedException))
				|| thrown instanceof NoSuchElementException) {
			this.audit.recordRefusal((RuntimeException) thrown);
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
