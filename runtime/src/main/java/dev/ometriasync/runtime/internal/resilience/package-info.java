/**
 * Retry with exponential backoff and jitter, and the retry time budget, behind {@link
 * dev.ometriasync.runtime.internal.resilience.RetryExecutor}. Failsafe is used only in this package, so
 * replacing it touches nothing else. Internal: not API.
 */
package dev.ometriasync.runtime.internal.resilience;
