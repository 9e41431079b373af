package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.QueueState;
import dev.ometriasync.runtime.resilience.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The request budget of one Ometria account, shared by every pipeline in the JVM that uses the same API
 * key (see {@link AccountRateLimiters}).
 *
 * <p><b>Arrival-safe.</b> Ometria counts requests when they <em>arrive</em>; this JVM only knows when it hands a
 * request to the HTTP client and when the answer comes back. A request arrives somewhere in between, so the
 * limiter keeps a sliding window of {@link Slot slots}: a request takes a slot when it is handed over, and the slot
 * counts until one window length (a second) after its <em>answer</em> (or failure) came back. With at most
 * {@code rate} slots counting at any instant, the request that takes the slot freed by request {@code i} is handed
 * over at least a second after {@code i}'s answer, hence arrives at least a second after {@code i} arrived: no
 * sliding second at Ometria holds more than {@code rate} requests, however the network, connection set-up, TLS, a
 * cold JVM or a starved CPU delay or bunch requests on the way. No headroom is needed. What it costs: each slot is
 * held for a second plus one round trip, so a backlog goes at {@code rate / (1 s + round trip)} — about 97 % of the
 * ceiling at a 30 ms round trip. (Counting slots from hand-off alone, as the limiter did before, loses the guarantee:
 * two requests handed over a full interval apart arrive closer together whenever the first one is delayed more.)
 *
 * <p>The window allows a burst: an idle account may hand over {@code rate} requests at once (the pipeline only does
 * so with full batches; see {@link #timeUntilSpaced}). Whole requests per
 * second are what Ometria states; a fractional rate above 1 is rounded down, and a rate below 1 gives one slot per
 * {@code 1 / rate} seconds. An answer that never comes (a transport without a deadline) frees its slot
 * {@link #LONGEST_HOLD} after hand-off.
 *
 * <p>A 429 pauses the whole account: no slot is given until the pause ends. The pause is the
 * {@code Retry-After} hint when Ometria sends one (plus a little jitter, never less), otherwise the
 * {@link #PAUSES} backoff over consecutive 429s: 1 s doubling to 60 s, with equal jitter (each pause uniform in
 * [ceiling/2, ceiling)), so that instances sharing an account do not retry in step.
 *
 * <p>Ometria's backlog slows sending before it fills: every answer reports {@code X-QueueSize-Remaining} and
 * {@code X-QueueSize-Limit}, and while less than {@link #SLOW_BELOW half} of the backlog
 * remains, requests are also spaced by an interval that grows in proportion — at a quarter remaining, requests go
 * at half the rate — down to {@link #MIN_PACE} of it. The backlog drains while sending slows, so the next answer
 * restores the pace. (An independent production client backs off below 10,000 of 50,000; starting at half and slowing
 * smoothly keeps well clear of the 429 that a full backlog answers.) Thread-safe.
 */
final class AccountRateLimiter {

    /** First pause after a 429 without {@code Retry-After}. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** Longest pause after repeated 429s without {@code Retry-After}. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    /** The pause after the n-th 429 in a row without {@code Retry-After} (see {@link Backoff}). */
    static final Backoff PAUSES = Backoff.exponential(FIRST_PAUSE, MAX_PAUSE).withEqualJitter();
    /** Upper bound of the jitter added on top of a {@code Retry-After} hint. */
    static final Duration RETRY_AFTER_JITTER = Duration.ofMillis(250);
    /** A slot whose answer never came is freed this long after hand-off (every request has a shorter deadline). */
    static final Duration LONGEST_HOLD = Duration.ofMinutes(10);
    /**
     * While every slot waits for an answer, callers look again this often: an answer may come through another
     * pipeline sharing the account, which cannot wake them.
     */
    static final Duration RECHECK_WHILE_IN_FLIGHT = Duration.ofMillis(50);

    /** Below this fraction of the backlog's limit remaining, sending slows in proportion. */
    static final double SLOW_BELOW = 0.5;
    /** The slowest pace, as a fraction of the configured rate. */
    static final double MIN_PACE = 0.05;

    /** One request's place in the window, from hand-off until a window length after its answer. */
    static final class Slot {
        private final Instant taken;
        private Instant answered;

        private Slot(Instant taken) {
            this.taken = taken;
        }

        /** When the slot stops counting, or null while its request is unanswered (and younger than the longest hold). */
        private Instant freeAt(Duration window, Instant now) {
            if (answered != null) {
                return answered.plus(window);
            }
            Instant given = taken.plus(LONGEST_HOLD);
            return now.isBefore(given) ? null : given.plus(window);
        }
    }

    private final DoubleSupplier random;
    private final List<Slot> slots = new ArrayList<>();
    private double pace = 1;
    private Instant lastTaken = Instant.MIN;
    private Duration interval;
    private Duration window;
    private int capacity;
    private double requestsPerSecond;
    private Instant pausedUntil = Instant.MIN;
    private int consecutiveRateLimits;

    AccountRateLimiter(double requestsPerSecond, DoubleSupplier random) {
        this.random = random;
        setRate(requestsPerSecond);
    }

    synchronized void setRate(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        this.interval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / requestsPerSecond));
        if (requestsPerSecond >= 1) {
            this.capacity = (int) Math.floor(requestsPerSecond);
            this.window = Duration.ofSeconds(1);
        } else {
            this.capacity = 1;
            this.window = interval;
        }
    }

    synchronized double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** The configured rate's interval between requests, {@code 1 / rate}: the spacing unit while the backlog fills. */
    synchronized Duration interval() {
        return interval;
    }

    /** Slots in the window: requests that may count at Ometria within any one window length. */
    synchronized int capacity() {
        return capacity;
    }

    /** The window's length: a second, or {@code 1 / rate} for rates below one request a second. */
    synchronized Duration window() {
        return window;
    }

    /**
     * Takes a slot if one is free. Hand the request over right after, and {@linkplain #release release} the slot when
     * its answer (or failure) comes back.
     *
     * @param now the current time
     * @return the slot, or empty when none is free (see {@link #timeUntilFree})
     */
    synchronized Optional<Slot> tryAcquire(Instant now) {
        Optional<Slot> slot = tryAcquireUnspaced(now);
        slot.ifPresent(taken -> lastTaken = now);
        return slot;
    }

    /**
     * Takes a slot if one is free, without making the next batch that is not full wait ({@link #timeUntilSpaced}):
     * for the warm-up request, which carries no records.
     *
     * @param now the current time
     * @return the slot, or empty when none is free
     */
    synchronized Optional<Slot> tryAcquireUnspaced(Instant now) {
        if (!timeUntilFree(now).isZero()) {
            return Optional.empty();
        }
        Slot slot = new Slot(now);
        slots.add(slot);
        return Optional.of(slot);
    }

    /**
     * Gives back a slot whose request was never handed over: it does not count at all.
     *
     * @param slot the slot
     */
    synchronized void cancel(Slot slot) {
        slots.remove(slot);
    }

    /**
     * The request of {@code slot} was answered (or failed) at {@code now}: its slot counts for one window length
     * more. Idempotent.
     *
     * @param slot the slot its request took
     * @param now when the answer came back
     */
    synchronized void release(Slot slot, Instant now) {
        if (slot.answered == null) {
            slot.answered = now.isBefore(slot.taken) ? slot.taken : now;
        }
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

    /** Slots counting now: requests unanswered, or answered less than a window length ago. */
    synchronized int slotsInUse(Instant now) {
        forgetFreed(now);
        return slots.size();
    }

    /**
     * How long until a slot is free, without taking it.
     *
     * @param now the current time
     * @return zero when one is free now
     */
    synchronized Duration timeUntilFree(Instant now) {
        forgetFreed(now);
        Instant free = now;
        if (slots.size() >= capacity) {
            // The (size - capacity + 1)-th slot to become free makes room; unanswered ones have no time yet.
            List<Instant> freeing = new ArrayList<>(slots.size());
            for (Slot slot : slots) {
                Instant at = slot.freeAt(window, now);
                if (at != null) {
                    freeing.add(at);
                }
            }
            int needed = slots.size() - capacity + 1;
            if (freeing.size() >= needed) {
                freeing.sort(null);
                free = freeing.get(needed - 1);
            } else {
                free = now.plus(RECHECK_WHILE_IN_FLIGHT);
            }
        }
        if (pace < 1 && !lastTaken.equals(Instant.MIN)) {
            // The pace is read when the slot is given, so that an answer saying the backlog drained speeds up at once.
            Instant paced = lastTaken.plusNanos((long) Math.ceil(interval.toNanos() / pace));
            free = paced.isAfter(free) ? paced : free;
        }
        free = pausedUntil.isAfter(free) ? pausedUntil : free;
        return now.isBefore(free) ? Duration.between(now, free) : Duration.ZERO;
    }

    /**
     * How long until one {@link #interval()} has passed since the account's last request (zero when it has): the
     * wait of a batch that is not full, so that it can fill while the account is busy.
     *
     * @param now the current time
     * @return zero when the interval has passed, or nothing was sent yet
     */
    synchronized Duration timeUntilSpaced(Instant now) {
        if (lastTaken.equals(Instant.MIN)) {
            return Duration.ZERO;
        }
        Instant spaced = lastTaken.plus(interval);
        return now.isBefore(spaced) ? Duration.between(now, spaced) : Duration.ZERO;
    }

    private void forgetFreed(Instant now) {
        for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
            Instant at = it.next().freeAt(window, now);
            if (at != null && !at.isAfter(now)) {
                it.remove();
            }
        }
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
