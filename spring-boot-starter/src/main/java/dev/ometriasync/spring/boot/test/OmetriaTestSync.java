package dev.ometriasync.spring.boot.test;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.SyncMode;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits, in tests, until everything committed so far has reached the {@link OmetriaSimulator}: in outbox mode until no
 * outbox row is pending (the relay deletes a row only once Ometria accepted its record; dead rows do not count), then
 * until the pipeline is empty, then until the simulator has stored what it accepted. One line in a test:
 * {@code ometria.awaitSynced();}
 */
public class OmetriaTestSync {

    /** What {@link #awaitSynced()} waits at most. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<OmetriaSync> sync;
    private final OmetriaSimulator simulator;

    OmetriaTestSync(org.springframework.beans.factory.ObjectProvider<OmetriaSync> sync, OmetriaSimulator simulator) {
        this.sync = sync::getObject;
        this.simulator = simulator;
    }

    /**
     * Waits up to {@link #DEFAULT_TIMEOUT}.
     *
     * @throws AssertionError when changes are still on their way after the timeout, or ometria-sync does not run
     */
    public void awaitSynced() {
        awaitSynced(DEFAULT_TIMEOUT);
    }

    /**
     * Waits until everything committed so far has reached the simulator.
     *
     * @param timeout how long to wait at most
     * @throws AssertionError when changes are still on their way after the timeout, or ometria-sync does not run
     */
    public void awaitSynced(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        OmetriaSync ometria = sync.get();
        if (!ometria.isEnabled()) {
            throw new AssertionError("ometria-sync does not run in this test's context (ometria.enabled=false?), so nothing"
                    + " will reach the simulator");
        }
        if (ometria.mode() == SyncMode.OUTBOX) {
            long pending;
            while ((pending = ometria.pendingOutboxRows()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(pending + " outbox row(s) still pending after " + timeout + ": " + ometria.status());
                }
                sleep();
            }
        }
        if (!ometria.flush(remaining(deadline))) {
            throw new AssertionError("records still queued in the pipeline after " + timeout);
        }
        if (!simulator.awaitIdle(remaining(deadline))) {
            throw new AssertionError("the simulator was still processing after " + timeout);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for ometria-sync", e);
        }
    }
}
