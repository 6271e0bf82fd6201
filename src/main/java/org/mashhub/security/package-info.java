/**
 * Security: Keycloak login for the UI, JWT for the API, the Camunda identity bridge and
 * the access audit. Generic: knows no business words.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {})
package org.mashhub.security;
