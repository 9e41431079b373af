package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.QueueState;
import dev.ometriasync.runtime.resilience.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The request budget of one Ometria account, shared by every pipeline in the JVM that uses the same API
 * key (see {@link AccountRateLimiters}).
 *
 * <p>Smooth, with no stored burst: a permit is free one interval after the previous one was taken, and
 * an idle limiter gives its next permit at once. The interval is set a few percent longer than the
 * configured rate asks ({@link #HEADROOM}), so that network jitter, which can bring two requests closer
 * together on their way to Ometria than they left, cannot put one request too many into any sliding
 * second: with whole-number rates the account sees at most {@code ceil(0.97 * rate) <= rate} requests in
 * any second.
 *
 * <p>A 429 pauses the whole account: no permit is given until the pause ends. The pause is the
 * {@code Retry-After} hint when Ometria sends one (plus a little jitter, never less), otherwise the
 * {@link #PAUSES} backoff over consecutive 429s: 1 s doubling to 60 s, with equal jitter (each pause uniform in
 * [ceiling/2, ceiling)), so that instances sharing an account do not retry in step.
 *
 * <p>Ometria's backlog slows sending before it fills: every answer reports {@code X-QueueSize-Remaining} and
 * {@code X-QueueSize-Limit}, and while less than {@link #SLOW_BELOW half} of the backlog
 * remains, the interval between requests grows in proportion — at a quarter remaining, requests go at half the
 * rate — down to {@link #MIN_PACE} of it. The backlog drains while sending slows, so the next answer restores the
 * pace. (An independent production client backs off below 10,000 of 50,000; starting at half and slowing smoothly
 * keeps well clear of the 429 that a full backlog answers.) Thread-safe.
 */
final class AccountRateLimiter {

    /** Fraction of the configured rate actually used. */
    static final double HEADROOM = 0.97;
    /** First pause after a 429 without {@code Retry-After}. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** Longest pause after repeated 429s without {@code Retry-After}. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    /** The pause after the n-th 429 in a row without {@code Retry-After} (see {@link Backoff}). */
    static final Backoff PAUSES = Backoff.exponential(FIRST_PAUSE, MAX_PAUSE).withEqualJitter();
    /** Upper bound of the jitter added on top of a {@code Retry-After} hint. */
    static final Duration RETRY_AFTER_JITTER = Duration.ofMillis(250);

    /** Below this fraction of the backlog's limit remaining, sending slows in proportion. */
    static final double SLOW_BELOW = 0.5;
    /** The slowest pace, as a fraction of the configured rate. */
    static final double MIN_PACE = 0.05;

    private final DoubleSupplier random;
    private double pace = 1;
    private Instant lastTaken = Instant.MIN;
    private Duration interval;
    private double requestsPerSecond;
    private Instant nextFree = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;
    private int consecutiveRateLimits;

    AccountRateLimiter(double requestsPerSecond, DoubleSupplier random) {
        this.random = random;
        setRate(requestsPerSecond);
    }

    synchronized void setRate(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        this.interval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / (requestsPerSecond * HEADROOM)));
    }

    synchronized double requestsPerSecond() {
        return requestsPerSecond;
    }

    synchronized Duration interval() {
        return interval;
    }

    /**
     * Takes a permit if one is free.
     *
     * @param now the current time
     * @return zero when a permit was taken, otherwise how long until one is free (nothing taken)
     */
    synchronized Duration tryAcquire(Instant now) {
        Duration wait = timeUntilFree(now);
        if (wait.isZero()) {
            nextFree = now.plus(interval);
            lastTaken = now;
        }
        return wait;
    }

    /**
     * Takes in the backlog an answer reported, and sets the pace from it.
     *
     * @param state the backlog as reported
     * @return the pace now in force: 1 for the configured rate, less when the backlog is filling
     */
    synchronized double onQueueState(QueueState state) {
        double threshold = state.effectiveLimit() * SLOW_BELOW;
        pace = state.remaining() >= threshold ? 1 : Math.max(MIN_PACE, state.remaining() / threshold);
        return pace;
    }

    /** The pace in force: 1 at the configured rate, less while Ometria's backlog is more than half full. */
    synchronized double pace() {
        return pace;
    }

    /**
     * How long until a permit is free, without taking it.
     *
     * @param now the current time
     * @return zero when one is free now
     */
    synchronized Duration timeUntilFree(Instant now) {
        Instant paced = pace >= 1 || lastTaken.equals(Instant.MIN) ? nextFree
                : lastTaken.plusNanos((long) Math.ceil(interval.toNanos() / pace));
        // The pace is read when the permit is given, so that an answer saying the backlog drained speeds up at once.
        Instant free = paced.isAfter(pausedUntil) ? paced : pausedUntil;
        return now.isBefore(free) ? Duration.between(now, free) : Duration.ZERO;
    }

    /**
     * Pauses the account after a 429.
     *
     * @param retryAfter Ometria's hint, if it gave one
     * @param now the current time
     * @return how long the account is paused from now
     */
    synchronized Duration pauseAfterRateLimit(Optional<Duration> retryAfter, Instant now) {
        consecutiveRateLimits++;
        Duration pause;
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            pause = retryAfter.get().plusNanos((long) (random.getAsDouble() * RETRY_AFTER_JITTER.toNanos()));
        } else {
            pause = PAUSES.delay(consecutiveRateLimits, random.getAsDouble());
        }
        Instant until = now.plus(pause);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return Duration.between(now, pausedUntil);
    }

    /** A request went through: the next 429 starts the backoff from the beginning. */
    synchronized void onAccepted() {
        consecutiveRateLimits = 0;
    }
}
