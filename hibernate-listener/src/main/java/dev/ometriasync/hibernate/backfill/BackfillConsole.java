package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.hibernate.internal.backfill.ProgressView;
import dev.ometriasync.hibernate.internal.backfill.SummaryText;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Runs a backfill in front of a person: draws a console progress bar (records done / total, percentage, rate,
 * ETA) while it runs and prints the summary (sent, accepted, rejected with reasons, per type) at the end. The
 * bar comes from {@code me.tongfei:progressbar} when it is on the class path (add it to your dependencies);
 * without it, or with {@link #plainLines()}, progress is printed as a line every few seconds.
 *
 * <pre>{@code
 * BackfillSummary summary = BackfillConsole.toStandardOut()
 *         .run(OmetriaBackfill.forSessionFactory(sessionFactory).createCheckpointTable());
 * }</pre>
 */
public final class BackfillConsole {

    private final PrintStream out;
    private boolean bar = true;

    private BackfillConsole(PrintStream out) {
        this.out = out;
    }

    /**
     * A console on {@code System.out}.
     *
     * @return the console
     */
    public static BackfillConsole toStandardOut() {
        return new BackfillConsole(System.out);
    }

    /**
     * A console on the given stream.
     *
     * @param out where to draw and print
     * @return the console
     */
    public static BackfillConsole to(PrintStream out) {
        return new BackfillConsole(Objects.requireNonNull(out, "out"));
    }

    /**
     * Prints progress as plain lines instead of a bar (for logs and CI output).
     *
     * @return this
     */
    public BackfillConsole plainLines() {
        this.bar = false;
        return this;
    }

    /**
     * Runs the backfill with progress on this console (beside any progress listener it already has), then
     * prints the summary.
     *
     * @param backfill the configured backfill
     * @return its summary
     */
    public BackfillSummary run(OmetriaBackfill backfill) {
        BackfillProgressListener own = backfill.listener();
        BackfillSummary summary;
        try (ProgressView view = ProgressView.create(out, bar)) {
            backfill.progress(progress -> {
                view.onProgress(progress);
                own.onProgress(progress);
            });
            try {
                summary = backfill.run();
            } finally {
                backfill.progress(own);
            }
        }
        printSummary(summary);
        return summary;
    }

    /**
     * Prints a summary: totals, one line per entity type, and rejected records grouped by reason.
     *
     * @param summary the summary
     */
    public void printSummary(BackfillSummary summary) {
        SummaryText.lines(summary).forEach(out::println);
        out.flush();
    }
}
