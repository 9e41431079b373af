package dev.ometriasync.runtime.internal.resilience;

import java.time.Duration;

/**
 * How to retry transient failures.
 *
 * @param initialDelay the delay after the first failure
 * @param maxDelay the longest delay between attempts
 * @param jitterFactor each delay is randomly moved by up to this fraction of itself, in (0, 1)
 * @param maxDuration the retry budget: how long an execution may keep failing before it gives up; time
 *     spent in pauses decided by {@link RetryDecision#after} does not count
 */
public record RetrySettings(Duration initialDelay, Duration maxDelay, double jitterFactor, Duration maxDuration) {

    /**
     * Checks the settings.
     *
     * @param initialDelay positive
     * @param maxDelay greater than the initial delay
     * @param jitterFactor in [0, 1)
     * @param maxDuration not negative
     */
    public RetrySettings {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) <= 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " must be longer than initialDelay " + initialDelay);
        }
        if (jitterFactor < 0 || jitterFactor >= 1) {
            throw new IllegalArgumentException("jitterFactor must be in [0, 1): " + jitterFactor);
        }
        if (maxDuration.isNegative()) {
            throw new IllegalArgumentException("maxDuration must not be negative: " + maxDuration);
        }
    }
}
