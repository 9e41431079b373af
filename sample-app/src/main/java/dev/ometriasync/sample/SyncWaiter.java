package dev.ometriasync.sample;

import dev.ometriasync.hibernate.OmetriaSync;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Waits until every committed change has reached Ometria: the outbox holds no pending row (the relay
 * deletes a row once Ometria accepted its record), the pipeline is empty, and, with the simulator, the
 * simulator has validated and stored what it acknowledged.
 */
final class SyncWaiter {

    /** How often the outbox is counted while waiting: a query on a small table, cheap enough. */
    private static final long POLL_MILLIS = 20;

    private final OmetriaSync sync;
    private final OmetriaTarget target;

    SyncWaiter(OmetriaSync sync, OmetriaTarget target) {
        this.sync = sync;
        this.target = target;
    }

    /**
     * Waits for everything committed so far.
     *
     * @param timeout how long to wait at most
     * @throws IllegalStateException when changes are still pending after the timeout
     */
    void awaitSynced(Duration timeout) {
        awaitSynced(timeout, pending -> { });
    }

    /**
     * Waits for everything committed so far, reporting the number of pending outbox rows as it falls.
     *
     * @param timeout how long to wait at most
     * @param progress called with the pending row count on every change of it
     * @throws IllegalStateException when changes are still pending after the timeout
     */
    void awaitSynced(Duration timeout, LongConsumer progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (true) {
            long pending = sync.pendingOutboxRows();
            if (pending != last) {
                progress.accept(pending);
                last = pending;
            }
            if (pending == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " change(s) still waiting in the outbox after " + timeout
                        + "; is Ometria reachable? (see the log above)");
            }
            pause();
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!sync.flush(left)) {
            throw new IllegalStateException("the push pipeline did not drain within " + timeout);
        }
        if (target.isSimulated() && !target.simulator().awaitIdle(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the simulator did not finish validating what it acknowledged");
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for changes to reach Ometria", e);
        }
    }
}
