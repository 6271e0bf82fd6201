/**
 * The shell of the web UI: layout, home page, error pages and the API's problem+json
 * answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell",
		allowedDependencies = { "security", "sla", "tasks" })
package org.mashhub.web;
