package org.mashhub.security;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based sign-in without its user lookup: people live in Keycloak, not
 * in the engine's identity tables, and Spring Security has already let only hub-admin
 * through to the webapps, so every webapp is open to them.
 */
class CamundaWebappAuthenticationFilter extends ContainerBasedAuthenticationFilter {

	@Override
	protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
			List<String> tenants) {
		UserAuthentication authentication = new UserAuthentication(username, engine.getName());
		authentication.setGroupIds(groups);
		authentication.setTenantIds((tenants != null) ? tenants : List.of());
		authentication.setAuthorizedApps(Set.of(AuthenticationUtil.APPS));
		return authentication;
	}

}
