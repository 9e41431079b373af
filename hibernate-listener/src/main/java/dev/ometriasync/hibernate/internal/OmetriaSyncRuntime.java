package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.SyncMode;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integration running for one SessionFactory: collects the changes each transaction makes and hands them to
 * its {@link ChangeSink} at the end of the transaction (before commit, and what the sink asks for after it). Owns
 * the sink and the pipeline and closes them with the SessionFactory. Which mode runs is the sink's business alone.
 */
public final class OmetriaSyncRuntime implements ChangeCaptureListener.ChangeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaSyncRuntime.class);

    private final SessionFactoryImplementor factory;
    private final OmetriaConfig config;
    private final EntityCatalog catalog;
    private final RecordPipeline pipeline;
    private final ChangeSink sink;
    private final CaptureGuard guard;
    private final OccasionalWarning untiedWarning = new OccasionalWarning(LOG, Duration.ofMinutes(1));
    /**
     * The transactions in progress that changed captured entities, by session. Weak keys: a session whose transaction
     * never completes (abandoned by the application) is not kept alive by this map, since nothing in it refers to the
     * session strongly.
     */
    private final Map<SharedSessionContractImplementor, TransactionState> transactions = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * The state the current thread used last, of whichever SessionFactory. A thread usually records every change of
     * its transaction itself, so this finds the state without taking the lock of {@link #transactions}, which every
     * thread of the application would otherwise contend for on every captured change. Weak, and static: it keeps
     * neither a finished transaction nor a closed SessionFactory alive.
     */
    private static final ThreadLocal<WeakReference<TransactionState>> LAST_USED = new ThreadLocal<>();

    /** The changes of one transaction, and what the sink asked to do once it committed. */
    private final class TransactionState implements TransactionCallbacks.Completion {
        /** Weak for the sake of {@link #transactions}' weak keys; the session is alive while its transaction runs. */
        private final WeakReference<SharedSessionContractImplementor> session;
        private final TransactionChanges changes = new TransactionChanges();
        private ChangeSink.AfterCommit afterCommit = ChangeSink.AfterCommit.NOTHING;
        /** The transaction completed (perhaps on another thread, under JTA): the state is not used again. */
        private volatile boolean completed;

        TransactionState(SharedSessionContractImplementor session) {
            this.session = new WeakReference<>(session);
        }

        boolean isCurrentFor(SharedSessionContractImplementor candidate) {
            return session.get() == candidate && !completed;
        }

        @Override
        public void beforeCompletion(SharedSessionContractImplementor transactionSession) {
            if (changes.isEmpty()) {
                return;
            }
            List<CapturedChange> list = changes.changes();
            guard.run(list.get(0).entityName() + (list.size() > 1 ? " and other entities" : ""),
                    () -> afterCommit = sink.beforeCommit(transactionSession, list));
        }

        @Override
        public void afterCompletion(SharedSessionContractImplementor transactionSession, boolean committed) {
            try {
                completed = true;
                transactions.remove(transactionSession);
                if (committed) {
                    afterCommit.run();
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // the transaction is over: nothing may be thrown into the application from here
                LOG.error("ometria-sync: after-commit handling failed (outbox rows stay for the relay's next poll)", e);
            }
        }
    }

    OmetriaSyncRuntime(SessionFactoryImplementor factory, OmetriaConfig config, EntityCatalog catalog, RecordPipeline pipeline) {
        this.factory = factory;
        this.guard = new CaptureGuard(config.captureFailure());
        this.config = config;
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.sink = ChangeSinks.create(factory, config, catalog, new RecordAssembler(catalog), pipeline);
    }

    void start() {
        sink.start();
    }

    /**
     * Stops the sink and the pipeline within about the shutdown timeout in total: the sink finishes its own work
     * (the relay withdraws what it queued and gives up its lease), then the pipeline waits for requests in flight.
     */
    void close() {
        sink.stop(config.shutdownTimeout());
        pipeline.close();
    }

    @Override
    public void record(SharedSessionContractImplementor session, CapturedChange change) {
        if (session == null) {
            // a stateless write whose session nobody knows: the tracker is not installed (start-up warned about it)
            untiedWarning.warn("ometria-sync: a StatelessSession change of {} could not be tied to its transaction ({}"
                    + " is not active on this SessionFactory); it is read back at once. If that transaction is still"
                    + " open, call OmetriaSync.touch(entityClass, ids...) after it commits", change.entityName(),
                    StatelessWriteTracker.class.getSimpleName());
            sink.recordedOutsideTransaction(change);
            return;
        }
        if (!session.isTransactionInProgress()) {
            // an autocommit write: committed when its statement ran
            sink.recordedOutsideTransaction(change);
            return;
        }
        stateOf(session).changes.add(change);
    }

    /** The state of the session's transaction in progress; made and registered with its first change. */
    private TransactionState stateOf(SharedSessionContractImplementor session) {
        WeakReference<TransactionState> lastUsed = LAST_USED.get();
        TransactionState state = lastUsed == null ? null : lastUsed.get();
        if (state != null && state.isCurrentFor(session)) {
            return state;
        }
        state = transactions.get(session);
        if (state == null) {
            state = new TransactionState(session);
            transactions.put(session, state);
            TransactionCallbacks.register(session, state);
        }
        LAST_USED.set(new WeakReference<>(state));
        return state;
    }

    /**
     * Sends the full current state of entities, outside any transaction (the sink says how: outbox rows in their own
     * transaction, or noted for the direct-mode reader).
     *
     * @param entityName the entity name
     * @param ids the ids
     */
    public void touch(String entityName, List<?> ids) {
        sink.touch(touchChanges(entityName, ids));
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
     * The sink: where changes go (outbox or direct).
     *
     * @return the sink
     */
    ChangeSink sink() {
        return sink;
    }

    /**
     * Whether changes go through an outbox table (dead letters, pending rows, a relay).
     *
     * @return true in outbox mode
     */
    public boolean hasOutbox() {
        return sink.outbox().isPresent();
    }

    /**
     * Pending outbox rows (outbox mode), for health checks and tests.
     *
     * @param status {@code PENDING} or {@code DEAD}
     * @return the count
     * @throws IllegalStateException in direct mode
     */
    public long outboxRows(String status) {
        return requireOutbox().rows(status);
    }

    private ChangeSink.Outbox requireOutbox() {
        return sink.outbox().orElseThrow(() -> new IllegalStateException("direct mode has no outbox"));
    }

    /**
     * Whether this instance's relay holds the lease.
     *
     * @return true when it is the active sender
     */
    public boolean holdsRelayLease() {
        return sink.outbox().map(ChangeSink.Outbox::holdsLease).orElse(false);
    }

    /**
     * Rows this instance's relay delivered.
     *
     * @return the count since start
     */
    public long deliveredRows() {
        return sink.outbox().map(ChangeSink.Outbox::deliveredRows).orElse(0L);
    }

    /**
     * Waits until what the sink holds reached the pipeline and the pipeline drained.
     *
     * @param timeout the most time to wait
     * @return true when drained
     */
    public boolean flushPipeline(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return sink.flush(timeout) && pipeline.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
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

    /**
     * Changes given up without sending because a queue was full (direct mode), since start.
     *
     * @return the count
     */
    public long droppedChanges() {
        return sink.droppedChanges();
    }

    /**
     * Changes given up because their entity could not be read or serialized even after retries (direct mode), since
     * start.
     *
     * @return the count
     */
    public long unreadableChanges() {
        return sink.unreadableChanges();
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
        return requireOutbox().inspector();
    }

    /**
     * Makes dead rows pending again and wakes the relay.
     *
     * @param ids the rows, or null for all dead rows
     * @return rows replayed
     * @throws IllegalStateException in direct mode
     */
    public int replayDeadLetters(List<Long> ids) {
        return requireOutbox().replay(ids);
    }

    /**
     * A snapshot for health checks and metrics (queries the outbox in outbox mode).
     *
     * @return the status
     */
    public dev.ometriasync.hibernate.OmetriaSyncStatus status() {
        Optional<ChangeSink.Outbox> outbox = sink.outbox();
        OutboxInspector.Figures figures = outbox.map(o -> o.inspector().figures())
                .orElseGet(() -> new OutboxInspector.Figures(0, 0, null, null, null));
        SendStatus send = pipeline.sendStatus();
        SendStatus.AuthFailure auth = send == null ? null : send.authFailure();
        return new dev.ometriasync.hibernate.OmetriaSyncStatus(true, config.mode(), figures.pending(), figures.dead(),
                figures.oldestPendingAge(), figures.leaseHolder(), figures.leaseExpiresAt(), holdsRelayLease(),
                outbox.map(ChangeSink.Outbox::relayEnabled).orElse(false), outbox.map(ChangeSink.Outbox::relayRunning).orElse(false),
                outbox.map(ChangeSink.Outbox::relayFailedRounds).orElse(0), outbox.map(ChangeSink.Outbox::relayLastFailure).orElse(null),
                auth == null ? 0 : auth.statusCode(), auth == null ? null : auth.message(),
                send == null ? 0 : send.sentRecords(), send == null ? 0 : send.rejectedRecords(),
                send == null ? 0 : send.deadLetteredRecords(), captureFailures(), droppedChanges(),
                sink.waitingChanges(), unreadableChanges());
    }
}
