package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Progress as plain lines, for logs and consoles without the progress-bar library: at most one line every
 * few seconds, and the last state when the run ends.
 */
final class ProgressLineView implements ProgressView {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Clock clock;
    private Instant lastLine;
    private BackfillProgress last;
    private boolean lastPrinted;

    ProgressLineView(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void onProgress(BackfillProgress progress) {
        last = progress;
        Instant now = clock.instant();
        if (lastLine == null || !now.isBefore(lastLine.plus(INTERVAL))) {
            out.println(line(progress));
            lastLine = now;
            lastPrinted = true;
        } else {
            lastPrinted = false;
        }
    }

    @Override
    public void close() {
        if (last != null && !lastPrinted) {
            out.println(line(last));
        }
    }

    static String line(BackfillProgress p) {
        String eta = p.eta().map(ProgressLineView::duration).orElse("?");
        return String.format(Locale.ROOT, "Backfill %s: %,d / %,d records (%.0f%%), %,.0f records/s, ETA %s%s",
                p.recordType() == null ? "" : p.recordType().jsonName(), p.done(), p.total(), p.fraction() * 100, p.recordsPerSecond(), eta,
                p.rejected() == 0 ? "" : String.format(Locale.ROOT, ", %,d rejected", p.rejected()));
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }
}
