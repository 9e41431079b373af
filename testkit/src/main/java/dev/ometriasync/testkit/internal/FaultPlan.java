package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ometriasync.testkit.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The faults armed by a test: a queue played one per push request, then random faults each played on a share of
 * push requests (a seeded draw per request, so a run can be repeated), then standing faults played on every push
 * request holding a record that matches their predicate (how tests exercise batch bisection). Also the gate that
 * held requests wait at. Thread-safe.
 */
public final class FaultPlan {

    private record RecordFault(Predicate<? super JsonNode> matcher, Fault fault) {
    }

    private static final class RandomFault {
        private final double probability;
        private final Fault fault;
        private final SplittableRandom random;

        private RandomFault(double probability, Fault fault, long seed) {
            this.probability = probability;
            this.fault = fault;
            this.random = new SplittableRandom(seed);
        }
    }

    private final ArrayDeque<Fault> queued = new ArrayDeque<>();
    private final List<RandomFault> random = new ArrayList<>();
    private final List<RecordFault> standing = new ArrayList<>();
    private final HoldGate gate = new HoldGate();

    public synchronized void queue(int count, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        for (int i = 0; i < count; i++) {
            queued.addLast(fault);
        }
    }

    public synchronized void atRandom(double probability, Fault fault, long seed) {
        Objects.requireNonNull(fault, "fault");
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within (0, 1], got " + probability);
        }
        random.add(new RandomFault(probability, fault, seed));
    }

    public synchronized void whenRecord(Predicate<? super JsonNode> matcher, Fault fault) {
        standing.add(new RecordFault(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(fault, "fault")));
    }

    /** @return the fault for the next push request, or null */
    synchronized Fault pollQueued() {
        return queued.pollFirst();
    }

    /**
     * Draws once for every random fault, in the order they were armed (so each one's sequence of draws depends
     * only on its seed and the number of push requests), and returns the first that hit.
     *
     * @return the random fault for this push request, or null
     */
    synchronized Fault drawRandom() {
        Fault hit = null;
        for (RandomFault candidate : random) {
            boolean draws = candidate.random.nextDouble() < candidate.probability;
            if (draws && hit == null) {
                hit = candidate.fault;
            }
        }
        return hit;
    }

    /** @return the first standing fault whose predicate matches one of the records, or null */
    synchronized Fault matching(List<JsonNode> records) {
        for (RecordFault recordFault : standing) {
            for (JsonNode record : records) {
                if (recordFault.matcher().test(record)) {
                    return recordFault.fault();
                }
            }
        }
        return null;
    }

    public synchronized int queuedCount() {
        return queued.size();
    }

    /** Forgets every armed fault and releases held requests. */
    public synchronized void clear() {
        queued.clear();
        random.clear();
        standing.clear();
        gate.releaseAll();
    }

    public HoldGate gate() {
        return gate;
    }

    /** Where requests played with {@link Fault#hold()} wait until a test releases them. */
    public static final class HoldGate {
        private long generation;
        private int held;
        private boolean closed;

        /** Blocks until {@link #releaseAll()} (or close); returns early if the thread is interrupted. */
        synchronized void hold() {
            long mine = generation;
            held++;
            notifyAll();
            try {
                while (generation == mine && !closed) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held--;
                notifyAll();
            }
        }

        public synchronized void releaseAll() {
            generation++;
            notifyAll();
        }

        public synchronized int heldCount() {
            return held;
        }

        /** @return whether at least {@code count} requests were held before the timeout */
        public synchronized boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (held < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        public synchronized void close() {
            closed = true;
            notifyAll();
        }
    }
}
