package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows: while this instance holds the relay lease, it claims due rows, reloads their
 * entities in a read-only session (one multi-load per type, lazy associations batch-fetched), serializes
 * them while that session is open, submits the records to the pipeline and, as outcomes arrive, deletes
 * exactly the rows whose records Ometria accepted. Rejected and dead-lettered records mark their rows
 * {@code DEAD}; rows that could not be reloaded or serialized are retried with backoff; rows abandoned
 * by a stopping pipeline are released for the next run.
 *
 * <p>It runs on one daemon thread, woken at once after a commit that wrote rows and otherwise every poll
 * interval (rows of other instances, due retries, an expired lease to take over).
 */
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** One finished record and the rows it carried. */
    private record Completion(List<Long> rowIds, Outcome outcome, Throwable failure) {
    }

    private final SessionFactoryImplementor factory;
    private final OutboxStore store;
    private final RelayLeaseKeeper lease;
    private final RecordAssembler assembler;
    private final RecordPipeline pipeline;
    private final OmetriaConfig config;
    private final int maxInFlightRows;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong deliveredRows = new AtomicLong();
    private volatile boolean running;
    /** Rounds that failed in a row, and the last failure: a relay that cannot run shows in health checks. */
    private volatile int failedRounds;
    private volatile String lastFailure;
    private Thread thread;

    OutboxRelay(SessionFactoryImplementor factory, OutboxStore store, RecordAssembler assembler, RecordPipeline pipeline,
            OmetriaConfig config) {
        this.factory = factory;
        this.store = store;
        this.assembler = assembler;
        this.pipeline = pipeline;
        this.config = config;
        this.lease = new RelayLeaseKeeper(store, config.instanceId(), config.leaseDuration());
        this.maxInFlightRows = Math.max(config.relayBatchSize() * 10, 1_000);
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "ometria-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the relay look for rows now (after a commit that wrote some). */
    void wake() {
        wakeUp.release();
    }

    /**
     * Stops claiming, waits for records in flight (bounded by the timeout), applies their outcomes,
     * releases this instance's remaining claims and the lease.
     *
     * @param timeout how long to wait for records in flight
     */
    void stop(Duration timeout) {
        running = false;
        wake();
        Thread relayThread;
        synchronized (this) {
            relayThread = thread;
        }
        if (relayThread != null) {
            try {
                relayThread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pipeline.flush(timeout);
        try {
            applyCompletions();
            store.release(config.instanceId(), null);
            lease.release();
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync relay could not release its claims at shutdown; they expire after {}: {}",
                    config.leaseDuration(), e.toString());
        }
    }

    long deliveredRows() {
        return deliveredRows.get();
    }

    /** @return relay rounds that failed in a row (0 when the last round succeeded) */
    int failedRounds() {
        return failedRounds;
    }

    /** @return the last round's failure, or null */
    String lastFailure() {
        return failedRounds == 0 ? null : lastFailure;
    }

    /** @return whether the relay thread is alive */
    synchronized boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    boolean holdsLease() {
        return lease.isHolding();
    }

    private void run() {
        long waitMillis = Math.max(10, Math.min(config.pollInterval().toMillis(), config.leaseDuration().toMillis() / 3));
        int failuresInARow = 0;
        while (running) {
            long pause = waitMillis;
            try {
                applyCompletions();
                if (lease.acquireOrRenew()) {
                    store.extendClaims(config.instanceId(), inFlight, config.leaseDuration());
                    sendDueRows();
                }
                failuresInARow = 0;
                failedRounds = 0;
            } catch (VirtualMachineError e) {
                failuresInARow++;
                failedRounds = failuresInARow;
                lastFailure = e.toString();
                pause = backoff(waitMillis, failuresInARow);
                LOG.error("ometria-sync relay round failed ({} in a row), retrying in {} ms", failuresInARow, pause, e);
            } catch (Throwable e) {
                // Whatever goes wrong — the database, a bug of ours, a linkage error — the relay must outlive it:
                // a dead relay thread leaves every later change unsent without anybody noticing.
                failuresInARow++;
                failedRounds = failuresInARow;
                lastFailure = e.toString();
                pause = backoff(waitMillis, failuresInARow);
                if (failuresInARow == 1 || Long.bitCount(failuresInARow) == 1) {
                    LOG.warn("ometria-sync relay round failed ({} in a row), retrying in {} ms", failuresInARow, pause, e);
                } else {
                    LOG.debug("ometria-sync relay round failed ({} in a row), retrying in {} ms: {}", failuresInARow, pause,
                            e.toString());
                }
            }
            try {
                if (wakeUp.tryAcquire(pause, TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The pause after failed rounds: the poll interval, doubling per failure in a row, at most a minute. */
    private static long backoff(long waitMillis, int failuresInARow) {
        return Math.min(60_000L, waitMillis << Math.min(failuresInARow - 1, 16));
    }

    private void sendDueRows() {
        while (running && inFlight.size() < maxInFlightRows) {
            List<OutboxEntry> rows = store.claim(config.instanceId(), config.relayBatchSize(), config.leaseDuration());
            if (rows.isEmpty()) {
                return;
            }
            // a row of ours whose claim lapsed while this JVM stalled is still in flight: re-claiming it renewed
            // the claim, but it must not be submitted a second time
            List<OutboxEntry> fresh = rows.stream().filter(row -> inFlight.add(row.getId())).toList();
            if (fresh.isEmpty()) {
                return;
            }
            submit(fresh);
            applyCompletions();
        }
    }

    private void submit(List<OutboxEntry> rows) {
        List<RecordAssembler.Work<Long>> work = new ArrayList<>(rows.size());
        for (OutboxEntry row : rows) {
            work.add(new RecordAssembler.Work<>(OutboxRows.toChange(row), row.getId()));
        }
        List<RecordAssembler.Assembled<Long>> assembled;
        try (Session session = factory.withOptions().openSession()) {
            session.setDefaultReadOnly(true);
            session.setCacheMode(CacheMode.IGNORE);
            session.setFetchBatchSize(config.relayBatchSize());
            session.beginTransaction();
            try {
                assembled = assembler.assemble(session, work, change -> {
                    EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(change.entityName());
                    return IdText.parse(persister, change.entityId());
                });
            } finally {
                session.getTransaction().rollback(); // read-only: nothing to commit
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a row that cannot be reloaded or serialized (even with an Error) is retried later, never left in flight
            List<Long> ids = rows.stream().map(OutboxEntry::getId).toList();
            completions.add(new Completion(ids, null, e));
            return;
        }
        List<Long> nothingToSend = new ArrayList<>();
        for (RecordAssembler.Assembled<Long> result : assembled) {
            if (result.isFailure()) {
                completions.add(new Completion(result.tags(), null, new IllegalStateException(result.failure())));
            } else if (result.record() == null) {
                nothingToSend.addAll(result.tags());
            } else {
                submit(result.record(), result.tags());
            }
        }
        if (!nothingToSend.isEmpty()) {
            completions.add(new Completion(nothingToSend, Outcome.accepted(null), null));
        }
    }

    private void submit(OmetriaRecord record, List<Long> rowIds) {
        try {
            pipeline.submit(record, Priority.LIVE).whenComplete((outcome, failure) -> {
                completions.add(new Completion(rowIds, outcome, failure));
                wake();
            });
        } catch (RuntimeException e) {
            completions.add(new Completion(rowIds, null, e));
        }
    }

    /** Applies finished outcomes to the table, grouped so that each kind is one statement. */
    private void applyCompletions() {
        if (completions.isEmpty()) {
            return;
        }
        List<Long> accepted = new ArrayList<>();
        List<Long> abandoned = new ArrayList<>();
        Map<String, List<Long>> dead = new java.util.LinkedHashMap<>();
        Map<String, List<Long>> retry = new java.util.LinkedHashMap<>();
        List<Completion> drained = new ArrayList<>();
        for (Completion completion; (completion = completions.poll()) != null; ) {
            drained.add(completion);
            if (completion.failure() != null) {
                retry.computeIfAbsent(String.valueOf(completion.failure()), k -> new ArrayList<>()).addAll(completion.rowIds());
                continue;
            }
            Outcome outcome = completion.outcome();
            switch (outcome.status()) {
                case ACCEPTED -> accepted.addAll(completion.rowIds());
                case ABANDONED -> abandoned.addAll(completion.rowIds());
                case REJECTED, DEAD_LETTERED -> dead.computeIfAbsent(outcome.status() + ": " + outcome.reason(),
                        k -> new ArrayList<>()).addAll(completion.rowIds());
            }
        }
        try {
            store.delete(accepted);
            store.release(config.instanceId(), abandoned);
            dead.forEach((reason, ids) -> {
                LOG.warn("ometria-sync: {} outbox row(s) marked DEAD: {}", ids.size(), reason);
                store.markDead(ids, reason);
            });
            retry.forEach((reason, ids) -> {
                LOG.warn("ometria-sync: {} outbox row(s) will be retried: {}", ids.size(), reason);
                store.retryLater(ids, reason, config.relayMaxAttempts());
            });
        } catch (RuntimeException e) {
            // the database is unreachable: keep the outcomes and apply them next round; the claims keep the rows safe
            completions.addAll(drained);
            throw e;
        }
        deliveredRows.addAndGet(accepted.size());
        Set<Long> done = new HashSet<>();
        drained.forEach(completion -> done.addAll(completion.rowIds()));
        inFlight.removeAll(done);
    }
}
