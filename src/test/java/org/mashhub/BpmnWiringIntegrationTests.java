package org.mashhub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.mashhub.security.Roles;
import org.mashhub.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model in bpmn/ names only beans that exist and groups that the realm has, and
 * keeps its history for a set time.
 */
@IntegrationTest
class BpmnWiringIntegrationTests {

	/**
	 * The start of an expression's path: a bean, unless the engine itself provides it.
	 */
	private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_]\\w*)\\s*[.(]");

	private static final Pattern DELEGATE_BEAN = Pattern.compile("delegateExpression=\"[$#]\\{\\s*(\\w+)\\s*}\"");

	private static final Pattern CANDIDATE_GROUPS = Pattern.compile("candidateGroups=\"([^\"$#]*)\"");

	private static final Set<String> ENGINE_PROVIDED = Set.of("execution", "task", "externalTask", "variableScope",
			"authenticatedUserId", "dateTime");

	@Autowired
	ApplicationContext context;

	@Test
	void everyModelNamesExistingBeansAndKnownGroupsOnly() throws IOException {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<Resource> models = models();
		assertThat(models).as("models in bpmn/").isNotEmpty();
		for (Resource model : models) {
			String xml = model.getContentAsString(StandardCharsets.UTF_8);
			List<String> found = new ArrayList<>();
			for (String bean : matches(EXPRESSION_ROOT, xml)) {
				if (!ENGINE_PROVIDED.contains(bean) && !this.context.containsBean(bean)) {
					found.add("no bean named '" + bean + "'");
				}
			}
			for (String bean : matches(DELEGATE_BEAN, xml)) {
				if (!this.context.containsBean(bean)) {
					found.add("no delegate bean named '" + bean + "'");
				}
			}
			for (String groups : matches(CANDIDATE_GROUPS, xml)) {
				for (String group : groups.split(",")) {
					if (!Roles.GROUPS.contains(group.trim())) {
						found.add("unknown candidate group '" + group.trim() + "'");
					}
				}
			}
			if (!found.isEmpty()) {
				problems.put(model.getFilename(), found);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyProcessKeepsItsHistoryForASetTime() throws IOException {
		for (Resource model : models()) {
			if (model.getFilename().endsWith(".bpmn")) {
				BpmnModelInstance bpmn = Bpmn.readModelFromStream(model.getInputStream());
				for (Process process : bpmn.getModelElementsByType(Process.class)) {
					assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
				}
			}
		}
	}

	private static List<Resource> models() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> models = new ArrayList<>(List.of(resolver.getResources("classpath*:bpmn/**/*.bpmn")));
		models.addAll(List.of(resolver.getResources("classpath*:bpmn/**/*.dmn")));
		return models;
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
