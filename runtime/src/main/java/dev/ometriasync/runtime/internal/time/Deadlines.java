package dev.ometriasync.runtime.internal.time;

import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking waits measured on a {@link TimeSource}, so that a manual clock can end them. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The instant {@code timeout} after now, saturated instead of overflowing.
     *
     * @param time the time source
     * @param timeout how long from now
     * @return the deadline
     */
    public static Instant after(TimeSource time, Duration timeout) {
        Instant now = time.now();
        try {
            return now.plus(timeout);
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            return Instant.MAX;
        }
    }

    /**
     * Waits until {@code future} completes or the time source reaches {@code deadline}.
     *
     * @param time the time source that measures the deadline
     * @param future what to wait for
     * @param deadline when to stop waiting
     * @return true when the future completed (normally or not) before the deadline
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static boolean await(TimeSource time, CompletableFuture<?> future, Instant deadline)
            throws InterruptedException {
        if (future.isDone()) {
            return true;
        }
        CompletableFuture<Void> timedOut = new CompletableFuture<>();
        TimeSource.Scheduled timer = time.schedule(deadline, () -> timedOut.complete(null));
        try {
            CompletableFuture.anyOf(future, timedOut).get();
        } catch (ExecutionException failedFuture) {
            // The future completed exceptionally: it is done, which is all the caller asked.
        } finally {
            timer.cancel();
        }
        return future.isDone();
    }
}
