package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.runtime.resilience.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct mode's after-commit reader. A committed transaction only notes which entities it changed
 * ({@link #note}); this reader's own thread takes the noted entities in batches, reads their committed state in a
 * fresh session exactly as the outbox relay does ({@link CommittedStateLoader}: per-entity isolation, deletes and
 * retired ids by the delete policy) and hands the records to the pipeline.
 *
 * <p>Why the order is right: an entity noted again while it waits is merged into its entry; once taken, a new
 * note makes a new entry that is read after the current read. Reads happen one batch at a time on one thread, each
 * after the commits that noted it, so each read of an entity sees a state at least as new as the previous read's,
 * and the pipeline (later submission wins, one request per key in flight) sends the newest. Two transactions racing
 * on one row therefore end with the state the database ended with, whatever order their callbacks ran in.
 *
 * <p>The committing thread never waits and does no more than it must: {@link #note} appends the transaction's list of
 * changes to a lock-free inbox, and this reader merges the inbox into its map of waiting entities. Merging there, not
 * on the committing thread, matters when the application commits far faster than the account sends: the map then
 * holds tens of thousands of entities, and a lookup in it misses the processor's caches (measured on H2: about 4.6 µs
 * of a 45 µs transaction). The committing thread takes the lock only to wake an idle reader, and once every
 * {@code batchSize} notes so that a reader letting a batch fill, or waiting for the pipeline, merges what came.
 * When {@code ometria.direct.max-pending} entities wait already, a change of a further entity is dropped when it is
 * merged; when the reader is so far behind that as many notes wait unmerged in the inbox, a further note is dropped at
 * once. Either way it is counted and reported by one warning a minute at most. Only this reader's thread ever waits
 * for room in the pipeline.
 *
 * <p>Read no earlier than needed: the reader keeps at most {@code recordsAhead} records handed to the pipeline and not
 * yet finished, as the outbox relay does. When the application commits faster than the account's rate can send (a
 * burst, or Ometria slowing down), the changes wait here as entries that coalesce, not as records read and serialized
 * long before they can go. So the reader's CPU, which it takes from the committing threads, is bounded by what Ometria
 * accepts, and each record carries the state of shortly before it is sent.
 *
 * <p>Failures to read, as in the outbox relay: when the database connection fails, the changes are put back and the
 * reader pauses with {@link #DATABASE_BACKOFF} (never counted against the entities: an outage gives up nothing).
 * When one entity cannot be read or serialized (a converter refusing a stored value, a lock timeout), the loader
 * isolates it from its neighbours and {@link EntityRetries} reads it again alone with backoff; after
 * {@link EntityRetries#MAX_ATTEMPTS} failures in a row its change is given up: counted
 * ({@code OmetriaSync.unreadableChanges()}) and logged at ERROR with the entity's type and id (e-mails masked).
 */
final class CommittedStateReader {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedStateReader.class);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    /** The pause after the n-th database failure in a row: 200 ms, doubling (with equal jitter) up to 30 s. */
    static final Backoff DATABASE_BACKOFF = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(30)).withEqualJitter();
    /**
     * Under a stream of commits (the previous batch was taken less than {@link #STREAM_GAP_NANOS} ago) the reader lets
     * a batch fill for up to this long: one session, one query per type and one wake-up then serve many commits instead
     * of one each. That is CPU the reader no longer takes from the committing threads (on PostgreSQL a batch of one
     * costs several round trips). A change waits at most this much longer, which the pipeline's rate limit dwarfs; a
     * change after a quiet spell, a flush and a stop never wait for it.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long STREAM_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** While the pipeline holds enough, the reader looks again this often even if no outcome woke it. */
    private static final long PIPELINE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final CommittedStateLoader loader;
    private final RecordPipeline pipeline;
    private final int batchSize;
    private final int capacity;
    private final int recordsAhead;
    /** Records handed to the pipeline whose outcome has not come yet. */
    private final AtomicInteger handedOver = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PendingChanges pending;
    /** Notes of committed transactions not yet merged into {@link #pending}: written by committing threads, read by the reader. */
    private final ConcurrentLinkedQueue<List<CapturedChange>> inbox = new ConcurrentLinkedQueue<>();
    /** Changes in {@link #inbox}. */
    private final AtomicInteger inboxChanges = new AtomicInteger();
    /** Guarded by {@link #lock}: entities that failed to be read on their own, waiting to be read again. */
    private final EntityRetries retries = new EntityRetries();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    private final OccasionalWarning droppedWarning = new OccasionalWarning(LOG, WARNING_INTERVAL);
    private final OccasionalWarning retryWarning = new OccasionalWarning(LOG, WARNING_INTERVAL);
    private final OccasionalWarning unsentWarning = new OccasionalWarning(LOG, WARNING_INTERVAL);
    private final OccasionalWarning databaseWarning = new OccasionalWarning(LOG, WARNING_INTERVAL);
    /** Guarded by {@link #lock}: a batch is being read or submitted. */
    private boolean busy;
    /** Guarded by {@link #lock}: how many entities that batch holds. */
    private int inBatch;
    /**
     * Written under {@link #lock}, read by committing threads without it: the reader found nothing to do and waits to
     * be woken by a note. It is set before the reader's last look at the inbox, so a note either is seen by that look or
     * sees the flag and wakes the reader.
     */
    private volatile boolean idle;
    /** Guarded by {@link #lock}: threads waiting in {@link #awaitIdle}; the reader does not let batches fill for them. */
    private int flushing;
    /** Guarded by {@link #lock}: the reader waits for the pipeline to finish records, and is woken by an outcome. */
    private boolean waitingForThePipeline;
    /** Written under {@link #lock}, read by committing threads without it: no more notes; drain what waits, then end. */
    private volatile boolean stopping;
    private Thread thread;

    CommittedStateReader(CommittedStateLoader loader, RecordPipeline pipeline, int batchSize, int capacity,
            int recordsAhead) {
        this.loader = loader;
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.recordsAhead = recordsAhead;
        this.pending = new PendingChanges(capacity);
    }

    synchronized void start() {
        thread = new Thread(this::run, "ometria-direct-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Notes committed changes for reading. Never blocks on the pipeline or the database, never throws.
     *
     * @param changes the changes of one committed transaction (or one touch); not modified afterwards
     */
    void note(List<CapturedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (stopping) {
            dropped(changes.size(), changes.get(0).entityName(), true);
            return;
        }
        int before = inboxChanges.getAndAdd(changes.size());
        if (before > 0 && before + changes.size() > capacity) {
            // the reader is behind by a whole queue's worth of notes: it is held up reading (the database is slow).
            // (A transaction that alone changed more entities than that still goes in whole when nothing else waits:
            // its list exists already, and merging keeps what fits among the waiting entities.)
            inboxChanges.addAndGet(-changes.size());
            dropped(changes.size(), changes.get(0).entityName(), false);
            return;
        }
        inbox.add(changes);
        // wake the reader for a first change, and once a batch's worth of notes arrived (it lets a batch fill, or waits
        // for the pipeline, and merges what came when woken); waking it at every commit of a burst would cost each
        // committing thread the lock and a futex call, for nothing
        if (idle || before < batchSize && before + changes.size() >= batchSize) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Guarded by {@link #lock}: merges the inbox into the waiting entities; a change that finds no room is dropped. */
    private void mergeInbox() {
        mergeInbox(false);
    }

    /**
     * Guarded by {@link #lock}: {@link #mergeInbox()}.
     *
     * @param closing the reader has ended: a change that finds no room is reported as dropped by the close
     */
    private void mergeInbox(boolean closing) {
        int merged = 0;
        int refused = 0;
        String refusedEntity = null;
        List<CapturedChange> changes;
        while ((changes = inbox.poll()) != null) {
            merged += changes.size();
            for (CapturedChange change : changes) {
                if (!pending.add(change)) {
                    refused++;
                    refusedEntity = refusedEntity == null ? change.entityName() : refusedEntity;
                }
            }
        }
        if (merged > 0) {
            inboxChanges.addAndGet(-merged);
        }
        if (refused > 0) {
            dropped(refused, refusedEntity, closing);
        }
    }

    private void dropped(int refused, String refusedEntity, boolean stopped) {
        long total = dropped.addAndGet(refused);
        if (stopped) {
            droppedWarning.warn("ometria-sync direct mode dropped {} committed change(s) of {}: the SessionFactory is"
                    + " closing; {} dropped since start (OmetriaSync.droppedChanges())", refused, refusedEntity, total);
        } else {
            droppedWarning.warn("ometria-sync direct mode dropped {} committed change(s) of {}: {} changed entities already"
                    + " wait to be read and sent ({}={}); {} dropped since start (OmetriaSync.droppedChanges()). Ometria"
                    + " misses these changes until the entities change again, are touched, or a backfill runs. Raise the"
                    + " limit, or use outbox mode, which never drops", refused, refusedEntity, capacity,
                    dev.ometriasync.hibernate.OmetriaSettings.DIRECT_MAX_PENDING.key(), capacity, total);
        }
    }

    /** @return changes given up because their entity could not be read or serialized after retries, since start */
    long unreadableChanges() {
        return unreadable.get();
    }

    /** @return changes dropped because the queue was full (or the reader stopped), since start */
    long droppedChanges() {
        return dropped.get();
    }

    /**
     * @return changed entities noted and not yet handed to the pipeline (waiting, or being read); notes not merged yet
     *     count one per change, so an entity noted twice since the reader last merged counts twice
     */
    long waitingChanges() {
        lock.lock();
        try {
            return pending.size() + (long) inboxChanges.get() + inBatch + retries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every change noted so far was read and handed to the pipeline.
     *
     * @param timeout the longest wait
     * @return true when nothing waits any more
     */
    boolean awaitIdle(Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        flushing++;
        try {
            changed.signalAll(); // a batch being filled is taken now
            while (busy || !inbox.isEmpty() || !pending.isEmpty() || retries.size() > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            flushing--;
            lock.unlock();
        }
    }

    /**
     * Stops taking notes, reads and submits what waits for up to the timeout, then gives up the rest with one warning.
     *
     * @param timeout how long to keep reading
     */
    void stop(Duration timeout) {
        Thread readerThread;
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            readerThread = thread;
        }
        if (readerThread == null) {
            return;
        }
        try {
            readerThread.join(Math.max(1, timeout.toMillis()));
            if (readerThread.isAlive()) {
                readerThread.interrupt();
                readerThread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left;
        lock.lock();
        try {
            // notes that came after the reader's last look, or after it ended, are counted here: never lost silently
            mergeInbox(true);
            left = pending.size() + retries.size();
            pending.take(Integer.MAX_VALUE);
            retries.clear();
        } finally {
            lock.unlock();
        }
        if (left > 0) {
            LOG.warn("ometria-sync direct mode stopped with {} changed entities not yet read and sent (shutdown timeout {});"
                    + " Ometria misses those changes until the entities change again, are touched, or a backfill runs", left, timeout);
        }
    }

    private void run() {
        int databaseFailures = 0;
        long lastBatchAt = System.nanoTime() - STREAM_GAP_NANOS;
        while (true) {
            Map<PendingChanges.Key, List<CapturedChange>> batch;
            lock.lock();
            try {
                mergeInbox();
                releaseDueRetries();
                while (pending.isEmpty() && !stopping) {
                    idle = true;
                    mergeInbox(); // the last look, after the flag is up: a note from now on wakes the reader
                    if (!pending.isEmpty()) {
                        break;
                    }
                    long untilRetry = retries.nanosUntilNext(System.nanoTime());
                    if (untilRetry < 0) {
                        changed.await();
                    } else {
                        changed.awaitNanos(Math.max(1, untilRetry));
                    }
                    mergeInbox();
                    releaseDueRetries();
                }
                idle = false;
                if (pending.isEmpty() || Thread.currentThread().isInterrupted()) {
                    return; // stopping, and everything was read (retries still waiting are given up by stop())
                }
                while (handedOver.get() >= recordsAhead) {
                    // the pipeline holds enough: what changes meanwhile coalesces here, and is read when it can go
                    waitingForThePipeline = true;
                    changed.awaitNanos(PIPELINE_RECHECK_NANOS);
                    mergeInbox();
                }
                waitingForThePipeline = false;
                if (System.nanoTime() - lastBatchAt < STREAM_GAP_NANOS) {
                    long linger = LINGER_NANOS;
                    while (linger > 0 && pending.size() < batchSize && !stopping && flushing == 0) {
                        linger = changed.awaitNanos(linger);
                        mergeInbox();
                    }
                }
                lastBatchAt = System.nanoTime();
                batch = pending.take(batchSize);
                busy = true;
                inBatch = batch.size();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            boolean databaseFailed;
            try {
                databaseFailed = read(batch);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // a bug of ours must not end the reader: every later commit would go unsent without anybody noticing
                LOG.error("ometria-sync direct mode: reading {} changed entities failed; they are not sent", batch.size(), e);
                databaseFailed = false;
            } finally {
                lock.lock();
                try {
                    busy = false;
                    inBatch = 0;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            if (databaseFailed) {
                databaseFailures++;
                try {
                    TimeUnit.NANOSECONDS.sleep(DATABASE_BACKOFF.delay(databaseFailures, ThreadLocalRandom.current().nextDouble()).toNanos());
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                databaseFailures = 0;
            }
        }
    }

    /** Guarded by {@link #lock}: entities whose retry fell due go back among the waiting ones. */
    private void releaseDueRetries() {
        for (List<CapturedChange> changes : retries.takeDue(System.nanoTime())) {
            pending.putBack(changes);
        }
    }

    /** @return true when the database failed and the batch (or part of it) was put back to be read again */
    private boolean read(Map<PendingChanges.Key, List<CapturedChange>> batch) {
        List<RecordAssembler.Work<PendingChanges.Key>> work = new ArrayList<>();
        batch.forEach((key, changes) -> changes.forEach(change -> work.add(new RecordAssembler.Work<>(change, key))));
        List<PendingChanges.Key> putBack = new ArrayList<>();
        List<RecordAssembler.Assembled<PendingChanges.Key>> results = loader.load(work, (keys, cause) -> {
            putBack.addAll(keys);
            databaseWarning.warn("ometria-sync direct mode could not read committed changes because the database failed;"
                    + " they are read again with backoff: {}", cause.toString());
        });
        if (!putBack.isEmpty()) {
            lock.lock();
            try {
                putBack.stream().distinct().forEach(key -> pending.putBack(batch.get(key)));
            } finally {
                lock.unlock();
            }
        }
        for (RecordAssembler.Assembled<PendingChanges.Key> result : results) {
            Set<PendingChanges.Key> keys = new LinkedHashSet<>(result.tags());
            if (result.isFailure()) {
                keys.forEach(key -> failedToRead(key, batch.get(key), result.failure()));
            } else {
                succeeded(keys);
                if (result.record() != null) {
                    submit(result.record());
                }
            }
        }
        return !putBack.isEmpty();
    }

    private void succeeded(Set<PendingChanges.Key> keys) {
        lock.lock();
        try {
            keys.forEach(retries::succeeded);
        } finally {
            lock.unlock();
        }
    }

    /** One entity could not be read or serialized: read again later, or given up after the attempt limit. */
    private void failedToRead(PendingChanges.Key key, List<CapturedChange> changes, String failure) {
        int attempts;
        boolean closing;
        lock.lock();
        try {
            attempts = retries.failed(key, changes, System.nanoTime());
            closing = stopping;
        } finally {
            lock.unlock();
        }
        String entity = key.entityName() + "#" + EmailMasker.mask(key.entityId());
        if (attempts < EntityRetries.MAX_ATTEMPTS) {
            if (closing) {
                return; // a read cut short by the close: counted among the changes the close leaves unsent
            }
            retryWarning.warn("ometria-sync direct mode could not read or serialize {} (failure {} of {} in a row); it is read"
                    + " again with backoff: {}", entity, attempts, EntityRetries.MAX_ATTEMPTS, EmailMasker.mask(failure));
            return;
        }
        long total = unreadable.incrementAndGet();
        LOG.error("ometria-sync direct mode gave up a committed change of {}: its committed state could not be read or"
                + " serialized {} times in a row; the last failure: {}. Ometria misses this change until the entity changes"
                + " again, is touched (OmetriaSync.touch) or a backfill runs; {} change(s) given up since start"
                + " (OmetriaSync.unreadableChanges())", entity, attempts, EmailMasker.mask(failure), total);
    }

    private void submit(OmetriaRecord record) {
        handedOver.incrementAndGet();
        try {
            pipeline.submit(record, Priority.LIVE).whenComplete((outcome, failure) -> {
                finished();
                if (failure != null || outcome.status() != Outcome.Status.ACCEPTED) {
                    notSent(record, failure != null ? failure.toString() : outcome.status() + " " + outcome.reason());
                }
            });
        } catch (RuntimeException e) {
            finished();
            notSent(record, e.toString());
        }
    }

    /** A record handed to the pipeline has its outcome: a reader waiting for room reads on. */
    private void finished() {
        if (handedOver.decrementAndGet() < recordsAhead) {
            lock.lock();
            try {
                if (waitingForThePipeline) {
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The pipeline reports each record itself; this keeps one summary line a minute for direct mode. */
    private void notSent(OmetriaRecord record, String reason) {
        long total = unsent.incrementAndGet();
        LOG.debug("ometria-sync direct mode: {} not sent: {}", record.key(), reason);
        unsentWarning.warn("ometria-sync direct mode: a record was not sent ({} since start); the last: {}", total, reason);
    }
}
