package dev.ometriasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * A sliding-window limit: the total weight admitted during any window of {@code length} stays at or below
 * {@code limit}. An admission at instant {@code t} sees everything admitted in {@code (t - length, t]}, so an
 * entry admitted at {@code t0} stops counting at exactly {@code t0 + length}.
 *
 * <p>Used with weight 1 per request for the requests-per-second limit and with the record count per request
 * for the asynchronous backlog cap. Not thread-safe on its own; callers hold the intake lock.
 */
final class RateWindow {

    private record Entry(Instant at, long weight) {
    }

    private final long limit;
    private final Duration length;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long total;

    RateWindow(long limit, Duration length) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("window length must be positive, got " + length);
        }
        this.limit = limit;
        this.length = length;
    }

    /**
     * Admits {@code weight} at {@code now} if it fits, else says how long until it would.
     *
     * @return empty when admitted (and recorded); else the wait until enough weight has left the window
     *     (or the window length, when the weight alone exceeds the limit)
     */
    Optional<Duration> tryAdmit(Instant now, long weight) {
        evictUpTo(now);
        if (total + weight <= limit) {
            entries.addLast(new Entry(now, weight));
            total += weight;
            return Optional.empty();
        }
        return Optional.of(waitFor(now, weight));
    }

    /** @return the weight that could still be admitted at {@code now} */
    long remaining(Instant now) {
        evictUpTo(now);
        return Math.max(0, limit - total);
    }

    long limit() {
        return limit;
    }

    void clear() {
        entries.clear();
        total = 0;
    }

    private void evictUpTo(Instant now) {
        Instant oldestCounted = now.minus(length);
        while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(oldestCounted)) {
            total -= entries.pollFirst().weight();
        }
    }

    private Duration waitFor(Instant now, long weight) {
        if (weight > limit) {
            return length;
        }
        long stillCounted = total;
        Iterator<Entry> oldestFirst = entries.iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            stillCounted -= entry.weight();
            if (stillCounted + weight <= limit) {
                return Duration.between(now, entry.at().plus(length));
            }
        }
        return length;
    }
}
