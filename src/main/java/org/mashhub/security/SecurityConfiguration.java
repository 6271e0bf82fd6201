package org.mashhub.security;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: the API takes realm JWTs, the engine's own REST API takes realm JWTs of
 * administrators only, and everything else is the web UI behind Keycloak login, with
 * Camunda's webapps for administrators only.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

	private static final RequestMatcher CAMUNDA_WEBAPPS = PATH.matcher("/camunda/**");

	/**
	 * Prometheus's door: {@code /actuator/prometheus} for hub-admin's realm token, or for
	 * the scrape token of the environment ({@code MASH_METRICS_SCRAPE_TOKEN}), which is
	 * never taken for a JWT.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metricsSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems,
			@Value("${mash.metrics.scrape-token:}") String scrapeToken) throws Exception {
		ScrapeToken token = new ScrapeToken(scrapeToken);
		DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
		http.securityMatcher(PATH.matcher("/actuator/prometheus"))
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						token.presentedBy(context.getRequest()) || authentication.get()
							.getAuthorities()
							.stream()
							.anyMatch((role) -> Roles.HUB_ADMIN.equals(role.getAuthority())))))
			.oauth2ResourceServer((server) -> server
				.bearerTokenResolver((request) -> token.presentedBy(request) ? null : bearer.resolve(request)));
		return bearerTokensOnly(http, jwtDecoder, problems).build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, IdentityService identityService,
			StaffDirectory staff, ProblemResponses problems) throws Exception {
		http.securityMatcher(new OrRequestMatcher(PATH.matcher("/api/**"), PATH.matcher("/actuator/**")))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(PATH.matcher("/actuator/health"), PATH.matcher("/actuator/health/**"),
						PATH.matcher("/api/docs"), PATH.matcher("/api/docs/**"))
				.permitAll()
				.requestMatchers(PATH.matcher("/actuator/**"))
				.hasAuthority(Roles.HUB_ADMIN)
				// A partner system submits contacts and reads those it sent; the rest of
				// the
				// API is for staff. Refused here, before a body is read.
				.requestMatchers(PATH.matcher(HttpMethod.POST, "/api/contacts"),
						PATH.matcher(HttpMethod.GET, "/api/contacts/{reference}"))
				.hasAnyAuthority(Roles.PARTNER_SYSTEM, Roles.BUSINESS_SUPPORT, Roles.MASH_SOCIAL_WORKER,
						Roles.MASH_MANAGER)
				// Missing children: the police system reports children missing and their
				// return, and reads
				// its own reports; staff who take carers' calls do the same. Who reads an
				// episode is decided
				// by episode, so any signed-in reader may ask.
				.requestMatchers(PATH.matcher(HttpMethod.POST, "/api/missing-episodes"),
						PATH.matcher(HttpMethod.POST, "/api/missing-episodes/{reference}/return"))
				.hasAnyAuthority(Roles.PARTNER_SYSTEM, Roles.MISSING_COORDINATOR, Roles.MASH_SOCIAL_WORKER,
						Roles.ASSESSMENT_SOCIAL_WORKER)
				.requestMatchers(PATH.matcher(HttpMethod.GET, "/api/missing-episodes/{reference}"))
				.authenticated()
				// Exploitation screenings are opened by the coordinators; the panel's
				// view is theirs and the MASH
				// managers'. Who reads a screening is decided by screening.
				.requestMatchers(PATH.matcher(HttpMethod.POST, "/api/cse/screenings"))
				.hasAuthority(Roles.CSE_COORDINATOR)
				.requestMatchers(PATH.matcher(HttpMethod.GET, "/api/cse/panel"))
				.hasAnyAuthority(Roles.CSE_COORDINATOR, Roles.MASH_MANAGER)
				.requestMatchers(PATH.matcher("/api/me"))
				.authenticated()
				.requestMatchers(PATH.matcher(HttpMethod.POST, "/api/calendar/**"),
						PATH.matcher(HttpMethod.DELETE, "/api/calendar/**"), PATH.matcher("/api/admin/**"))
				.hasAuthority(Roles.HUB_ADMIN)
				.anyRequest()
				.access(SecurityConfiguration::staff))
			.addFilterAfter(new CamundaIdentityFilter(identityService, staff), AuthorizationFilter.class);
		return bearerTokensOnly(http, jwtDecoder, problems).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain engineRestSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems)
			throws Exception {
		http.securityMatcher(PATH.matcher("/engine-rest/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(Roles.HUB_ADMIN));
		return bearerTokensOnly(http, jwtDecoder, problems).build();
	}

	/**
	 * A chain for machines and scripts: a Keycloak bearer token on every request, no
	 * session, 401 and 403 as problem documents.
	 */
	private static HttpSecurity bearerTokensOnly(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems)
			throws Exception {
		return http
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(KeycloakAuthorities.jwtConverter()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent automatically by browsers, so there is nothing
			// to forge
			.csrf((csrf) -> csrf.disable());
	}

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
			IdentityService identityService, StaffDirectory staff, KeycloakSettings keycloak) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(PATH.matcher("/assets/**"), PATH.matcher("/webjars/**"), PATH.matcher("/css/**"),
					PATH.matcher("/js/**"), PATH.matcher("/favicon.ico"), PATH.matcher("/error"))
			.permitAll()
			.requestMatchers(CAMUNDA_WEBAPPS, PATH.matcher("/admin/**"))
			.hasAuthority(Roles.HUB_ADMIN)
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(KeycloakAuthorities::fromOidcLogin)))
			.logout((logout) -> logout.logoutSuccessHandler(keycloakLogout(registrations)))
			// Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN)
			.csrf((csrf) -> csrf.ignoringRequestMatchers(CAMUNDA_WEBAPPS))
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(CAMUNDA_WEBAPPS),
						new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy(keycloak)))))
			.addFilterAfter(new CamundaIdentityFilter(identityService, staff), AuthorizationFilter.class);
		return http.build();
	}

	/** Signed in as a person, not as a partner agency's system. */
	private static AuthorizationDecision staff(Supplier<Authentication> authentication,
			RequestAuthorizationContext request) {
		Authentication who = authentication.get();
		// Spring counts an anonymous request as authenticated
		return new AuthorizationDecision(who != null && who.isAuthenticated()
				&& !(who instanceof AnonymousAuthenticationToken)
				&& who.getAuthorities().stream().noneMatch((role) -> Roles.PARTNER_SYSTEM.equals(role.getAuthority())));
	}

	/** Camunda's webapps set a policy of their own; ours covers the app's pages. */
	private static String contentSecurityPolicy(KeycloakSettings keycloak) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
				+ "form-action 'self' " + keycloak.issuerOrigin();
	}

	/** Signing out of MASH Hub also ends the Keycloak session. */
	private static OidcClientInitiatedLogoutSuccessHandler keycloakLogout(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakSettings keycloak) {
		// Endpoints are spelled out rather than discovered, so the app starts while
		// Keycloak is
		// still starting and can reach Keycloak by another address than browsers do
		ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
			.clientName("Keycloak")
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(keycloak.issuer())
			.authorizationUri(keycloak.browserEndpoint("auth"))
			.tokenUri(keycloak.serverEndpoint("token"))
			.jwkSetUri(keycloak.serverEndpoint("certs"))
			.userInfoUri(keycloak.serverEndpoint("userinfo"))
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.browserEndpoint("logout")))
			// PKCE as well as the secret: the realm requires it (S256)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	JwtDecoder jwtDecoder(KeycloakSettings keycloak) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.serverEndpoint("certs")).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(keycloak.issuer()), audience(keycloak.apiAudience())));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> audience(String required) {
		OAuth2Error missing = new OAuth2Error("invalid_token", "The token is not meant for " + required, null);
		return (jwt) -> (jwt.getAudience() != null && jwt.getAudience().contains(required))
				? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(missing);
	}

	/** Publishes denied requests so that the access audit can record them. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(
			org.springframework.context.ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

}
