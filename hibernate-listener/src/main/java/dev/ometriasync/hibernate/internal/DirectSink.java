package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct mode (no table): records are serialized before commit through a child session on the transaction's
 * connection and handed to the in-memory pipeline after commit. A crash loses what was not sent yet.
 */
final class DirectSink implements ChangeSink {

    private static final Logger LOG = LoggerFactory.getLogger(DirectSink.class);

    private final SessionFactoryImplementor factory;
    private final OmetriaConfig config;
    private final RecordAssembler assembler;
    private final RecordPipeline pipeline;
    private final ScheduledExecutorService delayedCapture;

    DirectSink(SessionFactoryImplementor factory, OmetriaConfig config, RecordAssembler assembler, RecordPipeline pipeline) {
        this.factory = factory;
        this.config = config;
        this.assembler = assembler;
        this.pipeline = pipeline;
        this.delayedCapture = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ometria-stateless-capture");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void verifyAtStartup(OmetriaSyncRuntime runtime) {
        // no table to check
    }

    @Override
    public void start() {
        // nothing runs until a transaction commits
    }

    @Override
    public AfterCommit beforeCommit(SharedSessionContractImplementor session, List<CapturedChange> changes) {
        List<OmetriaRecord> records = new ArrayList<>();
        session.doWork(connection -> {
            try (Session child = factory.withOptions().connection(connection).openSession()) {
                records.addAll(assemble(child, changes));
            }
        });
        return () -> records.forEach(this::submit);
    }

    /** Read back after the capture delay, when the change is committed. */
    @Override
    public void recordedOutsideTransaction(CapturedChange change) {
        delayedCapture.schedule(() -> touch(List.of(change)), config.statelessCaptureDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void touch(List<CapturedChange> changes) {
        try (Session session = factory.openSession()) {
            session.beginTransaction();
            try {
                for (OmetriaRecord record : assemble(session, changes)) {
                    submit(record);
                }
            } finally {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync: could not send {} change(s): {}", changes.size(), e.toString());
        }
    }

    private List<OmetriaRecord> assemble(Session session, List<CapturedChange> changes) {
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

    private void submit(OmetriaRecord record) {
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

    @Override
    public boolean flush(Duration timeout) {
        return true; // records go to the pipeline at commit; the runtime flushes the pipeline
    }

    @Override
    public void stop(Duration timeout) {
        delayedCapture.shutdownNow();
    }

    @Override
    public String describe() {
        return "direct mode (in memory: changes not yet sent are lost on a crash)";
    }

    @Override
    public Optional<Outbox> outbox() {
        return Optional.empty();
    }

    @Override
    public long droppedChanges() {
        return 0;
    }
}
