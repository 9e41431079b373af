package dev.ometriasync.runtime.internal.time;

import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link TimeSource} on the system clock. One daemon thread serves the deadlines of every pipeline in the
 * JVM; tasks are tiny (they wake a pipeline's own thread), so one thread is plenty.
 */
public final class SystemTimeSource implements TimeSource {

    /** The JVM-wide instance. */
    public static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private final ScheduledThreadPoolExecutor timer;

    private SystemTimeSource() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ometria-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled wake-ups are common (a permit wait superseded by new work); do not let them pile up.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Scheduled schedule(Instant deadline, Runnable task) {
        long delayNanos = Math.max(0, saturatedNanos(Duration.between(now(), deadline)));
        ScheduledFuture<?> future = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "SystemTimeSource";
    }
}
