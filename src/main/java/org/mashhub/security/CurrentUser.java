package org.mashhub.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting: the Keycloak username, the name to show, and the groups and roles the
 * token carried.
 */
public record CurrentUser(String username, String displayName, String email, List<String> groups) {

	public static CurrentUser of(Authentication authentication) {
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(KeycloakAuthorities::isKeycloakName)
			.sorted()
			.toList();
		return new CurrentUser(authentication.getName(), displayName(authentication), email(authentication), groups);
	}

	public boolean isIn(String group) {
		return this.groups.contains(group);
	}

	private static String email(Authentication authentication) {
		Object email = null;
		if (authentication.getPrincipal() instanceof OidcUser user) {
			email = user.getEmail();
		}
		else if (authentication instanceof JwtAuthenticationToken jwt) {
			email = jwt.getToken().getClaims().get("email");
		}
		return (email != null) ? email.toString() : null;
	}

	private static String displayName(Authentication authentication) {
		Object name = null;
		if (authentication.getPrincipal() instanceof OidcUser user) {
			name = user.getFullName();
		}
		else if (authentication instanceof JwtAuthenticationToken jwt) {
			name = jwt.getToken().getClaims().get("name");
		}
		return (name != null) ? name.toString() : authentication.getName();
	}

}
