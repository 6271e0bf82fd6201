package org.mashhub.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mashhub.Refusal;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the OpenAPI document at {@code /api/docs} says of every operation without each
 * controller saying it: a realm token is required (the document covers {@code /api/**}
 * only, all behind the API's security chain), and every error is a problem document made
 * by {@link ApiProblems}, the security chain or {@link RequestSizeLimit}. An operation
 * that documents its own answer or security keeps it.
 */
@Component
class ApiDocumentation implements GlobalOpenApiCustomizer {

	static final String BEARER = "bearerJwt";

	static final String PARTNER = "partnerClientCredentials";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/**
	 * Each error answer by status, under the name it has in the document's components.
	 */
	private static final Map<String, ErrorAnswer> ERROR_ANSWERS = errorAnswers();

	private final String tokenUrl;

	ApiDocumentation(@Value("${mash.keycloak.issuer}") String issuer) {
		// The issuer as partners see it, not the backchannel: they ask it for tokens
		this.tokenUrl = issuer + "/protocol/openid-connect/token";
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(components);
		components.addSecuritySchemes(BEARER, bearer()).addSecuritySchemes(PARTNER, partner());
		components.addSchemas(PROBLEM, problem());
		ERROR_ANSWERS.values().forEach((answer) -> components.addResponses(answer.name(), answer.response()));
		if (openApi.getPaths() == null) {
			return;
		}
		for (PathItem path : openApi.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				if (operation.getSecurity() == null) {
					// Either: a partner's client-credentials token is a realm JWT too
					operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER),
							new SecurityRequirement().addList(PARTNER)));
				}
				documentErrors(operation);
			}
		}
	}

	private static void documentErrors(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ApiResponses responses = operation.getResponses();
		ERROR_ANSWERS.forEach((status, answer) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + answer.name()));
			}
		});
	}

	private static SecurityScheme bearer() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An access token from the MASH Hub Keycloak realm for the audience mash-hub-api: "
					+ "staff sign in through the realm; a partner system's client-credentials token is one too.");
	}

	private SecurityScheme partner() {
		return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("Partner systems: a confidential client each, with the client-credentials grant. Its token "
					+ "reaches the operations open to partner systems; the rest answer it 403.")
			// The realm grants no OAuth scopes of its own: roles travel in the token
			.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(this.tokenUrl).scopes(new Scopes())));
	}

	/**
	 * RFC 7807 as Spring writes {@link org.springframework.http.ProblemDetail}: its
	 * extension members sit beside the standard ones.
	 */
	private static Schema<?> problem() {
		return new ObjectSchema().description("An RFC 7807 problem document; nothing of the request was saved.")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("The request is not valid: reason."))
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty(Refusal.FIELD_ERRORS, new MapSchema().additionalProperties(new StringSchema())
				.description("Each field to change, by its path in the request (or a parameter's name), with what"
						+ " to do; present when the answer names fields (400, 422).")
				.example(Map.of("reason", "must not be blank")));
	}

	private static Map<String, ErrorAnswer> errorAnswers() {
		Map<String, ErrorAnswer> answers = new LinkedHashMap<>();
		answers.put("400", new ErrorAnswer("InvalidRequest", "The request breaks the rules: a field, a parameter or "
				+ "the body is invalid or unreadable. `" + Refusal.FIELD_ERRORS + "` names each field to change."));
		answers.put("401", new ErrorAnswer("Unauthenticated", "No valid bearer token from the realm: missing, "
				+ "expired, signed by another key or issuer, or not meant for this API."));
		answers.put("403",
				new ErrorAnswer("Forbidden", "The token's role does not allow this, or not for this record."));
		answers.put("404", new ErrorAnswer("NotFound", "Nothing by that id, or nothing the caller may know exists."));
		answers.put("409", new ErrorAnswer("Conflict", "Clashes with what was recorded: changed by someone else since "
				+ "it was read, or an Idempotency-Key already used with another body."));
		answers.put("413", new ErrorAnswer("TooLarge",
				"The request body is over " + (RequestSizeLimit.MAX_BYTES / 1024) + " KB and was not read."));
		answers.put("422", new ErrorAnswer("NotAllowed", "Valid, but the state of the record does not allow it now. `"
				+ Refusal.FIELD_ERRORS + "`, when present, names the field at fault."));
		return answers;
	}

	/**
	 * An error answer, described once in the components and referred to by each
	 * operation.
	 */
	private record ErrorAnswer(String name, String description) {

		ApiResponse response() {
			return new ApiResponse().description(this.description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
		}

	}

}
