package dev.ometriasync.hibernate.internal;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * A warning that may be due thousands of times a second (one per dropped change, one per record left unsent at
 * shutdown) but is logged at most once per interval: the first occurrence at once, later ones folded into a count
 * that the next logged line carries. A burst of 100,000 drops is one line, not 100,000.
 */
final class OccasionalWarning {

    private final Logger log;
    private final long intervalNanos;
    private long lastLoggedAt;
    private boolean loggedBefore;
    private long suppressed;

    OccasionalWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Logs the message at WARN unless a line was logged less than the interval ago; then only counts it.
     *
     * @param message the message (an SLF4J pattern); the count of folded occurrences is appended when there are any
     * @param arguments its arguments
     * @return true when this call logged
     */
    boolean warn(String message, Object... arguments) {
        long folded;
        synchronized (this) {
            long now = System.nanoTime();
            if (loggedBefore && now - lastLoggedAt < intervalNanos) {
                suppressed++;
                return false;
            }
            loggedBefore = true;
            lastLoggedAt = now;
            folded = suppressed;
            suppressed = 0;
        }
        if (folded > 0) {
            log.warn(message + " (" + folded + " more like this since the last such warning)", arguments);
        } else {
            log.warn(message, arguments);
        }
        return true;
    }
}
