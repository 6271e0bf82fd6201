package org.mashhub.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Keycloak realm is and how the app is known to it.
 *
 * @param issuer the realm's issuer as browsers and tokens see it, e.g.
 * {@code https://login.example.gov.uk/realms/mash-hub}
 * @param backchannelUrl the same realm as the app reaches it server-to-server, when that
 * differs (inside docker-compose); empty means the issuer
 * @param clientId the web UI's confidential client
 * @param clientSecret its secret, only ever from the environment
 * @param apiAudience the audience every API token must carry
 */
@Validated
@ConfigurationProperties("mash.keycloak")
record KeycloakSettings(@NotBlank String issuer, String backchannelUrl, @NotBlank String clientId,
		@NotBlank(message = "must be set (MASH_KEYCLOAK_CLIENT_SECRET)") String clientSecret,
		@NotBlank String apiAudience) {

	String browserEndpoint(String path) {
		return this.issuer + "/protocol/openid-connect/" + path;
	}

	String serverEndpoint(String path) {
		String base = StringUtils.hasText(this.backchannelUrl) ? this.backchannelUrl : this.issuer;
		return base + "/protocol/openid-connect/" + path;
	}

	/** The scheme, host and port of the issuer: where the login and logout forms post. */
	String issuerOrigin() {
		java.net.URI uri = java.net.URI.create(this.issuer);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

}
