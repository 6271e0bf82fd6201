package org.mashhub.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins, sign-outs and refused requests of signed-in users to the access audit.
 */
@Component
class SecurityEventAudit {

	static final String SIGN_IN = "SIGN_IN";

	static final String SIGN_OUT = "SIGN_OUT";

	static final String ACCESS_DENIED = AccessAudit.ACCESS_DENIED;

	private final AccessAudit audit;

	SecurityEventAudit(AccessAudit audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		this.audit.recordSecurityEvent(event.getAuthentication().getName(), SIGN_IN, null);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		this.audit.recordSecurityEvent(event.getAuthentication().getName(), SIGN_OUT, null);
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		// Anonymous requests are only on their way to the sign-in page
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return;
		}
		// Method security denies a method call; what the person asked for is the request
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		String what = (request != null) ? request.getRequestURI() : String.valueOf(event.getObject());
		this.audit.recordSecurityEvent(authentication.getName(), ACCESS_DENIED, what);
	}

}
