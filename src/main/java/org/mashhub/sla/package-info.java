/**
 * The SLA engine: the working-day calendar, SLA policies, due dates, the deadline ledger,
 * timers, breaches and escalation. Generic: business modules name their policies; this
 * module knows no business words.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA engine",
		allowedDependencies = { "notification", "security" })
package org.mashhub.sla;
