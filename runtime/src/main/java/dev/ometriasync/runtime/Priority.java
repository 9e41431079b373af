package dev.ometriasync.runtime;

/** Which records the pipeline sends first when both are waiting: live changes before historic imports. */
public enum Priority {
    /** A change made by the application now. */
    LIVE,
    /** A record of a historic import; sent only when no live record is waiting. */
    BACKFILL
}
