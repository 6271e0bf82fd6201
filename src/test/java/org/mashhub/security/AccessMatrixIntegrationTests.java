package org.mashhub.security;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mashhub.testing.Api;
import org.mashhub.testing.IntegrationTest;
import org.mashhub.testing.Tokens;
import org.mashhub.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets past each endpoint's role checks, for every controller method of the UI and
 * the API, every demo user and every partner system: the table below is the decision,
 * made once per endpoint, and an endpoint missing from it fails the test. "Gets past"
 * means the answer is not a refusal (401, 403, or a sign-in for the UI): with made-up ids
 * and empty bodies a permitted caller gets a 404 or a 400 instead. Whether a caller may
 * read a particular object is for the object-level tests.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

	/** The demo users, each with the one group (= realm role) they are in. */
	private static final Map<String, String> USERS = new LinkedHashMap<>();

	static {
		USERS.put("bella.support", "business-support");
		USERS.put("sam.screener", "mash-social-worker");
		USERS.put("sid.screener", "mash-social-worker");
		USERS.put("maya.manager", "mash-manager");
		USERS.put("mo.manager", "mash-manager");
		USERS.put("paul.police", "police-liaison");
		USERS.put("hana.health", "health-liaison");
		USERS.put("eddie.education", "education-liaison");
		USERS.put("erin.earlyhelp", "early-help");
		USERS.put("pete.probation", "probation-liaison");
		USERS.put("holly.housing", "housing-liaison");
		USERS.put("alex.assessor", "assessment-social-worker");
		USERS.put("mia.missing", "missing-coordinator");
		USERS.put("ravi.rhi", "rhi-worker");
		USERS.put("cleo.cse", "cse-coordinator");
		USERS.put("cara.complaints", "complaints-manager");
		USERS.put("ian.investigator", "complaints-investigator");
		USERS.put("stella.service", "service-manager");
		USERS.put("ada.admin", "hub-admin");
	}

	private static final List<String> PARTNERS = List.of("police", "health", "education");

	private static final String PARTNER = "partner-system";

	/**
	 * Endpoint, and who gets past its role checks: groups, "partner-system", "all staff"
	 * (every group) or "nobody".
	 */
	private static final String EXPECTED = """
			DELETE /api/calendar/closure-days/{day} | hub-admin
			GET / | all staff
			GET /admin/calendar | hub-admin
			GET /admin/children/import | hub-admin
			GET /admin/mail | hub-admin
			GET /api/admin/mail-outbox | hub-admin
			GET /api/agency-checks/{id} | all staff
			GET /api/audit/access | hub-admin, mash-manager, service-manager
			GET /api/calendar/closure-days | all staff
			GET /api/children/{id} | assessment-social-worker, mash-manager, mash-social-worker
			GET /api/children/{id}/chronology | assessment-social-worker, mash-manager, mash-social-worker
			GET /api/complaints/report | complaints-manager, service-manager
			GET /api/complaints/report.csv | complaints-manager, service-manager
			GET /api/complaints/tracker | complaints-manager, service-manager
			GET /api/complaints/tracker.csv | complaints-manager, service-manager
			GET /api/complaints/{reference} | complaints-investigator, complaints-manager, service-manager
			GET /api/complaints/{reference}/deadlines | complaints-investigator, complaints-manager, service-manager
			GET /api/contacts/{reference} | business-support, mash-manager, mash-social-worker, partner-system
			GET /api/contacts/{reference}/triage | assessment-social-worker, mash-manager, mash-social-worker
			GET /api/cse/panel | cse-coordinator, mash-manager
			GET /api/cse/screenings/{reference} | all staff
			GET /api/deadlines | all staff
			GET /api/deadlines/open | complaints-manager, hub-admin, mash-manager, service-manager
			GET /api/deadlines/{id} | all staff
			GET /api/me | all staff, partner-system
			GET /api/missing-episodes/{reference} | all staff, partner-system
			GET /api/missing/dashboard/awaiting-interview | missing-coordinator, service-manager
			GET /api/missing/dashboard/interviews | missing-coordinator, service-manager
			GET /api/missing/dashboard/missing-now | missing-coordinator, service-manager
			GET /api/missing/dashboard/repeat-missing | missing-coordinator, service-manager
			GET /api/notices | all staff
			GET /api/notices/unread-count | all staff
			GET /api/tasks | all staff
			GET /api/tasks/consistency | hub-admin
			GET /api/tasks/counts | all staff
			GET /api/tasks/workload | complaints-manager, cse-coordinator, mash-manager, missing-coordinator, service-manager
			GET /api/tasks/{taskId} | all staff
			GET /api/triage/tasks/{taskId} | all staff
			GET /children/{id}/chronology | assessment-social-worker, mash-manager, mash-social-worker
			GET /complaints | complaints-manager, service-manager
			GET /complaints/export.csv | complaints-manager, service-manager
			GET /complaints/new | business-support, complaints-manager
			GET /complaints/report | complaints-manager, service-manager
			GET /complaints/report.csv | complaints-manager, service-manager
			GET /complaints/tasks/{taskId} | all staff
			GET /complaints/{reference} | complaints-investigator, complaints-manager, service-manager
			GET /contacts/new | business-support, mash-manager, mash-social-worker
			GET /contacts/{reference} | assessment-social-worker, mash-manager, mash-social-worker
			GET /cse | cse-coordinator, mash-manager
			GET /cse/agenda | cse-coordinator, mash-manager
			GET /cse/export/{table}.csv | cse-coordinator, mash-manager
			GET /cse/new | cse-coordinator
			GET /cse/places | cse-coordinator, mash-manager
			GET /cse/places/{id} | cse-coordinator, mash-manager
			GET /cse/screenings/{reference} | all staff
			GET /cse/tasks/{taskId} | all staff
			GET /missing | missing-coordinator, service-manager
			GET /missing/episodes/{reference} | all staff
			GET /missing/export/{table}.csv | missing-coordinator, service-manager
			GET /missing/new | assessment-social-worker, mash-social-worker, missing-coordinator
			GET /missing/tasks/{taskId} | all staff
			GET /notices | all staff
			GET /tasks/{taskId} | all staff
			GET /team | complaints-manager, cse-coordinator, mash-manager, missing-coordinator, service-manager
			GET /team/count | complaints-manager, cse-coordinator, mash-manager, missing-coordinator, service-manager
			GET /triage/tasks/{taskId} | all staff
			GET /work | all staff
			GET /work/counts | all staff
			POST /admin/calendar/closure-days | hub-admin
			POST /admin/calendar/closure-days/{day}/remove | hub-admin
			POST /admin/children/import | hub-admin
			POST /admin/mail/{id}/send-again | hub-admin
			POST /api/admin/children/import | hub-admin
			POST /api/calendar/closure-days | hub-admin
			POST /api/complaints | business-support, complaints-manager
			POST /api/complaints/tasks/{taskId}/acknowledgement | all staff
			POST /api/complaints/tasks/{taskId}/panel-meeting | all staff
			POST /api/complaints/tasks/{taskId}/response | all staff
			POST /api/complaints/tasks/{taskId}/written-record | all staff
			POST /api/complaints/{reference}/deadlines/{deadlineId}/reason-for-delay | complaints-manager
			POST /api/complaints/{reference}/extension | complaints-investigator, complaints-manager, service-manager
			POST /api/complaints/{reference}/ombudsman-referral | complaints-manager
			POST /api/complaints/{reference}/stage-requests | complaints-manager
			POST /api/complaints/{reference}/withdrawal | complaints-manager
			POST /api/contacts | business-support, mash-manager, mash-social-worker, partner-system
			POST /api/contacts/{reference}/children/{position}/rag | mash-manager, mash-social-worker
			POST /api/cse/screenings | cse-coordinator
			POST /api/deadlines/{id}/extension | all staff
			POST /api/deadlines/{id}/pause | all staff
			POST /api/deadlines/{id}/resume | all staff
			POST /api/missing-episodes | assessment-social-worker, mash-social-worker, missing-coordinator, partner-system
			POST /api/missing-episodes/{reference}/return | assessment-social-worker, mash-social-worker, missing-coordinator, partner-system
			POST /api/notices/{id}/read | all staff
			POST /api/tasks/claims | all staff
			POST /api/tasks/reassignment | all staff
			POST /api/tasks/{taskId}/claim | all staff
			POST /api/tasks/{taskId}/complete | all staff
			POST /api/tasks/{taskId}/unclaim | all staff
			POST /api/triage/tasks/{taskId}/answer | all staff
			POST /api/triage/tasks/{taskId}/decision | mash-manager
			POST /api/triage/tasks/{taskId}/done | all staff
			POST /api/triage/tasks/{taskId}/feedback | all staff
			POST /api/triage/tasks/{taskId}/screening | mash-social-worker
			POST /complaints/new | business-support, complaints-manager
			POST /complaints/tasks/{taskId} | all staff
			POST /complaints/{reference}/deadlines/{deadlineId}/reason-for-delay | complaints-manager
			POST /complaints/{reference}/extension | complaints-investigator, complaints-manager, service-manager
			POST /complaints/{reference}/ombudsman-referral | complaints-manager
			POST /complaints/{reference}/stage-requests | complaints-manager
			POST /complaints/{reference}/withdrawal | complaints-manager
			POST /contacts/new | business-support, mash-manager, mash-social-worker
			POST /contacts/{reference}/children/{position}/rag | mash-manager, mash-social-worker
			POST /cse/new | cse-coordinator
			POST /cse/panels | cse-coordinator
			POST /cse/screenings/{reference}/places | cse-coordinator
			POST /cse/screenings/{reference}/safety-plan | cse-coordinator
			POST /cse/tasks/{taskId} | all staff
			POST /missing/episodes/{reference}/return | assessment-social-worker, mash-social-worker, missing-coordinator
			POST /missing/new | assessment-social-worker, mash-social-worker, missing-coordinator
			POST /missing/tasks/{taskId} | all staff
			POST /notices/{id}/open | all staff
			POST /tasks/reassignment | all staff
			POST /tasks/{taskId}/claim | all staff
			POST /tasks/{taskId}/complete | all staff
			POST /tasks/{taskId}/unclaim | all staff
			POST /triage/tasks/{taskId} | all staff
			""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointLetsPastOnlyThoseTheTableNames() {
		List<Endpoint> endpoints = endpoints();
		Map<String, String> tokens = new LinkedHashMap<>();
		USERS.keySet().forEach((user) -> tokens.put(user, Tokens.forUser(user)));
		PARTNERS.forEach((partner) -> tokens.put(partner + "-system", Tokens.forPartner(partner)));
		Map<String, WebSession> sessions = new LinkedHashMap<>();
		USERS.keySet().forEach((user) -> sessions.put(user, WebSession.signIn(this.port, user)));
		Api api = new Api(this.port);

		Map<String, String> observed = new TreeMap<>();
		List<String> anonymousPermits = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			Map<String, Boolean> past = new LinkedHashMap<>();
			for (String principal : tokens.keySet()) {
				HttpResponse<String> response = endpoint.api()
						? api.send(endpoint.method(), endpoint.url(), endpoint.body(), tokens.get(principal))
						: (sessions.containsKey(principal) ? endpoint.sendAs(sessions.get(principal))
								: api.send(endpoint.method(), endpoint.url(), null, tokens.get(principal)));
				past.put(principal, !refused(endpoint, response));
			}
			HttpResponse<String> anonymous = api.send(endpoint.method(), endpoint.url(), endpoint.body(), null);
			if (!refused(endpoint, anonymous)) {
				anonymousPermits.add(endpoint.key() + " answered " + anonymous.statusCode());
			}
			observed.put(endpoint.key(), describe(past));
		}

		String table = observed.entrySet()
			.stream()
			.map((row) -> row.getKey() + " | " + row.getValue())
			.collect(Collectors.joining("\n"));
		assertThat(anonymousPermits).as("nobody unsigned gets past any endpoint").isEmpty();
		assertThat(table)
			.as("the access matrix (%d endpoints x %d principals); as observed:%n%s%n", endpoints.size(), tokens.size(),
					table)
			.isEqualTo(EXPECTED.strip());
	}

	/**
	 * A refusal: no or a wrong token, a forbidden role, or a page that sends one to sign
	 * in.
	 */
	private static boolean refused(Endpoint endpoint, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			return true;
		}
		String location = response.headers().firstValue("Location").orElse("");
		return !endpoint.api() && status / 100 == 3
				&& (location.contains("/oauth2/authorization") || location.contains("/realms/"));
	}

	/**
	 * Who got past, as groups; a group whose members disagree is named by its members.
	 */
	private static String describe(Map<String, Boolean> past) {
		Set<String> allowed = new TreeSet<>();
		Map<String, List<String>> byGroup = new LinkedHashMap<>();
		USERS.forEach((user, group) -> byGroup.computeIfAbsent(group, (g) -> new ArrayList<>()).add(user));
		boolean allStaff = true;
		for (Map.Entry<String, List<String>> group : byGroup.entrySet()) {
			List<String> through = group.getValue().stream().filter(past::get).toList();
			if (through.size() == group.getValue().size()) {
				allowed.add(group.getKey());
			}
			else {
				allStaff = false;
				allowed.addAll(through);
			}
		}
		List<Boolean> partners = PARTNERS.stream().map((partner) -> past.get(partner + "-system")).toList();
		String partnerPart = partners.stream().allMatch(Boolean::booleanValue) ? PARTNER
				: partners.stream().anyMatch(Boolean::booleanValue) ? "some partner systems" : null;
		String staffPart = allStaff ? "all staff" : String.join(", ", allowed);
		List<String> parts = new ArrayList<>();
		if (!staffPart.isEmpty()) {
			parts.add(staffPart);
		}
		if (partnerPart != null) {
			parts.add(partnerPart);
		}
		return parts.isEmpty() ? "nobody" : String.join(", ", parts);
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getName().startsWith("org.mashhub.")) {
				continue;
			}
			RequestMappingInfo info = mapping.getKey();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					List<String> params = new ArrayList<>();
					info.getParamsCondition()
						.getExpressions()
						.forEach((expression) -> params.add(expression.getName()));
					endpoints.add(new Endpoint(method.name(), pattern, handler, params));
				}
			}
		}
		return endpoints;
	}

	/**
	 * One method and pattern, asked with made-up ids of the right type and an empty body.
	 */
	record Endpoint(String method, String pattern, HandlerMethod handler, List<String> conditionParams) {

		String key() {
			return this.method + " " + this.pattern;
		}

		boolean api() {
			return this.pattern.startsWith("/api/");
		}

		String url() {
			String url = this.pattern;
			List<String> query = new ArrayList<>();
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
				if (variable != null) {
					String name = !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
					url = url.replace("{" + name + "}", sample(parameter.getParameterType()));
				}
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
						&& !Map.class.isAssignableFrom(parameter.getParameterType())) {
					String name = !param.value().isEmpty() ? param.value() : parameter.getParameterName();
					query.add(name + "=" + sample(parameter.getParameterType()));
				}
			}
			for (String name : this.conditionParams) {
				if (query.stream().noneMatch((q) -> q.startsWith(name + "="))) {
					query.add(name + "=x");
				}
			}
			url = url.replaceAll("\\{[^}]+}", "X-1");
			return query.isEmpty() ? url : url + "?" + String.join("&", query);
		}

		String body() {
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					return "{}";
				}
			}
			return null;
		}

		HttpResponse<String> sendAs(WebSession session) {
			return switch (this.method) {
				case "GET" -> session.get(url());
				case "POST" -> session.post(url(), Map.of());
				default -> session.send(this.method, url());
			};
		}

		private static String sample(Class<?> type) {
			if (UUID.class.equals(type)) {
				return "00000000-0000-0000-0000-000000000001";
			}
			if (LocalDate.class.equals(type)) {
				return "2031-06-02";
			}
			if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
				return "1";
			}
			return "X-1";
		}

	}

}
