package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every record the pipeline holds, from submission until its outcome: sendable entries (in the
 * {@link BatchAssembler}), entries parked behind a request in flight for the same key, and the keys in
 * flight.
 *
 * <p>Coalescing: a submission for a key that is already waiting merges into it
 * ({@link OmetriaRecord#mergedWith}). At most one request is in flight per key: a submission for a key in
 * flight is parked (and coalesces there) until that request has its final outcome, so a retried older
 * value can never overwrite a newer one at Ometria.
 *
 * <p>Memory is bounded by a number of records and an estimate of their bytes, counting everything held,
 * in flight included. A submission that needs room blocks until there is room or its deadline passes; a
 * submission that coalesces into an existing entry never blocks.
 */
final class PendingQueue {

    /** What happened to an offered record. */
    public enum OfferResult {
        /** The record is held (queued, coalesced or parked). */
        ACCEPTED,
        /** No room before the deadline. */
        TIMED_OUT,
        /** The queue was closed. */
        CLOSED,
        /** The caller was interrupted while waiting for room. */
        INTERRUPTED
    }

    private final TimeSource time;
    private final int maxRecords;
    private final long maxBytes;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomOrDeadline = lock.newCondition();
    private final BatchAssembler sendable = new BatchAssembler();
    private final Map<RecordKey, PendingEntry> queuedByKey = new HashMap<>();
    private final Map<RecordKey, PendingEntry> parked = new HashMap<>();
    private final Map<RecordKey, PendingEntry> inFlight = new HashMap<>();
    private int records;
    private long bytes;
    private boolean closed;
    private final List<CompletableFuture<Void>> emptyWaiters = new ArrayList<>();

    /**
     * Creates an empty queue.
     *
     * @param time the time source that measures deadlines
     * @param maxRecords the most records held at once
     * @param maxBytes the most estimated bytes held at once
     */
    public PendingQueue(TimeSource time, int maxRecords, long maxBytes) {
        this.time = time;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /**
     * Adds a record, coalescing it with a waiting record of the same key, and blocking while the queue is
     * full.
     *
     * @param record the record
     * @param priority its priority
     * @param future completed with the record's outcome later
     * @param deadline how long to wait for room
     * @return whether the record is now held
     */
    public OfferResult offer(OmetriaRecord record, Priority priority, CompletableFuture<Outcome> future,
            Instant deadline) {
        TimeSource.Scheduled timer = null;
        boolean[] timedOut = {false};
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return OfferResult.CLOSED;
                }
                RecordKey key = record.key();
                PendingEntry existing = inFlight.containsKey(key) ? parked.get(key) : queuedByKey.get(key);
                if (existing != null) {
                    Priority before = existing.priority();
                    bytes += existing.coalesce(record, priority, future);
                    if (!inFlight.containsKey(key)) {
                        sendable.reprioritize(existing, before);
                    }
                    return OfferResult.ACCEPTED;
                }
                long size = HeldBytesEstimate.estimate(record);
                if (hasRoomFor(size)) {
                    PendingEntry entry = new PendingEntry(record, priority, time.now(), future);
                    records++;
                    bytes += entry.bytes();
                    if (inFlight.containsKey(key)) {
                        parked.put(key, entry);
                    } else {
                        queuedByKey.put(key, entry);
                        sendable.add(entry);
                    }
                    return OfferResult.ACCEPTED;
                }
                if (timedOut[0] || !time.now().isBefore(deadline)) {
                    return OfferResult.TIMED_OUT;
                }
                if (timer == null) {
                    timer = time.schedule(deadline, () -> {
                        lock.lock();
                        try {
                            timedOut[0] = true;
                            roomOrDeadline.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    });
                }
                try {
                    roomOrDeadline.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return OfferResult.INTERRUPTED;
                }
            }
        } finally {
            lock.unlock();
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private boolean hasRoomFor(long size) {
        // An empty queue always takes one record, so a single large record cannot wait forever.
        return records == 0 || (records < maxRecords && bytes + size <= maxBytes);
    }

    /**
     * Takes the next batch and marks its keys in flight.
     *
     * @param maxRecords the most records in the batch
     * @return the entries, all of one record type; empty when nothing is sendable
     */
    public List<PendingEntry> takeBatch(int maxRecords) {
        lock.lock();
        try {
            List<PendingEntry> batch = sendable.takeBatch(maxRecords);
            for (PendingEntry entry : batch) {
                queuedByKey.remove(entry.key());
                inFlight.put(entry.key(), entry);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many records the next batch would hold, without taking it.
     *
     * @param maxRecords the most records a batch may hold
     * @return the next batch's size; 0 when nothing is sendable
     */
    public int nextBatchSize(int maxRecords) {
        lock.lock();
        try {
            return sendable.nextBatchSize(maxRecords);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets entries that reached their outcome and frees their keys: a change parked behind one of them
     * becomes sendable.
     *
     * @param done entries taken with {@link #takeBatch} whose futures are complete
     */
    public void release(Collection<PendingEntry> done) {
        lock.lock();
        try {
            for (PendingEntry entry : done) {
                if (inFlight.remove(entry.key()) == null) {
                    continue;
                }
                records--;
                bytes -= entry.bytes();
                PendingEntry next = parked.remove(entry.key());
                if (next != null) {
                    queuedByKey.put(next.key(), next);
                    sendable.add(next);
                }
            }
            roomOrDeadline.signalAll();
            signalIfEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes when nothing is held any more.
     *
     * @return a future completed once the queue is empty (at once if it is)
     */
    CompletableFuture<Void> whenEmpty() {
        lock.lock();
        try {
            if (records == 0) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            emptyWaiters.add(waiter);
            return waiter;
        } finally {
            lock.unlock();
        }
    }

    private void signalIfEmpty() {
        if (records == 0 && !emptyWaiters.isEmpty()) {
            List<CompletableFuture<Void>> waiters = List.copyOf(emptyWaiters);
            emptyWaiters.clear();
            waiters.forEach(waiter -> waiter.complete(null));
        }
    }

    /**
     * Whether a batch could be taken now.
     *
     * @return true when at least one entry is sendable
     */
    public boolean hasSendable() {
        lock.lock();
        try {
            return !sendable.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether nothing is held at all: nothing queued, parked or in flight.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        lock.lock();
        try {
            return records == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many records are held (after coalescing), in flight included.
     *
     * @return the count
     */
    public int size() {
        lock.lock();
        try {
            return records;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many held records still wait for their outcome: those withdrawn by every submitter (an outbox relay
     * that lost its lease completes its futures itself) are held until the pipeline gets to them, but are never
     * sent.
     *
     * @return the count, in flight included
     */
    public int awaitingOutcome() {
        lock.lock();
        try {
            int count = 0;
            for (Map<RecordKey, PendingEntry> entries : List.of(queuedByKey, parked, inFlight)) {
                for (PendingEntry entry : entries.values()) {
                    if (!entry.isDone()) {
                        count++;
                    }
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When the longest-held record was first queued: waiting, parked, or in flight (a batch being retried
     * holds the oldest records of all during an outage, which is what this figure is for).
     *
     * @return the instant, or null when nothing is held
     */
    public Instant oldestHeldSince() {
        lock.lock();
        try {
            Instant oldest = sendable.oldestQueuedAt();
            for (Map<RecordKey, PendingEntry> entries : List.of(parked, inFlight)) {
                for (PendingEntry entry : entries.values()) {
                    if (oldest == null || entry.firstQueuedAt().isBefore(oldest)) {
                        oldest = entry.firstQueuedAt();
                    }
                }
            }
            return oldest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting records: waiting and later offers return {@link OfferResult#CLOSED}.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            roomOrDeadline.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every entry that is not in flight (sendable and parked), for shutdown.
     *
     * @return the removed entries; the caller completes their futures
     */
    public List<PendingEntry> removeWaiting() {
        lock.lock();
        try {
            List<PendingEntry> removed = new ArrayList<>(sendable.takeAll());
            removed.addAll(parked.values());
            queuedByKey.clear();
            parked.clear();
            for (PendingEntry entry : removed) {
                records--;
                bytes -= entry.bytes();
            }
            roomOrDeadline.signalAll();
            signalIfEmpty();
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
