/**
 * The work queue: a read model of every user task, practitioners' "My work", managers'
 * overdue view and reassignment. Generic: business modules describe their tasks' subjects
 * through {@link org.mashhub.tasks.TaskSubjects}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work queue",
		allowedDependencies = { "notification", "security", "sla" })
package org.mashhub.tasks;
