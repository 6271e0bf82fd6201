/**
 * Benchmarks ({@code ./mvnw -Pbench verify}): contact intake, the work queue at national
 * scale and SLA timers, each measured against stock Camunda on the same data in the same
 * run.
 */
package org.mashhub.bench;
