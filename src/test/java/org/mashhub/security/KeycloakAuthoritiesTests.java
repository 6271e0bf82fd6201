package org.mashhub.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakAuthoritiesTests {

	@Test
	void groupsAndRealmRolesBecomeAuthoritiesNamedAsInTheRealm() {
		Map<String, Object> claims = Map.of("groups", List.of("mash-manager"), "realm_access", Map.of("roles",
				List.of("mash-manager", "offline_access", "uma_authorization", "default-roles-mash-hub")));

		assertThat(names(claims)).containsExactly("mash-manager");
	}

	@Test
	void partnerSystemsCarryTheirAgencyRole() {
		Map<String, Object> claims = Map.of("realm_access",
				Map.of("roles", List.of("partner-system", "agency-police", "default-roles-mash-hub")));

		assertThat(names(claims)).containsExactly("agency-police", "partner-system");
	}

	@Test
	void fullGroupPathsLoseTheirLeadingSlash() {
		assertThat(names(Map.of("groups", List.of("/hub-admin", "/mash-social-worker")))).containsExactly("hub-admin",
				"mash-social-worker");
	}

	@Test
	void aTokenWithoutGroupsOrRolesGrantsNothing() {
		assertThat(names(Map.of("sub", "someone"))).isEmpty();
	}

	private static List<String> names(Map<String, Object> claims) {
		return KeycloakAuthorities.fromClaims(claims).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
