package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.internal.client.ErrorListRead;
import dev.ometriasync.runtime.internal.resilience.RetryDecision;
import dev.ometriasync.runtime.internal.resilience.RetryExecutor;
import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher: turns waiting records into requests at the pace the account allows.
 *
 * <p>It runs only on the pipeline's single thread, woken by a submission, a free rate-limit slot, an attempt
 * that is due, or a response. Each time it sends as much as the account's {@link AccountRateLimiter slots} allow:
 * first attempts that are already due (retries and halves of split batches), then new batches from the queue. A
 * new batch is only taken from the queue when a slot is free at that moment, and a batch that would not be full
 * also waits until one interval ({@code 1 / rate}) after the account's last request. That is what makes batches
 * full under load (records keep coalescing and accumulating while they wait) and latency low when idle (a lone
 * record goes at once, and a burst goes in full batches as fast as slots allow).
 *
 * <p>Each batch runs under the {@link RetryExecutor}: 429 → the account pauses and the batch is tried again
 * after the pause, without spending its retry budget; 5xx, I/O errors, timeouts → exponential backoff with
 * jitter until the budget is spent, then dead letter; 400/413 → split in halves ({@link BatchBisector});
 * 401/403 → the pipeline stops.
 *
 * <p>It also sends the reads of {@code GET /v2/push/_errors} the {@link PushErrorPoller} asks for: each takes the next
 * free slot, ahead of due attempts and new batches (reads are rare; batches would otherwise take every slot while
 * records wait), and its failure is acted on as a push's would be: a 429 pauses the account, a 401 (the key itself is
 * refused) or an untrusted server stops the pipeline. A 403 on a read does not: Ometria answers 403 when a key is not
 * authorised for a resource, and a key that may push but not read the error list must go on pushing — the poller
 * switches itself off instead.
 */
final class SendLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SendLoop.class);
    /** The longest the first batch waits for the warm-up request to open a connection. */
    static final Duration WARM_UP_WAIT = Duration.ofSeconds(1);

    private final TimeSource time;
    private final BatchSender transport;
    private final AccountRateLimiter limiter;
    private final RetryExecutor retries;
    private final PendingQueue queue;
    private final PreSendCheck check;
    private final OutcomeReporter outcomes;
    private final PipelineMetrics metrics;
    private final Executor executor;
    private final int maxBatchSize;

    // Confined to the pipeline's thread:
    private final ArrayDeque<PendingAttempt> due = new ArrayDeque<>();
    private final Set<BatchRun> active = new LinkedHashSet<>();
    private int awaitingFirstAttempt;
    private int inFlightRequests;
    private boolean draining;
    private boolean warmUpPending;
    private Consumer<ErrorListRead> warmUpReader;
    private boolean warmingUp;
    private Instant warmUpUntil = Instant.MIN;
    private TimeSource.Scheduled wakeup;
    private Instant wakeupAt;
    private volatile String stopReason;

    private record PendingAttempt(BatchRun run, CompletableFuture<AttemptResult> promise) {
    }

    /** Reads of the error list waiting for a slot, answered on the pipeline's thread. Pipeline thread only. */
    private final ArrayDeque<Consumer<ErrorListRead>> errorListReads = new ArrayDeque<>();

    SendLoop(TimeSource time, BatchSender transport, AccountRateLimiter limiter, RetryExecutor retries,
            PendingQueue queue, PreSendCheck check, OutcomeReporter outcomes, PipelineMetrics metrics,
            Executor executor, int maxBatchSize) {
        this.time = time;
        this.transport = transport;
        this.limiter = limiter;
        this.retries = retries;
        this.queue = queue;
        this.check = check;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.executor = executor;
        this.maxBatchSize = maxBatchSize;
    }

    /** Why the loop stopped sending, or null while it runs. */
    String stopReason() {
        return stopReason;
    }

    /** Requests sent and not yet answered. Pipeline thread only. */
    int inFlightRequests() {
        return inFlightRequests;
    }

    /** Asks the loop to look for work; callable from any thread. */
    void kick() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException closed) {
            // The pipeline has shut down; whatever is left was completed by the shutdown.
        }
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (stopReason == null) {
                Instant now = time.now();
                if (!errorListReads.isEmpty()) {
                    Optional<AccountRateLimiter.Slot> slot = limiter.tryAcquireUnspaced(now);
                    if (slot.isEmpty()) {
                        wakeAt(now.plus(limiter.timeUntilFree(now)));
                        return;
                    }
                    sendErrorListRead(slot.get(), errorListReads.poll(), false);
                    continue;
                }
                if (warmUpPending && queue.hasSendable()) {
                    // The first record to send: open the connection now, not at start. A pipeline that never sends
                    // (an outbox instance that is not the relay) spends none of the account's requests.
                    warmUpPending = false;
                    warmUp(warmUpReader);
                    continue;
                }
                if (warmingUp && now.isBefore(warmUpUntil)) {
                    // Let the first batch use the connection the warm-up opened; never wait long for it.
                    wakeAt(warmUpUntil);
                    return;
                }
                PendingAttempt next = due.peek();
                if (next == null) {
                    if (awaitingFirstAttempt > 0 || !queue.hasSendable()) {
                        return;
                    }
                    Duration wait = limiter.timeUntilFree(now);
                    if (wait.isZero() && queue.nextBatchSize(maxBatchSize) < maxBatchSize) {
                        // A batch that is not full waits until one interval after the account's last request: records
                        // arriving meanwhile fill it, instead of a burst spending every free slot on a few records.
                        wait = limiter.timeUntilSpaced(now);
                    }
                    if (!wait.isZero()) {
                        wakeAt(now.plus(wait));
                        return;
                    }
                    List<PendingEntry> batch = checkCoalesced(queue.takeBatch(maxBatchSize));
                    if (!batch.isEmpty()) {
                        start(batch);
                    }
                    continue;
                }
                if (next.run().entries.stream().allMatch(PendingEntry::isDone)) {
                    // every submitter withdrew its record since the last attempt (a relay that lost its lease): do
                    // not send an old copy that may now be stale, and spend no slot on it
                    due.poll();
                    next.run().withdrawn = true;
                    next.promise().complete(AttemptResult.of(new PushResult.Retryable(-1, "withdrawn by its submitters")));
                    continue;
                }
                Optional<AccountRateLimiter.Slot> slot = limiter.tryAcquire(now);
                if (slot.isEmpty()) {
                    wakeAt(now.plus(limiter.timeUntilFree(now)));
                    return;
                }
                due.poll();
                send(next, slot.get());
            }
        } finally {
            draining = false;
        }
    }

    /**
     * Arms the warm-up: when the first record is ready to go, the loop first opens a connection to Ometria through the
     * transport's cheap warm-up request, and the first batch waits for it at most {@link #WARM_UP_WAIT}. The warm-up
     * takes a slot like any request (Ometria counts every Data API call), so it is sent only once there is something
     * to send: an idle pipeline, or an outbox instance that is not the active relay, sends nothing at all, and an
     * instance starting beside a relay that sends at the account's full rate cannot push the account over it.
     * Nothing is reported: a failing warm-up only means the first batch opens the connection itself.
     * Pipeline thread only.
     *
     * @param errorListReader with the error-list poller, where the answer goes: the warm-up is then a read of the
     *     error list (the same request), so that the poller takes the list as it stands before anything was sent,
     *     without spending a request of its own on it; null for a plain warm-up
     */
    void warmUpBeforeFirstRecord(Consumer<ErrorListRead> errorListReader) {
        warmUpPending = true;
        warmUpReader = errorListReader;
    }

    /** Whether the warm-up request is out and unanswered. Pipeline thread only. */
    boolean warmingUp() {
        return warmingUp;
    }

    /**
     * Sends the warm-up now, when a slot is free: a read of the error list with {@code errorListReader}, else the
     * transport's warm-up request. When no slot is free, nothing is sent and the reader is not called (the account is
     * busy: its connections are warm, and its slots better spent on records).
     *
     * @param errorListReader where the answer goes, or null for a plain warm-up
     */
    private void warmUp(Consumer<ErrorListRead> errorListReader) {
        if (stopReason != null) {
            return;
        }
        Optional<AccountRateLimiter.Slot> slot = limiter.tryAcquireUnspaced(time.now());
        if (slot.isEmpty()) {
            return; // the account is busy: its connections are warm, or its slots better spent on records
        }
        if (errorListReader != null && sendErrorListRead(slot.get(), errorListReader, true)) {
            return;
        }
        CompletableFuture<?> warmUp;
        try {
            warmUp = transport.warmUp();
        } catch (RuntimeException e) {
            warmUp = null;
        }
        if (warmUp == null) {
            limiter.cancel(slot.get()); // nothing was sent
            return;
        }
        startWarmUp();
        warmUp.handle((ignored, failure) -> {
            limiter.release(slot.get(), time.now());
            if (failure != null) {
                LOG.debug("Warm-up request failed: {}", failure.toString());
            }
            onLoopThread(() -> {
                inFlightRequests--;
                warmingUp = false;
                kick();
            });
            return null;
        });
    }

    private void startWarmUp() {
        warmingUp = true;
        warmUpUntil = time.now().plus(WARM_UP_WAIT);
        inFlightRequests++;
    }

    /**
     * Asks for a read of {@code GET /v2/push/_errors} with the next free slot, ahead of batches. The reader is called
     * on the pipeline's thread with the answer; with a failed read after the loop acted on it as on a push's (a 429
     * paused the account; a 401 or an untrusted server stopped the pipeline; a 403 is left to the reader). Not called when the pipeline stops
     * before a slot came, or when the transport cannot read the list. Pipeline thread only.
     *
     * @param reader where the answer goes
     */
    void readErrorList(Consumer<ErrorListRead> reader) {
        if (stopReason != null) {
            return;
        }
        errorListReads.add(reader);
        kick();
    }

    /** @return false when the transport cannot read the list (the slot was given back) */
    private boolean sendErrorListRead(AccountRateLimiter.Slot slot, Consumer<ErrorListRead> reader, boolean warmUp) {
        CompletableFuture<ErrorListRead> read;
        try {
            read = transport.readErrorList();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        if (read == null) {
            limiter.cancel(slot);
            return false;
        }
        if (warmUp) {
            startWarmUp();
        } else {
            inFlightRequests++;
        }
        read.handle((answer, failure) -> {
            limiter.release(slot, time.now()); // on the answering thread, as for a push
            return answer != null ? answer : ErrorListRead.failed(asRetryable(failure));
        }).thenAccept(answer -> onLoopThread(() -> onErrorListAnswer(answer, reader, warmUp)));
        return true;
    }

    private void onErrorListAnswer(ErrorListRead answer, Consumer<ErrorListRead> reader, boolean warmUp) {
        inFlightRequests--;
        if (warmUp) {
            warmingUp = false;
        }
        PushResult failure = answer.failure();
        if (failure instanceof PushResult.RateLimited limited) {
            Duration pause = limiter.pauseAfterRateLimit(limited.retryAfter(), time.now());
            metrics.rateLimited();
            outcomes.rateLimited(pause, limited.retryAfter().isPresent());
        } else if (failure instanceof PushResult.Unauthorized unauthorized && unauthorized.statusCode() != 403
                && stopReason == null) {
            stop(authMessage(unauthorized) + " (refused on GET /v2/push/_errors, which the pipeline reads because "
                    + "pushErrorsPollInterval is set)");
            outcomes.authenticationFailed(unauthorized.statusCode(), stopReason);
        } else if (failure instanceof PushResult.TlsFailure tls && stopReason == null) {
            stop(tlsMessage(tls));
            outcomes.authenticationFailed(-1, stopReason);
        }
        try {
            reader.accept(answer);
        } catch (RuntimeException e) {
            LOG.warn("Handling the answer of GET /v2/push/_errors failed; the pipeline goes on", e);
        }
        kick();
    }

    /**
     * Re-validates records that coalesced several submissions: each submission passed on its own, but
     * their union can be larger than Ometria's 60 KB per record.
     */
    private List<PendingEntry> checkCoalesced(List<PendingEntry> batch) {
        List<PendingEntry> sendable = new ArrayList<>(batch.size());
        List<PendingEntry> refused = new ArrayList<>();
        for (PendingEntry entry : batch) {
            if (entry.isDone()) {
                refused.add(entry); // withdrawn by every submitter (their futures completed): not sent
            } else if (entry.submissions() > 1 && check.check(entry.record()) instanceof PreSendCheck.Verdict.Reject reject) {
                outcomes.rejected(entry, reject.reason() + " (after coalescing " + entry.submissions() + " updates)");
                refused.add(entry);
            } else {
                sendable.add(entry);
            }
        }
        if (!refused.isEmpty()) {
            queue.release(refused);
        }
        return sendable;
    }

    private void start(List<PendingEntry> entries) {
        start(entries, false);
    }

    private void start(List<PendingEntry> entries, boolean unanswered) {
        BatchRun run = new BatchRun(entries);
        run.unanswered = unanswered;
        active.add(run);
        awaitingFirstAttempt++;
        run.execution = retries.execute(() -> nextAttempt(run), result -> decide(run, result));
        run.execution.whenComplete((result, failure) -> onLoopThread(() -> finish(run, result, failure)));
    }

    /** Called by the retry executor, on the pipeline's thread, when an attempt of {@code run} is due. */
    private CompletableFuture<AttemptResult> nextAttempt(BatchRun run) {
        if (!run.firstAttemptArrived) {
            run.firstAttemptArrived = true;
            awaitingFirstAttempt--;
        }
        CompletableFuture<AttemptResult> promise = new CompletableFuture<>();
        if (stopReason != null || run.finished) {
            promise.complete(AttemptResult.of(new PushResult.Retryable(-1, "the pipeline stopped")));
        } else {
            due.add(new PendingAttempt(run, promise));
            kick();
        }
        return promise;
    }

    private RetryDecision decide(BatchRun run, AttemptResult attempt) {
        if (stopReason != null || run.finished || run.withdrawn) {
            return RetryDecision.DONE;
        }
        PushResult result = attempt.result();
        if (result instanceof PushResult.RateLimited) {
            return RetryDecision.after(attempt.accountPause());
        }
        if (result instanceof PushResult.Retryable) {
            return RetryDecision.BACKOFF;
        }
        return RetryDecision.DONE;
    }

    private void send(PendingAttempt attempt, AccountRateLimiter.Slot slot) {
        BatchRun run = attempt.run();
        run.inFlight = true;
        run.attempts++;
        inFlightRequests++;
        if (LOG.isDebugEnabled()) {
            LOG.debug("Sending {} (attempt {}) at {}", run, run.attempts, time.now());
        }
        CompletableFuture<PushResult> response;
        try {
            response = transport.send(run.records);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.handle((result, failure) -> {
            // On the thread that saw the answer, before anything else: the slot's second starts now, and a pipeline
            // that has shut down (its thread gone) must still give the account's slot back.
            limiter.release(slot, time.now());
            return result != null ? result : asRetryable(failure);
        }).thenAccept(result -> onLoopThread(() -> onResponse(attempt, result)));
    }

    private static PushResult asRetryable(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return new PushResult.Retryable(-1, cause == null ? "no response" : cause.getClass().getSimpleName());
    }

    private void onResponse(PendingAttempt attempt, PushResult result) {
        BatchRun run = attempt.run();
        run.inFlight = false;
        inFlightRequests--;
        metrics.requestCompleted(resultName(result));
        result.queueState().ifPresent(state -> {
            limiter.onQueueState(state);
            outcomes.queueState(state);
        });
        Duration pause = Duration.ZERO;
        if (result instanceof PushResult.RateLimited limited) {
            pause = limiter.pauseAfterRateLimit(limited.retryAfter(), time.now());
            metrics.rateLimited();
            outcomes.rateLimited(pause, limited.retryAfter().isPresent());
        } else if (result instanceof PushResult.Accepted) {
            limiter.onAccepted();
        } else if (result instanceof PushResult.Retryable retryable) {
            LOG.warn("Sending {} failed ({}); retrying with backoff", run, describe(retryable));
            if (retryable.statusCode() < 0) {
                run.unanswered = true; // the request may have reached Ometria anyway
            }
        }
        attempt.promise().complete(new AttemptResult(result, pause));
        kick();
    }

    private void finish(BatchRun run, AttemptResult attempt, Throwable failure) {
        if (run.finished) {
            return;
        }
        LOG.debug("Finished {} with {} at {}", run, attempt == null ? failure : attempt.result(), time.now());
        run.finished = true;
        active.remove(run);
        if (!run.firstAttemptArrived) {
            run.firstAttemptArrived = true;
            awaitingFirstAttempt--;
        }
        PushResult result = attempt == null ? null : attempt.result();
        String stopped = stopReason;
        if (run.withdrawn) {
            LOG.debug("{} withdrawn by its submitters before a retry; not sent again", run);
        } else if (failure != null || result == null) {
            outcomes.abandoned(run.entries, stopped != null ? stopped
                    : "internal error while sending: " + (failure == null ? "no result" : failure));
        } else if (stopped != null && !(result instanceof PushResult.Accepted)) {
            outcomes.abandoned(run.entries, stopped);
        } else if (result instanceof PushResult.Accepted accepted) {
            outcomes.accepted(run, accepted);
        } else if (result instanceof PushResult.BadRequest bad) {
            if (run.entries.size() > 1) {
                LOG.warn("Ometria refused a request of {} with HTTP {}; splitting it to find the refused record",
                        run, bad.statusCode());
                for (List<PendingEntry> half : BatchBisector.split(run.entries)) {
                    start(half, run.unanswered);
                }
                kick();
                return; // the entries live on in the halves, their keys stay in flight
            }
            outcomes.rejected(run.entries.get(0), "Ometria refused " + run.records.get(0).key() + " with "
                    + withStatus(bad.statusCode(), bad.reason()));
        } else if (result instanceof PushResult.Unauthorized unauthorized) {
            stop(authMessage(unauthorized));
            outcomes.authenticationFailed(unauthorized.statusCode(), stopReason);
            outcomes.abandoned(run.entries, stopReason);
        } else if (result instanceof PushResult.TlsFailure tls) {
            stop(tlsMessage(tls));
            // Reported as an authentication failure: the server could not be authenticated; health checks see it.
            outcomes.authenticationFailed(-1, stopReason);
            outcomes.abandoned(run.entries, stopReason);
        } else if (result instanceof PushResult.Retryable retryable) {
            outcomes.deadLettered(run.entries, "Sending failed for longer than the retry budget ("
                    + run.attempts + " attempts); last failure: " + describe(retryable));
        } else {
            outcomes.abandoned(run.entries, "unexpected final result " + result);
        }
        queue.release(run.entries);
        kick();
    }

    private static String authMessage(PushResult.Unauthorized unauthorized) {
        return "Ometria refused the API key (HTTP " + unauthorized.statusCode() + "): check the key configured for "
                + "this pipeline and that it may push data; the pipeline has stopped sending and must be rebuilt "
                + "with a valid key";
    }

    private static String tlsMessage(PushResult.TlsFailure tls) {
        return "Could not open a trusted connection to Ometria: " + tls.reason() + ". The pipeline has stopped "
                + "sending (retrying cannot fix a certificate) and must be rebuilt once the endpoint or trust store "
                + "is fixed";
    }

    private static String describe(PushResult.Retryable retryable) {
        return retryable.statusCode() < 0 ? retryable.reason() : withStatus(retryable.statusCode(), retryable.reason());
    }

    /**
     * A result's reason led by its HTTP status, named once: the client's reasons already start with it
     * ({@code HTTP 503 ...}), a custom transport's may not ({@code Service Unavailable}).
     */
    private static String withStatus(int statusCode, String reason) {
        String status = "HTTP " + statusCode;
        if (reason == null || reason.isBlank()) {
            return status;
        }
        boolean namesIt = reason.startsWith(status)
                && (reason.length() == status.length() || !Character.isDigit(reason.charAt(status.length())));
        return namesIt ? reason : status + ": " + reason;
    }

    private static String resultName(PushResult result) {
        if (result instanceof PushResult.Accepted) {
            return "accepted";
        } else if (result instanceof PushResult.RateLimited) {
            return "rate_limited";
        } else if (result instanceof PushResult.BadRequest) {
            return "bad_request";
        } else if (result instanceof PushResult.Unauthorized) {
            return "unauthorized";
        } else if (result instanceof PushResult.TlsFailure) {
            return "tls_failure";
        }
        return "retryable";
    }

    /**
     * Stops sending: everything waiting completes abandoned with {@code reason}; requests in flight still
     * complete with their response when it is an acceptance, abandoned otherwise. Pipeline thread only.
     */
    void stop(String reason) {
        if (stopReason != null) {
            return;
        }
        stopReason = reason;
        queue.close();
        if (wakeup != null) {
            wakeup.cancel();
            wakeup = null;
        }
        due.clear();
        errorListReads.clear();
        for (BatchRun run : new ArrayList<>(active)) {
            if (!run.inFlight) {
                abandonRun(run, reason);
            }
        }
        abandonWaiting(reason);
    }

    /**
     * Gives up on everything still held, requests in flight included (shutdown after its deadline).
     * Pipeline thread only.
     */
    void abandonAll(String reason) {
        stop(reason);
        for (BatchRun run : new ArrayList<>(active)) {
            abandonRun(run, reason);
        }
        abandonWaiting(reason);
    }

    private void abandonRun(BatchRun run, String reason) {
        run.finished = true;
        active.remove(run);
        run.execution.cancel(false);
        outcomes.abandoned(run.entries, reason);
        queue.release(run.entries);
    }

    private void abandonWaiting(String reason) {
        List<PendingEntry> waiting = queue.removeWaiting();
        if (!waiting.isEmpty()) {
            outcomes.abandoned(waiting, reason);
        }
    }

    private void wakeAt(Instant deadline) {
        if (wakeup != null && wakeupAt.equals(deadline) && time.now().isBefore(deadline)) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel();
        }
        wakeupAt = deadline;
        wakeup = time.schedule(deadline, this::kick);
    }

    private void onLoopThread(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            // Shut down: the shutdown completed every record that was still held.
        }
    }
}
