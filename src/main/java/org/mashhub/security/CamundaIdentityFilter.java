package org.mashhub.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the signed-in user and their groups to the engine for the length of one request,
 * so that candidate-group task queries and "who did it" in the engine need no call to an
 * identity provider.
 */
class CamundaIdentityFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	private final StaffDirectory staff;

	CamundaIdentityFilter(IdentityService identityService, StaffDirectory staff) {
		this.identityService = identityService;
		this.staff = staff;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		CurrentUser user = CurrentUser.of(authentication);
		this.staff.seen(user);
		this.identityService.setAuthentication(user.username(), user.groups());
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
