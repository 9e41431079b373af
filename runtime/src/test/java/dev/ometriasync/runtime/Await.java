package dev.ometriasync.runtime;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for asynchronous work (another thread, a loopback HTTP round trip) with a generous real-time
 * timeout. Never used to measure timing: every timing decision runs on {@link ManualTime}.
 */
final class Await {

    private static final long TIMEOUT_MILLIS = 60_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(() -> what, condition);
    }

    static void until(Supplier<String> what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + TIMEOUT_MILLIS + " ms waiting until " + what.get());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
