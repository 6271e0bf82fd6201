/**
 * Child exploitation screening: a configurable instrument scored by DMN, the
 * coordinator's judgement (a lowered level waits for a manager), each level's actions,
 * reviews every 12 weeks, places and groups shared by children, and the MACE panel's
 * view. Screenings start from the front door's CSE concern, signs of exploitation in a
 * missing episode, or the coordinator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child exploitation",
		allowedDependencies = { "child", "missing", "notification", "referral", "security", "sla", "tasks", "web" })
package org.mashhub.cse;
