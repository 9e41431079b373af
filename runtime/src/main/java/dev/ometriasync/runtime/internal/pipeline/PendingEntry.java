package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One key's waiting change: the merged record of every submission coalesced into it, and the futures of
 * all those submissions, which complete together with the outcome of the request that carries the merged
 * record. Guarded by the {@link PendingQueue}'s lock until the entry is taken into a batch; after that
 * only the pipeline's thread touches it.
 */
final class PendingEntry {

    private OmetriaRecord record;
    private Priority priority;
    private final Instant firstQueuedAt;
    private final List<CompletableFuture<Outcome>> futures = new ArrayList<>(1);
    private long bytes;
    private int submissions;

    PendingEntry(OmetriaRecord record, Priority priority, Instant queuedAt, CompletableFuture<Outcome> future) {
        this.record = record;
        this.priority = priority;
        this.firstQueuedAt = queuedAt;
        this.futures.add(future);
        this.bytes = HeldBytesEstimate.estimate(record);
        this.submissions = 1;
    }

    /**
     * Coalesces a newer submission for the same key.
     *
     * @return the change in estimated bytes
     */
    long coalesce(OmetriaRecord newer, Priority newerPriority, CompletableFuture<Outcome> future) {
        record = record.mergedWith(newer);
        if (newerPriority == Priority.LIVE) {
            // A live change riding on a backfill record makes the whole record live.
            priority = Priority.LIVE;
        }
        futures.add(future);
        submissions++;
        long before = bytes;
        bytes = HeldBytesEstimate.estimate(record);
        return bytes - before;
    }

    RecordKey key() {
        return record.key();
    }

    OmetriaRecord record() {
        return record;
    }

    Priority priority() {
        return priority;
    }

    Instant firstQueuedAt() {
        return firstQueuedAt;
    }

    long bytes() {
        return bytes;
    }

    /** How many submissions were coalesced into this entry. */
    int submissions() {
        return submissions;
    }

    /** Completes every coalesced submission with the same outcome. */
    void complete(Outcome outcome) {
        for (CompletableFuture<Outcome> future : futures) {
            future.complete(outcome);
        }
    }

    boolean isDone() {
        return futures.stream().allMatch(CompletableFuture::isDone);
    }
}
