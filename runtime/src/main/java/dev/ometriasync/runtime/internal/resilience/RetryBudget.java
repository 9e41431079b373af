package dev.ometriasync.runtime.internal.resilience;

import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * The retry time budget of one execution: it starts at the first transient failure and is spent by
 * elapsed time, except the pauses that rate limiting imposed (a 429 is Ometria asking us to slow down, not
 * a failure of the records). Thread-safe.
 */
final class RetryBudget {

    private final TimeSource time;
    private final Duration max;
    private Instant firstFailure;
    private Duration excused = Duration.ZERO;

    RetryBudget(TimeSource time, Duration max) {
        this.time = time;
        this.max = max;
    }

    synchronized void record(RetryDecision decision) {
        if (decision instanceof RetryDecision.Backoff && firstFailure == null) {
            firstFailure = time.now();
        } else if (decision instanceof RetryDecision.After after && firstFailure != null) {
            excused = excused.plus(after.pause());
        }
    }

    synchronized boolean exhausted() {
        return firstFailure != null
                && Duration.between(firstFailure, time.now()).minus(excused).compareTo(max) >= 0;
    }
}
