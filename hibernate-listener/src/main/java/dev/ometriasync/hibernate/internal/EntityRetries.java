package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.resilience.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Direct mode's entities whose committed state could not be read or serialized, waiting to be read again: each on
 * its own schedule from the project's one {@link Backoff}, and given up after {@link #MAX_ATTEMPTS} failed reads in
 * a row. The same rule as the outbox relay's rows (retried with backoff, dead after an attempt limit), kept in
 * memory and shorter, because direct mode holds its changes in memory. Only an entity's own failures count:
 * failures of the database connection never reach this class. Not thread-safe: the reader guards it.
 */
final class EntityRetries {

    /** Failed reads in a row after which an entity's change is given up. */
    static final int MAX_ATTEMPTS = 5;
    /** 0.5 s after the first failure, doubling (with equal jitter) up to 30 s: about 4 to 8 s before giving up. */
    static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30)).withEqualJitter();

    /** A retry falling due. */
    private record Due(long atNanos, PendingChanges.Key key, List<CapturedChange> changes) {
    }

    private final Map<PendingChanges.Key, Integer> attempts = new HashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos(), b.atNanos()));

    /**
     * Records a failed read of an entity.
     *
     * @param key the entity
     * @param changes its changes, to be read again
     * @param nowNanos {@link System#nanoTime()}
     * @return the failed reads in a row so far; when it reached {@link #MAX_ATTEMPTS} the entity is given up (and
     *         forgotten here), otherwise it falls due again after the backoff
     */
    int failed(PendingChanges.Key key, List<CapturedChange> changes, long nowNanos) {
        int failures = attempts.merge(key, 1, Integer::sum);
        if (failures >= MAX_ATTEMPTS) {
            attempts.remove(key);
        } else {
            long delay = BACKOFF.delay(failures, ThreadLocalRandom.current().nextDouble()).toNanos();
            queue.add(new Due(nowNanos + delay, key, changes));
        }
        return failures;
    }

    /**
     * An entity was read: its count starts again. A retry still queued for it reads it once more, which is harmless.
     *
     * @param key the entity
     */
    void succeeded(PendingChanges.Key key) {
        attempts.remove(key);
    }

    /**
     * Removes the retries that fell due.
     *
     * @param nowNanos {@link System#nanoTime()}
     * @return per entity, the changes to read again
     */
    List<List<CapturedChange>> takeDue(long nowNanos) {
        List<List<CapturedChange>> due = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().atNanos() - nowNanos <= 0) {
            due.add(queue.poll().changes());
        }
        return due;
    }

    /**
     * How long until the next retry falls due.
     *
     * @param nowNanos {@link System#nanoTime()}
     * @return nanoseconds (0 when one is due), or -1 when none waits
     */
    long nanosUntilNext(long nowNanos) {
        return queue.isEmpty() ? -1 : Math.max(0, queue.peek().atNanos() - nowNanos);
    }

    /** @return entities waiting to be read again */
    int size() {
        return queue.size();
    }

    /** Forgets every retry (the reader stopped). */
    void clear() {
        queue.clear();
        attempts.clear();
    }
}
