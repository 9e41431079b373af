package dev.ometriasync.runtime;

import java.util.OptionalLong;

/**
 * Ometria's asynchronous import backlog as its answers report it: {@code X-QueueSize-Remaining} (records that may
 * still be queued) and {@code X-QueueSize-Limit} (the backlog's size, 50,000 records by default). Ometria documents
 * the backlog as records "waiting to be processed" and these two headers for clients to read; a push that does not fit is answered 429.
 *
 * @param remaining records that may still be queued, never negative
 * @param limit the backlog's size, when Ometria sent it
 */
public record QueueState(long remaining, OptionalLong limit) {

    /** The backlog Ometria documents, assumed when an answer carries no {@code X-QueueSize-Limit}. */
    public static final long DOCUMENTED_LIMIT = 50_000;

    /**
     * Checks the parts.
     *
     * @param remaining records that may still be queued
     * @param limit the backlog's size, when known
     */
    public QueueState {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative, got " + remaining);
        }
        java.util.Objects.requireNonNull(limit, "limit");
    }

    /**
     * The backlog's size: the reported limit, or the documented 50,000.
     *
     * @return the limit to measure {@link #remaining()} against
     */
    public long effectiveLimit() {
        return limit.orElse(DOCUMENTED_LIMIT);
    }
}
