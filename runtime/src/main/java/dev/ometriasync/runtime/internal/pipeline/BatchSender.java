package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.internal.client.ErrorListRead;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one push request. The pipeline's only view of HTTP: the Ometria client implements it in
 * production; scheduler tests script it.
 */
@FunctionalInterface
public interface BatchSender {

    /**
     * Sends records in one request.
     *
     * @param records at most 100 records of one type
     * @return the classified result; I/O failures should be a {@link PushResult.Retryable} rather than an
     *     exceptional completion (an exceptional completion is treated as one)
     */
    CompletableFuture<PushResult> send(List<OmetriaRecord> records);

    /**
     * Opens a connection to Ometria with a cheap, harmless request, so that the first batch does not pay for
     * connection and TLS set-up. The pipeline gives it a rate-limit slot like any request.
     *
     * @return completes when the request ended (however it ended), or null when there is nothing to warm
     */
    default CompletableFuture<?> warmUp() {
        return null;
    }

    /**
     * Reads {@code GET /v2/push/_errors}, for the pipeline's poller. The pipeline gives it a rate-limit slot like any
     * request.
     *
     * @return the read (never completing exceptionally), or null when this sender cannot read the list
     */
    default CompletableFuture<ErrorListRead> readErrorList() {
        return null;
    }
}
