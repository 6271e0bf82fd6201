package org.mashhub;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of {@code architecture.md} that Spring Modulith cannot see: where the engine
 * may be used, whose clock is asked, and that generic modules speak no business words.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.mashhub");

	/** The generic modules: they serve every process and are told its words. */
	private static final List<String> GENERIC = List.of("org.mashhub.tasks..", "org.mashhub.sla..",
			"org.mashhub.notification..", "org.mashhub.security..", "org.mashhub.web..");

	// "missing" is left out: a generic module may say a row is missing
	private static final Pattern BUSINESS_WORDS = Pattern.compile(
			"complaint|referral|contact|child|triage|cse|exploitation|screen|episode|interview|agency|stage|rhi",
			Pattern.CASE_INSENSITIVE);

	@Test
	void camundaIsUsedOnlyAtTheEdgeOfABusinessModuleAndByTheEngineFacingModules() {
		noClasses().that()
			.resideOutsideOfPackages("org.mashhub", "org.mashhub.*.process..", "org.mashhub.tasks..",
					"org.mashhub.sla..", "org.mashhub.security..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.check(MAIN);
	}

	@Test
	void nothingButTheApplicationsClockBeanAsksTheEnginesClock() {
		noClasses().that()
			.resideOutsideOfPackage("org.mashhub")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
			.check(MAIN);
	}

	@Test
	void genericModulesNameNoBusinessThing() {
		classes().that()
			.resideInAnyPackage(GENERIC.toArray(String[]::new))
			.and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Roles")))
			.should(nameNoBusinessWord())
			.check(MAIN);
	}

	/**
	 * The class and every member it declares, by name (the group names in
	 * {@code security.Roles} are the one shared vocabulary).
	 */
	private static ArchCondition<JavaClass> nameNoBusinessWord() {
		return new ArchCondition<>("name no business word") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				report(type, type.getSimpleName(), type.getName(), events);
				for (JavaMember member : type.getMembers()) {
					report(type, member.getName(), member.getFullName(), events);
				}
			}
		};
	}

	private static void report(JavaClass type, String name, String where, ConditionEvents events) {
		var found = BUSINESS_WORDS.matcher(name.toLowerCase(Locale.ROOT));
		if (found.find()) {
			events.add(SimpleConditionEvent.violated(type, where + " names '" + found.group() + "'"));
		}
	}

}
