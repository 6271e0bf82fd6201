/**
 * The MASH front door: contacts, screening and RAG, agency checks, threshold decisions
 * and feedback to referrers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "MASH front door",
		allowedDependencies = { "child", "notification", "security", "sla", "tasks", "web" })
package org.mashhub.referral;
