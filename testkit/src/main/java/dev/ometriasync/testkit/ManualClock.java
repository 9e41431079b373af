package dev.ometriasync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to. Share one instance between the simulator and the code under
 * test, so that rate windows, arrival times, {@code Retry-After} and backoff are all measured on the same
 * time line and no test depends on real-time speed.
 *
 * <p>Thread-safe. Clocks obtained through {@link #withZone(ZoneId)} share this clock's time.
 */
public final class ManualClock extends Clock {

    /** The instant a new clock starts at unless told otherwise: an arbitrary, fixed, readable moment. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public ManualClock() {
        this(DEFAULT_START);
    }

    /**
     * A clock at the given instant, in UTC.
     *
     * @param start the initial instant
     */
    public ManualClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far; must not be negative
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("ManualClock only moves forward; use set(Instant) to go back, got " + amount);
        }
        return now.updateAndGet(current -> current.plus(amount));
    }

    /**
     * Sets the clock to an instant (which may be earlier than the current one).
     *
     * @param instant the new instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new ManualClock(now, newZone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManualClock that && that.now == now && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(now) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }
}
