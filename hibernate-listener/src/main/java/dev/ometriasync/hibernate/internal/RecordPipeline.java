package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.PushErrorReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the integration needs from the push pipeline. One implementation adapts the runtime's
 * {@code OmetriaPipeline}; keeping this seam small lets the relay, direct mode and backfill share it.
 */
public interface RecordPipeline extends AutoCloseable {

    /**
     * Queues a record.
     *
     * @param record the record
     * @param priority live or backfill
     * @return completes with what finally happened to the record
     */
    CompletionStage<Outcome> submit(OmetriaRecord record, Priority priority);

    /**
     * Waits until everything queued so far was sent or gave up.
     *
     * @param timeout how long to wait at most
     * @return true when the queue drained in time
     */
    boolean flush(Duration timeout);

    /**
     * What the pipeline reported so far (401/403, counts), for health and metrics.
     *
     * @return the status, or null when this pipeline does not track it
     */
    default SendStatus sendStatus() {
        return null;
    }

    /**
     * The validation errors Ometria listed lately at {@code GET /v2/push/_errors}, as the pipeline's poller reported
     * them.
     *
     * @return newest first; empty when the poller is off or this pipeline has none
     */
    default List<PushErrorReport> pushErrors() {
        return List.of();
    }

    /**
     * Why the pipeline stopped sending on its own (Ometria refused the API key), or null while it sends.
     *
     * @return the reason, or null
     */
    String stoppedReason();

    /**
     * How long one request may stay unanswered before the pipeline gives up on it. A request given up on may
     * still reach Ometria until about then, which is how long the relay keeps a row's claim beyond its lease.
     *
     * @return the request timeout
     */
    Duration requestTimeout();

    /** Stops accepting records, sends what it can within the shutdown timeout, and releases its threads. */
    @Override
    void close();
}
