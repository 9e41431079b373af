package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.runtime.internal.resilience.FailsafeRetryExecutor;
import dev.ometriasync.runtime.internal.time.Deadlines;
import dev.ometriasync.runtime.resilience.Backoff;
import dev.ometriasync.runtime.spi.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline behind {@code OmetriaPipeline}: validation at submission, the {@link PendingQueue}, the
 * {@link SendLoop} on one thread of its own, and the lifecycle (flush, close). Internal: not API.
 */
public final class PipelineEngine {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ometriasync.runtime.OmetriaPipeline");

    /**
     * What the engine needs to know.
     *
     * @param name names the pipeline's thread and meters
     * @param apiKey only used (digested) to find the account's shared rate limiter
     * @param endpoint the endpoint, part of the account's identity
     * @param requestsPerSecond the account's rate
     * @param maxBatchSize records per request
     * @param maxQueuedRecords memory bound in records
     * @param maxQueuedBytes memory bound in estimated bytes
     * @param enqueueTimeout how long a submission waits for room
     * @param shutdownTimeout how long {@link #close()} keeps sending
     * @param retry backoff and retry budget
     * @param pushErrorsPollInterval how often to read {@code GET /v2/push/_errors}, or null not to
     */
    public record Config(String name, String apiKey, URI endpoint, double requestsPerSecond, int maxBatchSize,
            int maxQueuedRecords, long maxQueuedBytes, Duration enqueueTimeout, Duration shutdownTimeout,
            Backoff retry, Duration pushErrorsPollInterval) {

        /** Never prints the API key. */
        @Override
        public String toString() {
            return "Config[name=" + name + ", endpoint=" + endpoint + ", requestsPerSecond=" + requestsPerSecond + "]";
        }
    }

    private final Config config;
    private final TimeSource time;
    private final PreSendCheck check;
    private final PipelineMetrics metrics;
    private final OutcomeReporter outcomes;
    private final PendingQueue queue;
    private final AccountRateLimiters.Lease limiterLease;
    private final ThreadPoolExecutor executor;
    private final SendLoop loop;
    private final PushErrorPoller errorPoller;
    private final Set<CompletableFuture<Outcome>> outstanding = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread loopThread;

    /**
     * Starts a pipeline.
     *
     * @param config the settings
     * @param time the clock for every timing decision
     * @param transport sends requests
     * @param check local validation at submission
     * @param listener callbacks
     * @param metrics meters
     */
    public PipelineEngine(Config config, TimeSource time, BatchSender transport, PreSendCheck check,
            OmetriaListener listener, PipelineMetrics metrics) {
        this.config = config;
        this.time = time;
        this.check = check;
        this.metrics = metrics;
        this.queue = new PendingQueue(time, config.maxQueuedRecords(), config.maxQueuedBytes());
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "ometria-pipeline-" + config.name());
            thread.setDaemon(true);
            loopThread = thread;
            return thread;
        });
        this.errorPoller = config.pushErrorsPollInterval() == null ? null
                : new PushErrorPoller(time, executor, config.pushErrorsPollInterval(), listener, metrics);
        this.outcomes = errorPoller == null ? new OutcomeReporter(listener, metrics)
                : new OutcomeReporter(listener, metrics, errorPoller::acknowledged);
        this.limiterLease = AccountRateLimiters.join(config.apiKey(), config.endpoint(), time,
                config.requestsPerSecond());
        this.loop = new SendLoop(time, transport, limiterLease.limiter(),
                new FailsafeRetryExecutor(time, executor, config.retry()), queue, check, outcomes, metrics, executor,
                config.maxBatchSize());
        metrics.bindGauges(queue::size, queue::oldestHeldSince, time::now);
        // The warm-up goes before the first record, not now; with the poller it is its first read of
        // GET /v2/push/_errors (the same request).
        executor.execute(errorPoller == null ? () -> loop.warmUpBeforeFirstRecord(null) : () -> errorPoller.start(loop));
        LOG.info("Ometria pipeline '{}' started: endpoint {}, {} requests/s, batches of up to {} records{}",
                config.name(), config.endpoint(), config.requestsPerSecond(), config.maxBatchSize(),
                errorPoller == null ? "" : ", reading GET /v2/push/_errors every " + config.pushErrorsPollInterval());
    }

    /**
     * The validation errors the poller reported lately.
     *
     * @return newest first; empty when the poller does not run
     */
    public List<PushErrorReport> pushErrors() {
        return errorPoller == null ? List.of() : errorPoller.recentReports();
    }

    /**
     * Why the pipeline stopped sending on its own (Ometria refused the API key), or null while it sends.
     *
     * @return the reason, or null
     */
    public String stoppedReason() {
        return loop.stopReason();
    }

    /**
     * Submits a record; see {@code OmetriaPipeline#submit}.
     *
     * @param record the record
     * @param priority its priority
     * @return its outcome, later
     */
    public CompletionStage<Outcome> submit(OmetriaRecord record, Priority priority) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(priority, "priority");
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        if (closed.get()) {
            outcomes.abandonedAtSubmit(record, future, closedMessage());
            return future;
        }
        String stopped = loop.stopReason();
        if (stopped != null) {
            outcomes.abandonedAtSubmit(record, future, stopped);
            return future;
        }
        PreSendCheck.Verdict verdict = check.check(record);
        if (verdict instanceof PreSendCheck.Verdict.Reject reject) {
            outcomes.rejectedLocally(record, future, reject.reason());
            return future;
        }
        PreSendCheck.Verdict.Pass pass = (PreSendCheck.Verdict.Pass) verdict;
        for (String dropped : pass.droppedFields()) {
            outcomes.fieldDropped(record, dropped);
        }
        for (String truncated : pass.truncatedFields()) {
            outcomes.fieldTruncated(record, truncated);
        }
        // The pipeline's own thread must never wait for room: only it can make room.
        Instant deadline = Thread.currentThread() == loopThread ? time.now()
                : Deadlines.after(time, config.enqueueTimeout());
        switch (queue.offer(pass.record(), priority, future, deadline)) {
            case ACCEPTED -> {
                outstanding.add(future);
                future.whenComplete((outcome, failure) -> outstanding.remove(future));
                loop.kick();
            }
            case TIMED_OUT -> outcomes.abandonedAtSubmit(record, future, "The pipeline's queue is full ("
                    + queue.size() + " records held, limits " + config.maxQueuedRecords() + " records / "
                    + config.maxQueuedBytes() + " bytes) and stayed full for " + config.enqueueTimeout()
                    + "; the record was not queued. Submit it again later, or raise maxQueuedRecords/maxQueuedBytes "
                    + "if Ometria is reachable and this happens under normal load");
            case CLOSED -> outcomes.abandonedAtSubmit(record, future,
                    closed.get() || loop.stopReason() == null ? closedMessage() : loop.stopReason());
            case INTERRUPTED -> outcomes.abandonedAtSubmit(record, future,
                    "The submitting thread was interrupted while waiting for room in the pipeline's queue");
        }
        return future;
    }

    private String closedMessage() {
        return "The Ometria pipeline '" + config.name() + "' is closed; the record was not queued";
    }

    /**
     * Waits until every record submitted before this call has its outcome.
     *
     * @param timeout the longest wait, on the pipeline's time source
     * @return true when all of them completed in time
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] snapshot = outstanding.toArray(new CompletableFuture<?>[0]);
        if (snapshot.length == 0) {
            return true;
        }
        return Deadlines.await(time, CompletableFuture.allOf(snapshot), Deadlines.after(time, timeout));
    }

    /**
     * Stops accepting records, keeps sending what is held for up to the shutdown timeout, then completes
     * whatever is left {@linkplain Outcome#abandoned abandoned} and reports it. Idempotent.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (errorPoller != null) {
            errorPoller.close(); // no more reads: the records still held go first
        }
        queue.close();
        // Withdrawn records (their submitters completed them) are never sent: neither counted nor waited for.
        int toSend = queue.awaitingOutcome();
        boolean drained = true;
        if (toSend > 0 && Thread.currentThread() != loopThread) {
            LOG.info("Closing Ometria pipeline '{}': sending the {} record(s) it holds (up to {})", config.name(), toSend,
                    config.shutdownTimeout());
            try {
                drained = Deadlines.await(time, queue.whenEmpty(), Deadlines.after(time, config.shutdownTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drained = false;
            }
        }
        String reason = "The Ometria pipeline '" + config.name() + "' was closed before the record could be sent "
                + "(shutdown timeout " + config.shutdownTimeout() + "); it may be sent again later";
        CompletableFuture<Void> swept = new CompletableFuture<>();
        try {
            // Also after a clean drain: a record accepted just before close() must not be left behind.
            executor.execute(() -> {
                try {
                    loop.abandonAll(reason);
                } finally {
                    swept.complete(null);
                }
            });
            if (Thread.currentThread() != loopThread) {
                swept.join();
            }
        } finally {
            executor.shutdown();
            limiterLease.close();
            metrics.close();
        }
        if (!drained) {
            LOG.warn("Ometria pipeline '{}' closed with records left unsent; they were reported abandoned", config.name());
        } else {
            LOG.info("Ometria pipeline '{}' closed", config.name());
        }
    }

    /**
     * Whether the pipeline is doing nothing at this moment but waiting for its clock: no request in flight,
     * no work queued for its thread. For tests that drive a manual clock: advancing it only when this holds
     * means every request arrives at the instant it was sent. Package-private: tests reach it through their
     * own probe in this package; nothing in production asks.
     *
     * @return true when quiescent
     */
    boolean quiescent() {
        CompletableFuture<Boolean> idle = new CompletableFuture<>();
        try {
            // Both checks on the pipeline's thread: only it takes tasks from its queue, so nothing can slip
            // between them; other threads only add tasks while a request is in flight.
            executor.execute(() -> idle.complete(loop.inFlightRequests() == 0 && executor.getQueue().isEmpty()));
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            return true;
        }
        return idle.join();
    }

    /**
     * Records held, in flight included, after coalescing.
     *
     * @return the count
     */
    public int heldRecords() {
        return queue.size();
    }
}
