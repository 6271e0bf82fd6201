/**
 * Each child's chronology: everything that happened in the child's cases, with who and
 * when, written from the events the business modules publish (the front door's steps, a
 * complaint about the child, a task moved by a manager). Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chronology",
		allowedDependencies = { "child", "referral", "complaints", "missing", "cse", "tasks", "security", "sla" })
package org.mashhub.chronology;
