/**
 * Resilience policy shared by the runtime and the integrations: {@link dev.ometriasync.runtime.resilience.Backoff},
 * the one exponential backoff with jitter behind every retry and pause. Public (not {@code internal}) because the
 * Hibernate integration's outbox relay reschedules rows with it, and no module uses another's internal packages.
 */
package dev.ometriasync.runtime.resilience;
