/**
 * Complaints under the Children Act 1989 representations procedure: receipt,
 * acknowledgement, the three stages with their statutory working-day limits, extensions,
 * withdrawal and closure, the complaints manager's tracker and the annual report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints",
		allowedDependencies = { "notification", "security", "sla", "tasks", "web" })
package org.mashhub.complaints;
