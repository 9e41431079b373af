package dev.ometriasync.bootcheck;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, by polling, for something the system does asynchronously; fails with a description when it never happens. */
final class Eventually {

    /** Generous: the machine is small and shared. Nothing here asserts speed, only that it happens. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
