package dev.ometriasync.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * The one backoff policy of ometria-sync: how long to wait after the n-th failure in a row. Used by the pipeline's
 * retries of transient failures (5xx, I/O errors, timeouts), its pauses after a 429 without {@code Retry-After}, the
 * retry budget's settings, and the outbox relay's rescheduling of rows and of failed rounds.
 *
 * <p>The arithmetic, for the n-th failure in a row (n &ge; 1):
 * <ul>
 *   <li>the <em>ceiling</em> is {@code min(max, initial × 2^(n-1))}: {@code initial}, then twice it, and so on,
 *       never more than {@code max};</li>
 *   <li>the <em>delay</em> is the ceiling moved by the jitter, with {@code r} uniform in [0, 1):
 *     <ul>
 *       <li>{@link Jitter#NONE}: the ceiling itself;</li>
 *       <li>{@link Jitter#EQUAL}: {@code ceiling/2 + r × ceiling/2}, in [ceiling/2, ceiling) — at least half the
 *           ceiling, so the pause still grows, while two clients never wait the same time;</li>
 *       <li>{@link Jitter#PROPORTIONAL} with factor f: {@code ceiling × (1 + f × (2r − 1))}, in
 *           [ceiling × (1 − f), ceiling × (1 + f)).</li>
 *     </ul>
 *   </li>
 * </ul>
 * Durations are computed in nanoseconds. Immutable and thread-safe.
 */
public final class Backoff {

    /** How the delay is spread around the ceiling. */
    public enum Jitter {
        /** The ceiling exactly. */
        NONE,
        /** Uniform in [ceiling/2, ceiling). */
        EQUAL,
        /** Uniform in [ceiling × (1 − f), ceiling × (1 + f)) for the factor f. */
        PROPORTIONAL
    }

    private final Duration initial;
    private final Duration max;
    private final Jitter jitter;
    private final double factor;
    private final Duration budget;

    private Backoff(Duration initial, Duration max, Jitter jitter, double factor, Duration budget) {
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.factor = factor;
        this.budget = budget;
    }

    /**
     * Doubling from {@code initial} up to {@code max}, without jitter and without a budget.
     *
     * @param initial the delay after the first failure; positive
     * @param max the longest delay; at least {@code initial}
     * @return the policy
     * @throws IllegalArgumentException when a duration is out of range
     */
    public static Backoff exponential(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " must not be shorter than initial " + initial);
        }
        return new Backoff(initial, max, Jitter.NONE, 0, null);
    }

    /**
     * The same policy with {@link Jitter#EQUAL equal jitter}.
     *
     * @return the policy
     */
    public Backoff withEqualJitter() {
        return new Backoff(initial, max, Jitter.EQUAL, 0, budget);
    }

    /**
     * The same policy with {@link Jitter#PROPORTIONAL proportional jitter}.
     *
     * @param factor f, in (0, 1)
     * @return the policy
     * @throws IllegalArgumentException when the factor is out of range
     */
    public Backoff withProportionalJitter(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1): " + factor);
        }
        return new Backoff(initial, max, Jitter.PROPORTIONAL, factor, budget);
    }

    /**
     * The same policy with a retry budget: how long an execution may keep failing before it gives up. Time spent in
     * pauses the receiver asked for (a 429) is not counted by the pipeline.
     *
     * @param budget zero (no retries) or more
     * @return the policy
     * @throws IllegalArgumentException when the budget is negative
     */
    public Backoff withBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        return new Backoff(initial, max, jitter, factor, budget);
    }

    /**
     * The ceiling for the n-th failure in a row: {@code min(max, initial × 2^(n-1))}.
     *
     * @param failures n, at least 1
     * @return the ceiling
     */
    public Duration ceiling(int failures) {
        return Duration.ofNanos(ceilingNanos(failures));
    }

    /**
     * The delay for the n-th failure in a row.
     *
     * @param failures n, at least 1
     * @param random uniform in [0, 1)
     * @return the delay, as the class documentation computes it
     */
    public Duration delay(int failures, double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long ceiling = ceilingNanos(failures);
        return Duration.ofNanos(switch (jitter) {
            case NONE -> ceiling;
            case EQUAL -> ceiling / 2 + (long) (random * (ceiling / 2));
            case PROPORTIONAL -> ceiling + (long) (ceiling * factor * (2 * random - 1));
        });
    }

    /**
     * The delay after the first failure.
     *
     * @return the initial delay
     */
    public Duration initial() {
        return initial;
    }

    /**
     * The longest ceiling.
     *
     * @return the maximum
     */
    public Duration max() {
        return max;
    }

    /**
     * The jitter.
     *
     * @return the kind of jitter
     */
    public Jitter jitter() {
        return jitter;
    }

    /**
     * The retry budget, when one was set.
     *
     * @return the budget, or null
     */
    public Duration budget() {
        return budget;
    }

    private long ceilingNanos(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        long maxNanos = max.toNanos();
        long ceiling = initial.toNanos();
        for (int i = 1; i < failures && ceiling < maxNanos; i++) {
            ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
        }
        return Math.min(ceiling, maxNanos);
    }

    @Override
    public String toString() {
        return "Backoff[initial=" + initial + ", max=" + max + ", jitter=" + jitter
                + (jitter == Jitter.PROPORTIONAL ? "(" + factor + ")" : "") + (budget == null ? "" : ", budget=" + budget) + "]";
    }
}
