package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar drawn by {@code me.tongfei:progressbar} (an optional dependency): records done / total,
 * percentage, rate, and the ETA computed from the backfill's own rate. Only loaded when the library is present.
 */
final class ProgressBarView implements ProgressView {

    /** Wide enough for the bar and its figures, narrow enough for a default terminal without wrapping. */
    private static final int WIDTH = 110;

    private final PrintStream out;
    private ProgressBar bar;
    private volatile Optional<Duration> eta = Optional.empty();

    ProgressBarView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(BackfillProgress progress) {
        eta = progress.eta();
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Backfill")
                    .setInitialMax(Math.max(progress.total(), 0))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" records", 1)
                    .showSpeed()
                    .setEtaFunction(state -> eta)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out, WIDTH))
                    .build();
        }
        bar.maxHint(Math.max(progress.total(), progress.done()));
        bar.stepTo(progress.done());
        String type = progress.recordType() == null ? "" : " " + progress.recordType().jsonName();
        bar.setExtraMessage(progress.rejected() == 0 ? type : type + ", " + progress.rejected() + " rejected");
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
