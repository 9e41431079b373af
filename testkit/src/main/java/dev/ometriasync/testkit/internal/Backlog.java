package dev.ometriasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Ometria's asynchronous import backlog as the simulator plays it: a queue of at most {@code limit} records
 * "waiting to be processed", which drains at {@code drainPerSecond} records per second (* "the queue has a maximum backlog of 50k records waiting to be processed"; clients read {@code X-QueueSize-Limit}
 * and {@code X-QueueSize-Remaining}). A request whose records do not fit is refused whole (429).
 *
 * <p>The drain rate is not documented; it is an assumption of the simulator (see its builder). The backlog is a
 * counter on the simulator's clock, apart from the validation worker, so that tests on a manual clock see exact
 * numbers. Not thread-safe on its own; callers hold the intake lock.
 */
final class Backlog {

    private final long limit;
    private final double drainPerSecond;
    private double waiting;
    private Instant drainedAt;

    Backlog(long limit, double drainPerSecond) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (!(drainPerSecond > 0)) {
            throw new IllegalArgumentException("drainPerSecond must be positive, got " + drainPerSecond);
        }
        this.limit = limit;
        this.drainPerSecond = drainPerSecond;
    }

    /**
     * Queues {@code records} at {@code now} if they fit, else says how long until they would.
     *
     * @return empty when queued; else the wait until enough has drained (the time to drain {@code records} when
     *     they exceed the limit on their own)
     */
    Optional<Duration> tryAdmit(Instant now, long records) {
        drain(now);
        if (waiting + records <= limit) {
            waiting += records;
            return Optional.empty();
        }
        double excess = Math.min(records, waiting + records - limit);
        return Optional.of(Duration.ofNanos((long) Math.ceil(excess / drainPerSecond * 1e9)));
    }

    /** @return how many more records fit at {@code now}: the {@code X-QueueSize-Remaining} value */
    long remaining(Instant now) {
        drain(now);
        return Math.max(0, limit - (long) Math.ceil(waiting));
    }

    /** @return the {@code X-QueueSize-Limit} value */
    long limit() {
        return limit;
    }

    void clear() {
        waiting = 0;
        drainedAt = null;
    }

    private void drain(Instant now) {
        if (drainedAt != null && now.isAfter(drainedAt)) {
            double seconds = Duration.between(drainedAt, now).toNanos() / 1e9;
            waiting = Math.max(0, waiting - seconds * drainPerSecond);
        }
        if (drainedAt == null || now.isAfter(drainedAt)) {
            drainedAt = now;
        }
    }
}
