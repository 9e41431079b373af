package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushResult;
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
}
