package dev.ometriasync.runtime.internal.time;

import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC {@link Clock} reading a {@link TimeSource}, for code that takes a {@code Clock} (the HTTP client). */
public final class TimeSourceClock extends Clock {

    private final TimeSource time;

    private TimeSourceClock(TimeSource time) {
        this.time = time;
    }

    /**
     * The time source as a clock: itself when it already is one.
     *
     * @param time the time source
     * @return a clock showing the same time
     */
    public static Clock of(TimeSource time) {
        return time instanceof Clock clock ? clock : new TimeSourceClock(time);
    }

    @Override
    public Instant instant() {
        return time.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("TimeSourceClock is UTC only");
    }
}
