package org.mashhub.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void noTokenIsRefusedWith401AsAProblemDocument() {
		HttpResponse<String> response = api().get("/api/me", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Bearer"));
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefused() throws Exception {
		HttpResponse<String> response = api().get("/api/me", forgedToken(IntegrationStack.keycloak().issuer()));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aRealTokenFromAnotherIssuerIsRefused() {
		HttpResponse<String> response = api().get("/api/me", Tokens.fromAnotherRealm());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aRealmTokenNotMeantForTheApiIsRefused() {
		HttpResponse<String> response = api().get("/api/me", Tokens.withoutApiAudience("maya.manager"));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aDemoUserIsKnownByUsernameWithTheirGroups() {
		HttpResponse<String> response = api().get("/api/me", Tokens.forUser("sam.screener"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"sam.screener\"")
			.contains("\"displayName\":\"Sam Screener\"")
			.contains("\"groups\":[\"mash-social-worker\"]");
	}

	@Test
	void aPartnerSystemCarriesItsAgencyRoleOnly() {
		HttpResponse<String> response = api().get("/api/me", Tokens.forPartner("police"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"service-account-police-system\"")
			.contains("\"groups\":[\"agency-police\",\"partner-system\"]");
	}

	@Test
	void anEducationLiaisonCannotReadTheManagersAccessAudit() {
		HttpResponse<String> response = api().get("/api/audit/access", Tokens.forUser("eddie.education"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aManagerReadsTheAccessAuditIncludingRefusals() {
		api().get("/api/audit/access", Tokens.forUser("holly.housing"));

		HttpResponse<String> response = api().get("/api/audit/access?username=holly.housing&action=ACCESS_DENIED",
				Tokens.forUser("maya.manager"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"holly.housing\"")
			.contains("\"action\":\"ACCESS_DENIED\"")
			.contains("\"subjectId\":\"/api/audit/access\"");
	}

	@Test
	void badAuditQueriesAreProblemDocumentsNamingTheField() {
		HttpResponse<String> response = api().get("/api/audit/access?size=100000", Tokens.forUser("maya.manager"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"size\"");
	}

	@Test
	void theEngineRestApiIsForHubAdminsOnly() {
		assertThat(api().get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
		assertThat(api().get("/engine-rest/process-definition", Tokens.forUser("maya.manager")).statusCode())
			.isEqualTo(403);
		assertThat(api().get("/engine-rest/process-definition", Tokens.forPartner("police")).statusCode())
			.isEqualTo(403);

		HttpResponse<String> admin = api().get("/engine-rest/process-definition?key=ContactTriageProcess",
				Tokens.forUser("ada.admin"));
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("\"key\":\"ContactTriageProcess\"");
	}

	@Test
	void healthIsPublicAndTheRestOfActuatorIsForHubAdmins() {
		HttpResponse<String> health = api().get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");

		assertThat(api().get("/actuator/flyway", null).statusCode()).isEqualTo(401);
		assertThat(api().get("/actuator/flyway", Tokens.forUser("maya.manager")).statusCode()).isEqualTo(403);
		assertThat(api().get("/actuator/flyway", Tokens.forUser("ada.admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void uiPagesCarrySecurityHeadersAndUiFormsRefuseAPostWithoutTheCsrfToken() throws Exception {
		HttpResponse<String> page = api().get("/work", null);
		assertThat(page.statusCode()).as("off to sign in").isEqualTo(302);
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'"));

		HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/logout"))
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
	}

	@Test
	void theOpenApiDocumentDescribesTheApiAtApiDocs() {
		HttpResponse<String> docs = api().get("/api/docs", null);

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"openapi\"")
			.contains("/api/tasks/reassignment")
			.contains("/api/deadlines/{id}/extension")
			.contains("/api/calendar/closure-days")
			.doesNotContain("/engine-rest");
	}

	private Api api() {
		return new Api(this.port);
	}

	/**
	 * A token that claims everything a manager's does, signed by a key the realm never
	 * had.
	 */
	private static String forgedToken(String issuer) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("forged").generate();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("forger")
			.audience("mash-hub-api")
			.claim("preferred_username", "maya.manager")
			.claim("groups", List.of("mash-manager"))
			.issueTime(Date.from(Instant.parse("2026-01-01T00:00:00Z")))
			.expirationTime(Date.from(Instant.parse("2099-01-01T00:00:00Z")))
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
