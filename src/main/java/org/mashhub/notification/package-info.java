/**
 * Notices to people and teams: in the app, and by e-mail to team mailboxes when SMTP is
 * set up. Generic: a notice carries a reference and a link, never personal details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "security" })
package org.mashhub.notification;
