package org.mashhub.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Turns a Keycloak token's {@code groups} and {@code realm_access.roles} into authorities
 * named exactly as the groups are ({@code mash-manager}), so that one name serves Spring
 * Security, Camunda candidate groups and the realm.
 */
final class KeycloakAuthorities {

	/** Roles Keycloak gives every account; they say nothing about what someone may do. */
	private static final Set<String> KEYCLOAK_DEFAULTS = Set.of("offline_access", "uma_authorization");

	private KeycloakAuthorities() {
	}

	static Collection<GrantedAuthority> fromClaims(Map<String, Object> claims) {
		Set<String> names = new TreeSet<>();
		addNames(names, claims.get("groups"));
		if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
			addNames(names, realmAccess.get("roles"));
		}
		return names.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
	}

	static Collection<GrantedAuthority> fromOidcLogin(Collection<? extends GrantedAuthority> granted) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>();
		for (GrantedAuthority authority : granted) {
			if (authority instanceof OidcUserAuthority oidc) {
				mapped.addAll(fromClaims(oidc.getIdToken().getClaims()));
				if (oidc.getUserInfo() != null) {
					mapped.addAll(fromClaims(oidc.getUserInfo().getClaims()));
				}
			}
		}
		return mapped;
	}

	static Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> fromClaims(jwt.getClaims()));
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

	/**
	 * Spring adds authorities of its own (OIDC_USER, SCOPE_...); ours are lower-case
	 * names.
	 */
	static boolean isKeycloakName(String authority) {
		return !authority.isEmpty() && Character.isLowerCase(authority.charAt(0));
	}

	private static void addNames(Set<String> names, Object claim) {
		if (claim instanceof Collection<?> values) {
			for (Object value : values) {
				String name = value.toString();
				// A realm set up with full group paths sends "/mash-manager"
				name = name.startsWith("/") ? name.substring(1) : name;
				if (!KEYCLOAK_DEFAULTS.contains(name) && !name.startsWith("default-roles-")) {
					names.add(name);
				}
			}
		}
	}

}
