package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.logging.EmailMasker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes records' futures and tells the listener, the log and the meters, so that every outcome is
 * reported the same way: listener first, then the futures, so that code continuing from a future sees the
 * listener already informed. Listener exceptions are logged and swallowed: a faulty callback must not stop the
 * pipeline. Log lines name records by key and never print field values, the API key or an unmasked e-mail
 * address.
 */
final class OutcomeReporter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ometriasync.runtime.OmetriaPipeline");

    private final OmetriaListener listener;
    private final PipelineMetrics metrics;
    private final Consumer<List<OmetriaRecord>> acknowledged;

    OutcomeReporter(OmetriaListener listener, PipelineMetrics metrics) {
        this(listener, metrics, records -> {
        });
    }

    /**
     * @param acknowledged told first of the records of every acknowledged request (the {@code _errors} poller's
     *     candidates)
     */
    OutcomeReporter(OmetriaListener listener, PipelineMetrics metrics, Consumer<List<OmetriaRecord>> acknowledged) {
        this.listener = listener;
        this.metrics = metrics;
        this.acknowledged = acknowledged;
    }

    void accepted(BatchRun run, PushResult.Accepted accepted) {
        LOG.debug("Ometria accepted {} (request {})", run, accepted.requestId());
        notify(() -> acknowledged.accept(run.records));
        notify(() -> listener.sent(run.records, accepted.requestId()));
        if (accepted.rejected() > 0) {
            LOG.warn("Ometria acknowledged {} (request {}) but counted {} of them as rejected at intake; it does not "
                    + "say which: see GET /v2/push/_errors", run, accepted.requestId(), accepted.rejected());
            notify(() -> listener.rejectedAtIntake(run.type, accepted.rejected(), run.records.size(),
                    accepted.requestId()));
        }
        Outcome outcome = run.unanswered ? Outcome.acceptedInDoubt(accepted.requestId()) : Outcome.accepted(accepted.requestId());
        for (PendingEntry entry : run.entries) {
            entry.complete(outcome);
        }
    }

    void rejected(PendingEntry entry, String reason) {
        String safe = EmailMasker.mask(reason);
        metrics.rejected(1);
        LOG.warn("Rejected {}: {}", entry.key(), safe);
        notify(() -> listener.rejected(entry.record(), safe));
        entry.complete(Outcome.rejected(safe));
    }

    /** A record refused by local validation before it was queued. */
    void rejectedLocally(OmetriaRecord record, CompletableFuture<Outcome> future, String reason) {
        String safe = EmailMasker.mask(reason);
        metrics.rejected(1);
        LOG.warn("Rejected {} before sending: {}", record.key(), safe);
        notify(() -> listener.rejected(record, safe));
        future.complete(Outcome.rejected(safe));
    }

    void fieldDropped(OmetriaRecord record, String reason) {
        String safe = EmailMasker.mask(reason);
        LOG.warn("Dropped an invalid optional field of {}: {}", record.key(), safe);
        notify(() -> listener.invalidFieldDropped(record, safe));
    }

    void fieldTruncated(OmetriaRecord record, String reason) {
        String safe = EmailMasker.mask(reason);
        LOG.info("Truncated a value of {} as Ometria would: {}", record.key(), safe);
        notify(() -> listener.fieldTruncated(record, safe));
    }

    void deadLettered(List<PendingEntry> entries, String reason) {
        String safe = EmailMasker.mask(reason);
        metrics.deadLettered(entries.size());
        LOG.error("Dead-lettered {} record(s) starting with {}: {}", entries.size(), entries.get(0).key(), safe);
        for (PendingEntry entry : entries) {
            notify(() -> listener.deadLettered(entry.record(), safe));
        }
        Outcome outcome = Outcome.deadLettered(safe);
        for (PendingEntry entry : entries) {
            entry.complete(outcome);
        }
    }

    void abandoned(List<PendingEntry> all, String reason) {
        // an entry withdrawn by every submitter already has its outcome: it is not news to anybody
        List<PendingEntry> entries = all.stream().filter(entry -> !entry.isDone()).toList();
        if (entries.isEmpty()) {
            return;
        }
        String safe = EmailMasker.mask(reason);
        LOG.warn("Abandoned {} record(s): {}", entries.size(), safe);
        for (PendingEntry entry : entries) {
            notify(() -> listener.abandoned(entry.record(), safe));
        }
        Outcome outcome = Outcome.abandoned(safe);
        for (PendingEntry entry : entries) {
            entry.complete(outcome);
        }
    }

    /** A record refused at submission (closed pipeline, full queue). */
    void abandonedAtSubmit(OmetriaRecord record, CompletableFuture<Outcome> future, String reason) {
        String safe = EmailMasker.mask(reason);
        LOG.warn("Did not queue {}: {}", record.key(), safe);
        notify(() -> listener.abandoned(record, safe));
        future.complete(Outcome.abandoned(safe));
    }

    void rateLimited(Duration pause, boolean retryAfterHint) {
        LOG.warn("Ometria answered 429 (rate limit); pausing every request on this account for {} ms{}",
                pause.toMillis(), retryAfterHint ? " as its Retry-After asks" : "");
        notify(() -> listener.rateLimited(pause, retryAfterHint));
    }

    void queueState(dev.ometriasync.runtime.QueueState state) {
        notify(() -> listener.queueState(state));
    }

    void authenticationFailed(int statusCode, String message) {
        LOG.error("{}", message);
        notify(() -> listener.authenticationFailed(statusCode, message));
    }

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("An OmetriaListener callback threw; the pipeline goes on", e);
        }
    }
}
