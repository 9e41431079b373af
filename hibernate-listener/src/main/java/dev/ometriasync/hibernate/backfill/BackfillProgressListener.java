package dev.ometriasync.hibernate.backfill;

/**
 * Receives the progress of a running backfill: once before the first chunk is read (with the total), after
 * every chunk whose records all have a final outcome, and once at the end. Called on the thread that runs
 * the backfill, which waits for the call to return: keep it short.
 */
@FunctionalInterface
public interface BackfillProgressListener {

    /**
     * Called with the progress so far.
     *
     * @param progress records done, total, rate and estimated time left
     */
    void onProgress(BackfillProgress progress);
}
