package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.SyncMode;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integration running for one SessionFactory: receives captured changes, and at the end of each
 * transaction either writes outbox rows (outbox mode) or serializes records for the pipeline (direct
 * mode). Owns the pipeline and, in outbox mode, the relay; closes them with the SessionFactory.
 */
public final class OmetriaSyncRuntime implements ChangeCaptureListener.ChangeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaSyncRuntime.class);

    /** Rows due at once are dated back by this much, so that a JVM clock slightly ahead of the database's does not delay them. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final SessionFactoryImplementor factory;
    private final OmetriaConfig config;
    private final EntityCatalog catalog;
    private final RecordPipeline pipeline;
    private final RecordAssembler assembler;
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final OutboxInspector inspector;
    private final ScheduledExecutorService delayedCapture;
    private final CaptureGuard guard;
    private final Map<SharedSessionContractImplementor, TransactionState> transactions = Collections.synchronizedMap(new WeakHashMap<>());

    /** The changes and, in direct mode, the records of one transaction. */
    private final class TransactionState implements TransactionCallbacks.Completion {
        private final SharedSessionContractImplementor session;
        private final TransactionChanges changes = new TransactionChanges();
        private List<OmetriaRecord> records = List.of();

        TransactionState(SharedSessionContractImplementor session) {
            this.session = session;
        }

        @Override
        public void beforeCompletion() {
            if (changes.isEmpty()) {
                return;
            }
            guard.run(changes.changes().get(0).entityName() + (changes.changes().size() > 1 ? " and other entities" : ""),
                    this::writeChanges);
        }

        private void writeChanges() {
            List<CapturedChange> list = changes.changes();
            if (config.mode() == SyncMode.OUTBOX) {
                List<CapturedChange> rows = outboxWorthy(list);
                if (!rows.isEmpty()) {
                    session.doWork(connection -> OutboxRows.insert(factory, connection, rows, dueNow()));
                }
            } else {
                session.doWork(connection -> {
                    try (Session child = factory.withOptions().connection(connection).openSession()) {
                        records = assembleForDirect(child, list);
                    }
                });
            }
        }

        @Override
        public void afterCompletion(boolean committed) {
            try {
                transactions.remove(session);
                if (!committed || changes.isEmpty()) {
                    return;
                }
                if (relay != null) {
                    relay.wake();
                }
                for (OmetriaRecord record : records) {
                    submitDirect(record);
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // the transaction is over: nothing may be thrown into the application from here
                LOG.error("ometria-sync: after-commit handling failed; the outbox rows stay for the relay's next poll", e);
            }
        }
    }

    OmetriaSyncRuntime(SessionFactoryImplementor factory, OmetriaConfig config, EntityCatalog catalog, RecordPipeline pipeline) {
        this.factory = factory;
        this.guard = new CaptureGuard(config.captureFailure());
        this.config = config;
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.assembler = new RecordAssembler(catalog);
        if (config.mode() == SyncMode.OUTBOX) {
            this.store = new OutboxStore(factory);
            this.relay = config.relayEnabled() ? new OutboxRelay(factory, store, assembler, pipeline, config) : null;
            this.inspector = new OutboxInspector(factory);
        } else {
            this.store = null;
            this.relay = null;
            this.inspector = null;
        }
        this.delayedCapture = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ometria-stateless-capture");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        if (relay != null) {
            relay.start();
        }
    }

    /**
     * Stops the relay and the pipeline within about the shutdown timeout in total: the relay withdraws what it
     * queued and gives up its lease; the pipeline waits for requests in flight (direct mode: sends what it can).
     */
    void close() {
        Duration timeout = config.shutdownTimeout();
        delayedCapture.shutdownNow();
        if (relay != null) {
            // the relay's thread only has to finish its round; most of the timeout is left for the pipeline's close,
            // which waits for requests in flight (and, in direct mode, keeps sending what is queued)
            relay.stop(timeout.dividedBy(4));
        }
        pipeline.close();
    }

    @Override
    public void record(SharedSessionContractImplementor session, CapturedChange change) {
        if (session == null) {
            recordStateless(change);
            return;
        }
        if (!session.isTransactionInProgress()) {
            // autocommit write: it is already committed, so treat it like a stateless change
            recordStateless(change);
            return;
        }
        TransactionState state = transactions.get(session);
        if (state == null) {
            state = new TransactionState(session);
            transactions.put(session, state);
            TransactionCallbacks.register(session, state);
        }
        state.changes.add(change);
    }

    /**
     * Before 7.2, Hibernate gives stateless-session listeners no session, so the change cannot join the
     * transaction. It is written at once in its own transaction and becomes due after the capture delay,
     * when the committed state is read back.
     */
    private void recordStateless(CapturedChange change) {
        if (config.mode() == SyncMode.OUTBOX) {
            if (!isOutboxWorthy(change)) {
                return;
            }
            try (StatelessSession own = factory.openStatelessSession()) {
                Transaction tx = own.beginTransaction();
                own.doWork(connection -> OutboxRows.insert(factory, connection, List.of(change),
                        Instant.now().plus(config.statelessCaptureDelay())));
                tx.commit();
            }
        } else {
            delayedCapture.schedule(() -> touchNow(List.of(change)), config.statelessCaptureDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends the full current state of entities (outbox: rows in their own transaction; direct: loaded and submitted).
     *
     * @param entityName the entity name
     * @param ids the ids
     */
    public void touch(String entityName, List<?> ids) {
        List<CapturedChange> changes = touchChanges(entityName, ids);
        if (config.mode() == SyncMode.OUTBOX) {
            store.inTransaction(session -> {
                session.doWork(connection -> OutboxRows.insert(factory, connection, changes, dueNow()));
                return null;
            });
            if (relay != null) {
                relay.wake();
            }
        } else {
            touchNow(changes);
        }
    }

    /**
     * Records full-state changes in the session's current transaction.
     *
     * @param session the session, with an active transaction
     * @param entityName the entity name
     * @param ids the ids
     */
    public void touch(SharedSessionContractImplementor session, String entityName, List<?> ids) {
        if (!session.isTransactionInProgress()) {
            throw new IllegalStateException("touch(session, …) needs an active transaction on the session; "
                    + "use touch(entityClass, ids…) outside a transaction");
        }
        for (CapturedChange change : touchChanges(entityName, ids)) {
            record(session, change);
        }
    }

    private List<CapturedChange> touchChanges(String entityName, List<?> ids) {
        CapturedType type = catalog.type(entityName);
        if (type == null) {
            throw new IllegalArgumentException(entityName + " is not an Ometria record type: annotate it with @OmetriaContact, "
                    + "@OmetriaOrder, @OmetriaProduct or @OmetriaCustomEvent");
        }
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(entityName);
        List<CapturedChange> changes = new ArrayList<>();
        for (Object id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("touch: ids must not be null");
            }
            changes.add(new CapturedChange(OutboxOperation.TOUCH, entityName, id, IdText.format(persister, id), type.recordType(),
                    type.collection(), null, null));
        }
        return changes;
    }

    private void touchNow(List<CapturedChange> changes) {
        try (Session session = factory.openSession()) {
            session.beginTransaction();
            try {
                for (OmetriaRecord record : assembleForDirect(session, changes)) {
                    submitDirect(record);
                }
            } finally {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync: could not send {} change(s): {}", changes.size(), e.toString());
        }
    }

    private List<OmetriaRecord> assembleForDirect(Session session, List<CapturedChange> changes) {
        session.setDefaultReadOnly(true);
        session.setCacheMode(CacheMode.IGNORE);
        session.setFetchBatchSize(config.relayBatchSize());
        List<RecordAssembler.Work<CapturedChange>> work = changes.stream().map(c -> new RecordAssembler.Work<>(c, c)).toList();
        List<OmetriaRecord> records = new ArrayList<>();
        for (RecordAssembler.Assembled<CapturedChange> result : assembler.assemble(session, work, CapturedChange::id)) {
            if (result.isFailure()) {
                LOG.warn("ometria-sync: change not sent: {}", result.failure());
            } else if (result.record() != null) {
                records.add(result.record());
            }
        }
        return records;
    }

    private void submitDirect(OmetriaRecord record) {
        try {
            pipeline.submit(record, Priority.LIVE).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    LOG.warn("ometria-sync: {} not sent: {}", record, failure.toString());
                } else if (outcome.status() != Outcome.Status.ACCEPTED) {
                    LOG.warn("ometria-sync: {} not sent: {} {}", record, outcome.status(), outcome.reason());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync: {} not sent: {}", record, e.toString());
        }
    }

    private List<CapturedChange> outboxWorthy(List<CapturedChange> changes) {
        return changes.stream().filter(OmetriaSyncRuntime.this::isOutboxWorthy).toList();
    }

    /** A delete needs a row only when its type's policy sends something. */
    private boolean isOutboxWorthy(CapturedChange change) {
        if (change.operation() != OutboxOperation.DELETE && change.operation() != OutboxOperation.RETIRE) {
            return true;
        }
        CapturedType type = catalog.type(change.entityName());
        return type != null && RecordAssembler.deactivation(type, change) != null;
    }

    private static Instant dueNow() {
        return Instant.now().minus(CLOCK_TOLERANCE);
    }

    /**
     * The mode.
     *
     * @return outbox or direct
     */
    public SyncMode mode() {
        return config.mode();
    }

    /**
     * The pipeline, shared with other parts of this module (backfill).
     *
     * @return the pipeline
     */
    public RecordPipeline pipeline() {
        return pipeline;
    }

    /**
     * The SessionFactory.
     *
     * @return the factory
     */
    public SessionFactoryImplementor sessionFactory() {
        return factory;
    }

    /**
     * Pending outbox rows (outbox mode), for health checks and tests.
     *
     * @param status {@code PENDING} or {@code DEAD}
     * @return the count
     * @throws IllegalStateException in direct mode
     */
    public long outboxRows(String status) {
        if (store == null) {
            throw new IllegalStateException("direct mode has no outbox");
        }
        return store.count(status);
    }

    /**
     * Whether this instance's relay holds the lease.
     *
     * @return true when it is the active sender
     */
    public boolean holdsRelayLease() {
        return relay != null && relay.holdsLease();
    }

    /**
     * Rows this instance's relay delivered.
     *
     * @return the count since start
     */
    public long deliveredRows() {
        return relay == null ? 0 : relay.deliveredRows();
    }

    /**
     * Flushes the pipeline.
     *
     * @param timeout the most time to wait
     * @return true when drained
     */
    public boolean flushPipeline(Duration timeout) {
        return pipeline.flush(timeout);
    }

    EntityCatalog catalog() {
        return catalog;
    }

    /** @return the guard through which capture work runs */
    CaptureGuard captureGuard() {
        return guard;
    }

    /**
     * Unexpected errors while recording changes, since start.
     *
     * @return the count
     */
    public long captureFailures() {
        return guard.failures();
    }

    OmetriaConfig config() {
        return config;
    }

    /**
     * The operator's view of the outbox.
     *
     * @return the inspector
     * @throws IllegalStateException in direct mode
     */
    public OutboxInspector outboxInspector() {
        if (inspector == null) {
            throw new IllegalStateException("direct mode has no outbox");
        }
        return inspector;
    }

    /**
     * Makes dead rows pending again and wakes the relay.
     *
     * @param ids the rows, or null for all dead rows
     * @return rows replayed
     */
    public int replayDeadLetters(List<Long> ids) {
        int replayed = outboxInspector().replay(ids);
        if (replayed > 0 && relay != null) {
            relay.wake();
        }
        return replayed;
    }

    /**
     * A snapshot for health checks and metrics (queries the outbox in outbox mode).
     *
     * @return the status
     */
    public dev.ometriasync.hibernate.OmetriaSyncStatus status() {
        OutboxInspector.Figures figures = inspector == null ? new OutboxInspector.Figures(0, 0, null, null, null) : inspector.figures();
        SendStatus send = pipeline.sendStatus();
        SendStatus.AuthFailure auth = send == null ? null : send.authFailure();
        return new dev.ometriasync.hibernate.OmetriaSyncStatus(true, config.mode(), figures.pending(), figures.dead(),
                figures.oldestPendingAge(), figures.leaseHolder(), figures.leaseExpiresAt(), holdsRelayLease(), relay != null,
                relay != null && relay.isRunning(), relay == null ? 0 : relay.failedRounds(), relay == null ? null : relay.lastFailure(),
                auth == null ? 0 : auth.statusCode(), auth == null ? null : auth.message(),
                send == null ? 0 : send.sentRecords(), send == null ? 0 : send.rejectedRecords(),
                send == null ? 0 : send.deadLetteredRecords(), captureFailures());
    }
}
