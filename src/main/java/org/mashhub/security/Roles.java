package org.mashhub.security;

import java.util.List;
import java.util.Map;

/**
 * The Keycloak groups (each with a realm role of the same name) that are also the Camunda
 * candidate groups, and the roles partner systems carry.
 */
public final class Roles {

	public static final String BUSINESS_SUPPORT = "business-support";

	public static final String MASH_SOCIAL_WORKER = "mash-social-worker";

	public static final String MASH_MANAGER = "mash-manager";

	public static final String POLICE_LIAISON = "police-liaison";

	public static final String HEALTH_LIAISON = "health-liaison";

	public static final String EDUCATION_LIAISON = "education-liaison";

	public static final String EARLY_HELP = "early-help";

	public static final String PROBATION_LIAISON = "probation-liaison";

	public static final String HOUSING_LIAISON = "housing-liaison";

	public static final String ASSESSMENT_SOCIAL_WORKER = "assessment-social-worker";

	public static final String MISSING_COORDINATOR = "missing-coordinator";

	public static final String RHI_WORKER = "rhi-worker";

	public static final String CSE_COORDINATOR = "cse-coordinator";

	public static final String COMPLAINTS_MANAGER = "complaints-manager";

	public static final String COMPLAINTS_INVESTIGATOR = "complaints-investigator";

	public static final String SERVICE_MANAGER = "service-manager";

	public static final String HUB_ADMIN = "hub-admin";

	/** A partner agency's system, signed in by client credentials. */
	public static final String PARTNER_SYSTEM = "partner-system";

	/**
	 * Prefix of the role naming the agency a partner system acts for, e.g. agency-police.
	 */
	public static final String AGENCY_PREFIX = "agency-";

	/** Every staff group, in the order of the domain's permission table. */
	public static final List<String> GROUPS = List.of(BUSINESS_SUPPORT, MASH_SOCIAL_WORKER, MASH_MANAGER,
			POLICE_LIAISON, HEALTH_LIAISON, EDUCATION_LIAISON, EARLY_HELP, PROBATION_LIAISON, HOUSING_LIAISON,
			ASSESSMENT_SOCIAL_WORKER, MISSING_COORDINATOR, RHI_WORKER, CSE_COORDINATOR, COMPLAINTS_MANAGER,
			COMPLAINTS_INVESTIGATOR, SERVICE_MANAGER, HUB_ADMIN);

	/** What each group is called on a screen. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry(BUSINESS_SUPPORT, "Business support"),
			Map.entry(MASH_SOCIAL_WORKER, "MASH social worker"), Map.entry(MASH_MANAGER, "MASH manager"),
			Map.entry(POLICE_LIAISON, "Police liaison"), Map.entry(HEALTH_LIAISON, "Health liaison"),
			Map.entry(EDUCATION_LIAISON, "Education liaison"), Map.entry(EARLY_HELP, "Early help"),
			Map.entry(PROBATION_LIAISON, "Probation liaison"), Map.entry(HOUSING_LIAISON, "Housing liaison"),
			Map.entry(ASSESSMENT_SOCIAL_WORKER, "Assessment social worker"),
			Map.entry(MISSING_COORDINATOR, "Missing children coordinator"),
			Map.entry(RHI_WORKER, "Return interview worker"), Map.entry(CSE_COORDINATOR, "Exploitation coordinator"),
			Map.entry(COMPLAINTS_MANAGER, "Complaints manager"),
			Map.entry(COMPLAINTS_INVESTIGATOR, "Complaints investigator"),
			Map.entry(SERVICE_MANAGER, "Service manager"), Map.entry(HUB_ADMIN, "Hub administrator"),
			Map.entry(PARTNER_SYSTEM, "Partner system"));

	private Roles() {
	}

	/** A group's name in words; a group this list does not know, as it is called. */
	public static String inWords(String group) {
		return NAMES.getOrDefault(group, group);
	}

	/** Several groups in words, in order. */
	public static String inWords(List<String> groups) {
		return String.join(", ", groups.stream().map(Roles::inWords).toList());
	}

}
