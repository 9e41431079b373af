package dev.ometriasync.runtime.spi;

import dev.ometriasync.runtime.internal.time.SystemTimeSource;
import java.time.Instant;

/**
 * The pipeline's only view of time: what time it is, and a way to be called back at a deadline.
 *
 * <p>Every timing decision of the pipeline (rate-limit permits, 429 pauses, retry backoff, the retry
 * budget, back-pressure and shutdown timeouts) goes through one {@code TimeSource}, so a test can drive
 * the pipeline with a manual clock and no test has to depend on real-time speed. Production code uses
 * {@link #system()}.
 *
 * <p>Implementations must be thread-safe. A scheduled task must run at most once, never before
 * {@link #now()} has reached its deadline, and should be short: the pipeline's tasks only hand work to
 * its own thread.
 */
public interface TimeSource {

    /**
     * The current time.
     *
     * @return now
     */
    Instant now();

    /**
     * Runs {@code task} once this time source has reached {@code deadline}: soon, if it already has.
     *
     * @param deadline when to run the task
     * @param task what to run; must be short and must not block
     * @return a handle to cancel the task before it runs
     */
    Scheduled schedule(Instant deadline, Runnable task);

    /** A task waiting for its deadline. */
    @FunctionalInterface
    interface Scheduled {
        /**
         * Cancels the task if it has not run yet; does nothing otherwise.
         */
        void cancel();
    }

    /**
     * The system clock, with deadlines served by one shared daemon thread.
     *
     * @return the JVM-wide system time source
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
