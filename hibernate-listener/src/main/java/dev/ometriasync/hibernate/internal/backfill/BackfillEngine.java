package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgress;
import dev.ometriasync.hibernate.backfill.BackfillRejection;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeResult;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeStatus;
import dev.ometriasync.hibernate.backfill.OmetriaBackfill;
import dev.ometriasync.hibernate.internal.RecordPipeline;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a backfill: for each planned entity type, reads a chunk, hands its full records to the integration's
 * pipeline with {@link Priority#BACKFILL}, and, once every record of the oldest chunk in flight has a final
 * outcome, writes the checkpoint past it. At most {@code maxChunksInFlight} chunks are submitted and not yet
 * checkpointed, which bounds both memory and what a killed run sends again.
 *
 * <p>Chunks are read only when they are about to be submitted, never ahead: a record queued in the pipeline
 * coalesces with (and is then overridden by) any later live change to the same entity, whereas a record read
 * early and queued late could carry older data than a live change sent in between.
 */
public final class BackfillEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillEngine.class);

    private final SessionFactoryImplementor factory;
    private final RecordPipeline pipeline;
    private final BackfillOptions options;
    private final CheckpointStore store;

    private final List<BackfillRejection> rejections = new ArrayList<>();
    private long sent;
    private long accepted;
    private long rejected;
    private String stopReason;
    private ProgressMeter meter;

    /**
     * Prepares a run.
     *
     * @param factory the SessionFactory to read from
     * @param pipeline the integration's pipeline (shared with live changes)
     * @param options the run's options
     */
    public BackfillEngine(SessionFactoryImplementor factory, RecordPipeline pipeline, BackfillOptions options) {
        this.factory = factory;
        this.pipeline = pipeline;
        this.options = options;
        this.store = new CheckpointStore(factory);
    }

    /** One entity type during the run. */
    private final class TypeRun {
        final BackfillTarget target;
        Checkpoint checkpoint;
        final Deque<InFlightChunk> window = new ArrayDeque<>();
        long sent;
        long accepted;
        long rejected;

        TypeRun(BackfillTarget target, Checkpoint checkpoint) {
            this.target = target;
            this.checkpoint = checkpoint;
        }

        /** Waits for the oldest chunk in flight and checkpoints past it; false when the run must stop. */
        boolean confirmOldest() throws InterruptedException {
            InFlightChunk oldest = window.peekFirst();
            InFlightChunk.Result result = oldest.await();
            if (result.abandonedReason() != null) {
                stop("the pipeline gave records back unsent (" + result.abandonedReason() + ")");
                return false;
            }
            window.removeFirst();
            long rejectedNow = result.rejections().size();
            checkpoint = checkpoint.advance(oldest.lastIdText(), result.accepted(), rejectedNow, options.clock().instant());
            store.save(checkpoint);
            accepted += result.accepted();
            rejected += rejectedNow;
            BackfillEngine.this.accepted += result.accepted();
            BackfillEngine.this.rejected += rejectedNow;
            for (BackfillRejection rejection : result.rejections()) {
                if (rejections.size() < OmetriaBackfill.MAX_LISTED_REJECTIONS) {
                    rejections.add(rejection);
                }
            }
            report(target);
            return true;
        }
    }

    /**
     * Runs the backfill to the end or until it must stop.
     *
     * @return the summary
     * @throws IllegalArgumentException when the options do not fit the mapping
     * @throws IllegalStateException when the checkpoint table is missing or was written with another filter
     */
    public BackfillSummary run() {
        store.prepare(options.createCheckpointTable());
        List<BackfillTarget> targets = BackfillPlanner.plan(factory, options);
        Map<String, Checkpoint> checkpoints = resumeState(targets);
        List<TypeResult> results = new ArrayList<>();
        boolean interrupted = false;
        try (ChunkReader reader = new ChunkReader(factory, options.chunkSize())) {
            long total = 0;
            for (BackfillTarget target : targets) {
                Checkpoint checkpoint = checkpoints.get(target.entityName());
                if (checkpoint == null || !checkpoint.done()) {
                    total += reader.count(target, checkpoint == null || checkpoint.lastId() == null ? null : target.parseId(checkpoint.lastId()));
                }
            }
            meter = new ProgressMeter(options.clock(), total);
            LOG.info("ometria-sync backfill '{}': {} records to send ({}), chunks of {}{}", options.name(), total,
                    targets.stream().map(BackfillTarget::simpleName).collect(Collectors.joining(", ")), options.chunkSize(),
                    checkpoints.isEmpty() ? "" : ", resuming from its checkpoint");
            report(null);
            for (BackfillTarget target : targets) {
                Checkpoint checkpoint = checkpoints.get(target.entityName());
                if (checkpoint != null && checkpoint.done()) {
                    results.add(new TypeResult(target.entityName(), target.recordType(), TypeStatus.ALREADY_DONE, checkpoint.lastId(), 0, 0, 0));
                    continue;
                }
                if (stopReason != null) {
                    results.add(new TypeResult(target.entityName(), target.recordType(), TypeStatus.NOT_STARTED,
                            checkpoint == null ? null : checkpoint.lastId(), 0, 0, 0));
                    continue;
                }
                if (checkpoint == null) {
                    checkpoint = Checkpoint.start(options.name(), target.entityName(), changedSinceText(), options.clock().instant());
                    store.save(checkpoint);
                }
                TypeRun run = new TypeRun(target, checkpoint);
                String resumedAfter = checkpoint.lastId();
                try {
                    send(reader, run);
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop("interrupted");
                }
                TypeStatus status = stopReason == null ? TypeStatus.COMPLETED : TypeStatus.STOPPED;
                if (status == TypeStatus.COMPLETED) {
                    store.save(run.checkpoint.finish(options.clock().instant()));
                    LOG.info("ometria-sync backfill '{}': {} done, {} records sent, {} accepted, {} rejected", options.name(),
                            target.simpleName(), run.sent, run.accepted, run.rejected);
                }
                results.add(new TypeResult(target.entityName(), target.recordType(), status, resumedAfter, run.sent, run.accepted, run.rejected));
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        BackfillSummary summary = new BackfillSummary(options.name(), stopReason == null, stopReason, sent, accepted, rejected, rejections,
                results, meter.elapsed());
        if (stopReason == null) {
            LOG.info("ometria-sync backfill '{}' complete in {}: {} records sent, {} accepted, {} rejected", options.name(), summary.duration(),
                    sent, accepted, rejected);
        } else {
            LOG.warn("ometria-sync backfill '{}' stopped: {}. Run it again to resume after the last confirmed chunk.", options.name(), stopReason);
        }
        return summary;
    }

    private void send(ChunkReader reader, TypeRun run) throws InterruptedException {
        BackfillTarget target = run.target;
        Object cursor = run.checkpoint.lastId() == null ? null : target.parseId(run.checkpoint.lastId());
        while (stopReason == null) {
            if (run.window.size() >= options.maxChunksInFlight() && !run.confirmOldest()) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Chunk chunk = reader.read(target, cursor, options.chunkSize());
            if (chunk.isEmpty()) {
                break;
            }
            run.window.addLast(submit(chunk, run));
            cursor = chunk.lastId();
        }
        while (stopReason == null && !run.window.isEmpty()) {
            if (!run.confirmOldest()) {
                return;
            }
        }
    }

    private InFlightChunk submit(Chunk chunk, TypeRun run) {
        InFlightChunk inFlight = new InFlightChunk(chunk.target().entityName(), chunk.lastIdText());
        for (Chunk.Item item : chunk.items()) {
            if (item.record() == null) {
                inFlight.unserializable(item.entityId(), item.failure());
                continue;
            }
            CompletableFuture<Outcome> future;
            try {
                future = pipeline.submit(item.record(), Priority.BACKFILL).toCompletableFuture();
            } catch (RuntimeException e) {
                future = CompletableFuture.completedFuture(Outcome.abandoned("submit failed: " + e));
            }
            inFlight.add(item.entityId(), future);
        }
        run.sent += inFlight.submitted();
        sent += inFlight.submitted();
        return inFlight;
    }

    /**
     * Decides between resuming and starting over: a backfill whose every selected type is done starts over;
     * otherwise it resumes (types done are skipped, the others continue after their last confirmed id).
     */
    private Map<String, Checkpoint> resumeState(List<BackfillTarget> targets) {
        if (options.restart()) {
            store.delete(options.name());
            return Map.of();
        }
        Map<String, Checkpoint> checkpoints = store.load(options.name());
        if (checkpoints.isEmpty()) {
            return checkpoints;
        }
        boolean allDone = targets.stream().allMatch(t -> checkpoints.containsKey(t.entityName()) && checkpoints.get(t.entityName()).done());
        if (allDone) {
            LOG.info("ometria-sync backfill '{}' finished before: starting over", options.name());
            store.delete(options.name());
            return Map.of();
        }
        List<String> mismatches = new ArrayList<>();
        for (BackfillTarget target : targets) {
            Checkpoint checkpoint = checkpoints.get(target.entityName());
            if (checkpoint != null && !Objects.equals(checkpoint.changedSince(), changedSinceText())) {
                mismatches.add(target.entityName() + " was started with changedSince=" + checkpoint.changedSince());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("The checkpoint of backfill '" + options.name() + "' was written by a run with another filter ("
                    + String.join("; ", mismatches) + ") and this run has changedSince=" + changedSinceText()
                    + ". Run it with the same filter to resume, or use restart() (--restart) to start over, or another name(...).");
        }
        return checkpoints;
    }

    private String changedSinceText() {
        return options.changedSince() == null ? null : options.changedSince().toString();
    }

    private void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    private void report(BackfillTarget current) {
        BackfillProgress progress = meter.progress(current, accepted + rejected, accepted, rejected);
        try {
            options.listener().onProgress(progress);
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync backfill: the progress listener failed: {}", e.toString());
        }
    }
}
