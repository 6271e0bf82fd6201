package org.mashhub.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.mashhub.Refusal;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationStack;
import org.mashhub.testing.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /api/docs} as a partner's client generator reads it:
 * valid, saying how to get a token, and describing every error answer.
 */
@IntegrationTest
class ApiDocumentationIntegrationTests {

	private static final List<String> ERROR_STATUSES = List.of("400", "401", "403", "404", "409", "413", "422");

	private static final String PROBLEM_REF = "#/components/schemas/" + ApiDocumentation.PROBLEM;

	@LocalServerPort
	int port;

	@Test
	void theDocumentParsesWithoutAMessage() {
		SwaggerParseResult parsed = parse();

		assertThat(parsed.getMessages()).isNullOrEmpty();
		assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
	}

	@Test
	void staffAndPartnersAreToldHowToGetATokenFromTheRealm() {
		Map<String, SecurityScheme> schemes = document().getComponents().getSecuritySchemes();

		assertThat(schemes.get(ApiDocumentation.BEARER)).satisfies((bearer) -> {
			assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
			assertThat(bearer.getScheme()).isEqualTo("bearer");
			assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
		});
		assertThat(schemes.get(ApiDocumentation.PARTNER)).satisfies((partner) -> {
			assertThat(partner.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
			OAuthFlow clientCredentials = partner.getFlows().getClientCredentials();
			assertThat(clientCredentials.getTokenUrl())
				.isEqualTo(IntegrationStack.keycloak().issuer() + "/protocol/openid-connect/token");
		});
	}

	@Test
	void everyOperationAsksForARealmToken() {
		OpenAPI document = document();
		Set<String> schemes = document.getComponents().getSecuritySchemes().keySet();
		List<String> open = new ArrayList<>();
		operations(document).forEach((name, operation) -> {
			List<SecurityRequirement> security = operation.getSecurity();
			if (security == null || security.isEmpty()
					|| !security.stream().allMatch((requirement) -> schemes.containsAll(requirement.keySet()))) {
				open.add(name);
			}
		});

		assertThat(open).isEmpty();
	}

	@Test
	void everyOperationDescribesEachErrorAsAProblemDocument() {
		OpenAPI document = document();
		List<String> undescribed = new ArrayList<>();
		operations(document).forEach((name, operation) -> {
			for (String status : ERROR_STATUSES) {
				ApiResponse response = resolve(document, operation.getResponses().get(status));
				MediaType problem = (response != null && response.getContent() != null)
						? response.getContent().get("application/problem+json") : null;
				if (problem == null || problem.getSchema() == null
						|| !PROBLEM_REF.equals(problem.getSchema().get$ref())) {
					undescribed.add(name + " " + status);
				}
			}
		});

		assertThat(undescribed).isEmpty();
	}

	@Test
	void anInvalidRequestNamesEachFieldWithItsMessage() {
		// Every 400 refers to it (everyOperationDescribesEachErrorAsAProblemDocument)
		Schema<?> problem = document().getComponents().getSchemas().get(ApiDocumentation.PROBLEM);

		Schema<?> fieldErrors = problem.getProperties().get(Refusal.FIELD_ERRORS);
		assertThat(fieldErrors).as("the field errors' property").isNotNull();
		assertThat(types(fieldErrors)).contains("object");
		assertThat(fieldErrors.getAdditionalProperties()).isInstanceOfSatisfying(Schema.class,
				(message) -> assertThat(types(message)).contains("string"));
	}

	private SwaggerParseResult parse() {
		HttpResponse<String> docs = new Api(this.port).get("/api/docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		// References left as written: the tests follow them as a client generator does
		return new OpenAPIParser().readContents(docs.body(), null, new ParseOptions());
	}

	private OpenAPI document() {
		OpenAPI document = parse().getOpenAPI();
		assertThat(document).as("the parsed document").isNotNull();
		return document;
	}

	/** Every operation, by method and path. */
	private static Map<String, Operation> operations(OpenAPI document) {
		Map<String, Operation> operations = new LinkedHashMap<>();
		document.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> operations.put(method + " " + path, operation)));
		assertThat(operations).as("operations").isNotEmpty();
		return operations;
	}

	/** The answer itself, or the one in the components it refers to. */
	private static ApiResponse resolve(OpenAPI document, ApiResponse response) {
		if (response == null || response.get$ref() == null) {
			return response;
		}
		String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
		return document.getComponents().getResponses().get(name);
	}

	/**
	 * The types a schema allows, as OpenAPI 3.0 ({@code type}) or 3.1 ({@code types}).
	 */
	private static Set<String> types(Schema<?> schema) {
		Set<String> types = new LinkedHashSet<>();
		if (schema.getType() != null) {
			types.add(schema.getType());
		}
		if (schema.getTypes() != null) {
			types.addAll(schema.getTypes());
		}
		return types;
	}

}
