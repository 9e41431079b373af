package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Turns counts into progress: elapsed time and rate since the run started, on an injectable clock. */
final class ProgressMeter {

    private final Clock clock;
    private final Instant start;
    private final long total;

    ProgressMeter(Clock clock, long total) {
        this.clock = clock;
        this.start = clock.instant();
        this.total = total;
    }

    BackfillProgress progress(BackfillTarget current, long done, long accepted, long rejected) {
        Duration elapsed = elapsed();
        double seconds = elapsed.toNanos() / 1e9;
        double rate = done > 0 && seconds > 0 ? done / seconds : 0;
        return new BackfillProgress(current == null ? null : current.recordType(), current == null ? null : current.entityName(), done,
                total, accepted, rejected, elapsed, rate);
    }

    Duration elapsed() {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    long total() {
        return total;
    }
}
