package dev.ometriasync.hibernate.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Outbox mode (durable): each change becomes a row of {@code ometria_outbox} in the business transaction, and the
 * {@link OutboxRelay} — woken right after the commit, and polling — reads the committed state and sends it. Nothing
 * committed is lost; the relay runs only where {@code ometria.relay.enabled} is true.
 */
final class OutboxSink implements ChangeSink, ChangeSink.Outbox {

    /** Rows due at once are dated back by this much, so that a JVM clock slightly ahead of the database's does not delay them. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final SessionFactoryImplementor factory;
    private final OmetriaConfig config;
    private final EntityCatalog catalog;
    private final OutboxStore store;
    private final OutboxInspector inspector;
    private final OutboxRowInsert rows;
    /** Null on an instance that only writes rows ({@code ometria.relay.enabled=false}). */
    private final OutboxRelay relay;

    OutboxSink(SessionFactoryImplementor factory, OmetriaConfig config, EntityCatalog catalog, RecordAssembler assembler,
            RecordPipeline pipeline) {
        this.factory = factory;
        this.config = config;
        this.catalog = catalog;
        this.store = new OutboxStore(factory);
        this.inspector = new OutboxInspector(factory);
        this.rows = new OutboxRowInsert(factory);
        this.relay = config.relayEnabled() ? new OutboxRelay(factory, store, assembler, pipeline, config) : null;
    }

    @Override
    public void verifyAtStartup(OmetriaSyncRuntime runtime) {
        StartupChecks.verifyOutboxTables(factory);
    }

    @Override
    public void start() {
        if (relay != null) {
            relay.start();
        }
    }

    @Override
    public AfterCommit beforeCommit(SharedSessionContractImplementor session, List<CapturedChange> changes) {
        List<CapturedChange> needed = changes.stream().filter(this::needsRow).toList();
        if (!needed.isEmpty()) {
            session.doWork(connection -> rows.insert(connection, needed, dueNow()));
        }
        return this::wake;
    }

    /** Written at once in its own transaction and due at once: the change is committed already. */
    @Override
    public void recordedOutsideTransaction(CapturedChange change) {
        if (!needsRow(change)) {
            return;
        }
        try (StatelessSession own = factory.openStatelessSession()) {
            Transaction tx = own.beginTransaction();
            own.doWork(connection -> rows.insert(connection, List.of(change), dueNow()));
            tx.commit();
        }
        wake();
    }

    /** Durable once this returns: the rows are committed in their own transaction. */
    @Override
    public void touch(List<CapturedChange> changes) {
        store.inTransaction(session -> {
            session.doWork(connection -> rows.insert(connection, changes, dueNow()));
            return null;
        });
        wake();
    }

    private void wake() {
        if (relay != null) {
            relay.wake();
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        // the rows are durable already; what this instance handed to the pipeline is flushed by the runtime
        return true;
    }

    @Override
    public void stop(Duration timeout) {
        if (relay != null) {
            // the relay's thread only has to finish its round; most of the timeout is left for the pipeline's close,
            // which waits for requests in flight
            relay.stop(timeout.dividedBy(4));
        }
    }

    @Override
    public String describe() {
        return "outbox mode (durable; table ometria_outbox, relay "
                + (relay != null ? "on as " + config.instanceId() : "off on this instance") + ")";
    }

    @Override
    public Optional<Outbox> outbox() {
        return Optional.of(this);
    }

    @Override
    public long droppedChanges() {
        return 0; // every change is a row in its transaction
    }

    @Override
    public long unreadableChanges() {
        return 0; // such rows become DEAD after the attempt limit: see the dead rows
    }

    @Override
    public long waitingChanges() {
        return 0; // they wait as rows: see the pending rows
    }

    /** A delete needs a row only when its type's policy sends something. */
    private boolean needsRow(CapturedChange change) {
        return RecordAssembler.sendsSomething(catalog, change);
    }

    private static Instant dueNow() {
        return Instant.now().minus(CLOCK_TOLERANCE);
    }

    @Override
    public long rows(String status) {
        return store.count(status);
    }

    @Override
    public OutboxInspector inspector() {
        return inspector;
    }

    @Override
    public int replay(List<Long> ids) {
        int replayed = inspector.replay(ids);
        if (replayed > 0) {
            wake();
        }
        return replayed;
    }

    @Override
    public boolean holdsLease() {
        return relay != null && relay.holdsLease();
    }

    @Override
    public long deliveredRows() {
        return relay == null ? 0 : relay.deliveredRows();
    }

    @Override
    public boolean relayEnabled() {
        return relay != null;
    }

    @Override
    public boolean relayRunning() {
        return relay != null && relay.isRunning();
    }

    @Override
    public int relayFailedRounds() {
        return relay == null ? 0 : relay.failedRounds();
    }

    @Override
    public String relayLastFailure() {
        return relay == null ? null : relay.lastFailure();
    }
}
