package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgressListener;
import java.io.PrintStream;

/** Shows a backfill's progress on a console; closed when the run ends. */
public interface ProgressView extends BackfillProgressListener, AutoCloseable {

    /** Finishes the display (the bar's last state stays on screen). */
    @Override
    void close();

    /**
     * A progress bar when {@code me.tongfei:progressbar} is on the class path and wanted, else plain lines.
     *
     * @param out where to draw
     * @param bar whether a bar is wanted
     * @return the view
     */
    static ProgressView create(PrintStream out, boolean bar) {
        if (bar && progressBarLibraryPresent()) {
            return new ProgressBarView(out);
        }
        return new ProgressLineView(out, java.time.Clock.systemUTC());
    }

    /**
     * Whether {@code me.tongfei:progressbar} can be loaded. Checked here, not in {@link ProgressBarView}: loading
     * that class without the library on the class path would fail.
     *
     * @return true when the library is on the class path
     */
    static boolean progressBarLibraryPresent() {
        try {
            Class.forName("me.tongfei.progressbar.ProgressBar", false, ProgressView.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
