/**
 * Children who go missing from home or care: episodes (missing or away), risk reviews
 * while the child is missing, the return, the return home interview within 72 hours,
 * repeat missing, and the missing coordinator's dashboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Missing children",
		allowedDependencies = { "child", "notification", "security", "sla", "tasks", "web" })
package org.mashhub.missing;
