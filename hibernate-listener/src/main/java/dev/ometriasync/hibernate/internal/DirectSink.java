package dev.ometriasync.hibernate.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Direct mode (no table, not durable): the transaction only notes which entities it changed; after commit the
 * {@link CommittedStateReader}, on its own thread, reads their committed state and hands the records to the
 * in-memory pipeline. Nothing is read or written inside the business transaction, and the committing thread never
 * waits for the pipeline. A crash loses what was not sent yet.
 */
final class DirectSink implements ChangeSink {

    private final EntityCatalog catalog;
    private final CommittedStateReader reader;

    DirectSink(SessionFactoryImplementor factory, OmetriaConfig config, EntityCatalog catalog, RecordAssembler assembler,
            RecordPipeline pipeline) {
        this.catalog = catalog;
        this.reader = new CommittedStateReader(new CommittedStateLoader(factory, assembler, config.relayBatchSize()), pipeline,
                config.relayBatchSize(), config.directMaxPending(), config.recordsAheadOfThePipeline());
    }

    @Override
    public void verifyAtStartup(OmetriaSyncRuntime runtime) {
        // no table to check
    }

    @Override
    public void start() {
        reader.start();
    }

    /** Nothing to do inside the transaction: what is sent is read from committed state, after the commit. */
    @Override
    public AfterCommit beforeCommit(SharedSessionContractImplementor session, List<CapturedChange> changes) {
        List<CapturedChange> toNote = worthNoting(changes);
        return toNote.isEmpty() ? AfterCommit.NOTHING : () -> reader.note(toNote);
    }

    /** Noted at once: the change is committed already. */
    @Override
    public void recordedOutsideTransaction(CapturedChange change) {
        if (RecordAssembler.sendsSomething(catalog, change)) {
            reader.note(List.of(change));
        }
    }

    /** Noted at once: the reader reads the entities' current state shortly after. */
    @Override
    public void touch(List<CapturedChange> changes) {
        reader.note(List.copyOf(changes)); // the reader keeps the list until it merges it
    }

    @Override
    public boolean flush(Duration timeout) {
        return reader.awaitIdle(timeout);
    }

    @Override
    public void stop(Duration timeout) {
        // a quarter of the timeout to read what waits: the pipeline's close, which follows, can send only so much anyway
        reader.stop(timeout.dividedBy(4));
    }

    @Override
    public String describe() {
        return "direct mode (in memory, read after commit: changes not yet sent are lost on a crash)";
    }

    @Override
    public Optional<Outbox> outbox() {
        return Optional.empty();
    }

    @Override
    public long droppedChanges() {
        return reader.droppedChanges();
    }

    @Override
    public long unreadableChanges() {
        return reader.unreadableChanges();
    }

    @Override
    public long waitingChanges() {
        return reader.waitingChanges();
    }

    /** The changes that send something; the list itself when all do (the usual case: no copy on the committing thread). */
    private List<CapturedChange> worthNoting(List<CapturedChange> changes) {
        for (int i = 0; i < changes.size(); i++) {
            if (!RecordAssembler.sendsSomething(catalog, changes.get(i))) {
                List<CapturedChange> kept = new ArrayList<>(changes.size() - 1);
                for (CapturedChange change : changes) {
                    if (RecordAssembler.sendsSomething(catalog, change)) {
                        kept.add(change);
                    }
                }
                return kept;
            }
        }
        return changes;
    }
}
