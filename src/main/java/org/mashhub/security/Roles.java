package org.mashhub.security;

import java.util.List;

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

	private Roles() {
	}

}
