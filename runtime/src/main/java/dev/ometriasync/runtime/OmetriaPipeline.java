package dev.ometriasync.runtime;

import dev.ometriasync.runtime.internal.client.ApiKey;
import dev.ometriasync.runtime.internal.client.ErrorListRead;
import dev.ometriasync.runtime.internal.pipeline.BatchSender;
import dev.ometriasync.runtime.internal.pipeline.MicrometerPipelineMetrics;
import dev.ometriasync.runtime.internal.pipeline.PipelineEngine;
import dev.ometriasync.runtime.internal.pipeline.PipelineMetrics;
import dev.ometriasync.runtime.internal.time.TimeSourceClock;
import dev.ometriasync.runtime.internal.validation.RecordValidator;
import dev.ometriasync.runtime.internal.validation.ValidatingPreSendCheck;
import dev.ometriasync.runtime.resilience.Backoff;
import dev.ometriasync.runtime.settings.PipelineProperties;
import dev.ometriasync.runtime.spi.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends records to Ometria's push endpoint asynchronously: batched (one {@code @type}, at most 100 records
 * per request), coalesced while waiting, rate-limited per account, retried, and never dropped silently.
 *
 * <pre>{@code
 * try (OmetriaPipeline pipeline = OmetriaPipeline.builder()
 *         .apiKey(System.getenv("OMETRIA_API_KEY"))
 *         .requestsPerSecond(4)
 *         .build()) {
 *     pipeline.submit(record, Priority.LIVE)
 *             .thenAccept(outcome -> log.info("{}", outcome));
 * }
 * }</pre>
 *
 * <p>Every submitted record's future completes exactly once, with an {@link Outcome}: accepted by Ometria,
 * rejected (locally or by Ometria), dead-lettered after the retry budget, or abandoned (pipeline closed or
 * stopped, queue full). Futures complete on the pipeline's own thread; use the {@code ...Async} variants of
 * {@link CompletionStage} with your own executor for slow follow-up work.
 *
 * <p>Thread-safe. One pipeline per application and account is the norm; pipelines with the same API key
 * and endpoint share one rate limiter, so several of them never exceed the account's rate together.
 */
public final class OmetriaPipeline implements AutoCloseable {

    private final PipelineSettings settings;
    private final PipelineEngine engine;

    OmetriaPipeline(PipelineSettings settings, PipelineEngine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    /**
     * Starts building a pipeline.
     *
     * @return a builder with every option at its default; only the API key is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues a record for sending. Returns at once, unless the queue is full: then the caller waits up to
     * the enqueue timeout for room, after which the record completes {@link Outcome.Status#ABANDONED} with a
     * reason saying so.
     *
     * <p>A record that fails local validation completes {@link Outcome.Status#REJECTED} at once. A record
     * for a key (type, collection, id) that is already waiting is merged into it
     * ({@link OmetriaRecord#mergedWith}), and both futures complete with the outcome of the request that
     * carries the merged record.
     *
     * <p>A submitter can withdraw a record that is not yet on its way: complete the returned stage's
     * {@code CompletableFuture} itself (for example {@code cancel(false)}). A queued record all of whose
     * submissions were withdrawn is not sent, and a batch all of whose records were withdrawn is not retried;
     * a request already in flight cannot be called back. An accepted outcome with {@link Outcome#inDoubt()} says
     * that an earlier, unanswered attempt may still reach Ometria later.
     *
     * @param record the record
     * @param priority {@link Priority#LIVE} records are sent before {@link Priority#BACKFILL} records
     * @return completes with what finally happened to the record
     */
    public CompletionStage<Outcome> submit(OmetriaRecord record, Priority priority) {
        return engine.submit(record, priority);
    }

    /**
     * Queues a live record; see {@link #submit(OmetriaRecord, Priority)}.
     *
     * @param record the record
     * @return completes with what finally happened to the record
     */
    public CompletionStage<Outcome> submit(OmetriaRecord record) {
        return engine.submit(record, Priority.LIVE);
    }

    /**
     * Waits until every record submitted before this call has its outcome (records are sent as soon as the
     * rate allows anyway; this only waits).
     *
     * @param timeout the longest wait, measured on the pipeline's {@link TimeSource}
     * @return true when all of them completed in time, false on timeout
     * @throws InterruptedException when the calling thread is interrupted
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return engine.flush(timeout);
    }

    /**
     * Stops accepting records (later submissions complete abandoned), keeps sending what the pipeline holds
     * for up to the shutdown timeout, then completes whatever is left {@link Outcome.Status#ABANDONED},
     * reports it to the listener and the log, and releases the pipeline's thread. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Why the pipeline stopped sending on its own, if it did: Ometria refused the API key (401/403). A stopped
     * pipeline completes every record {@link Outcome.Status#ABANDONED}; build a new one with a valid key.
     *
     * @return the reason, or empty while the pipeline sends
     */
    public java.util.Optional<String> stoppedReason() {
        return java.util.Optional.ofNullable(engine.stoppedReason());
    }

    /**
     * The settings the pipeline runs with.
     *
     * @return the settings
     */
    public PipelineSettings settings() {
        return settings;
    }

    /**
     * How many records the pipeline holds: queued (after coalescing) and in flight.
     *
     * @return the count
     */
    public int heldRecords() {
        return engine.heldRecords();
    }

    /**
     * The validation errors Ometria listed lately at {@code GET /v2/push/_errors}, as this pipeline's poller reported
     * them ({@link Builder#pushErrorsPollInterval}), each tied to its record where that can be told (see
     * {@link PushErrorReport}).
     *
     * @return at most 100 reports, newest first; empty when the poller is off
     */
    public List<PushErrorReport> pushErrors() {
        return engine.pushErrors();
    }

    @Override
    public String toString() {
        return "OmetriaPipeline[" + settings.name() + ", " + settings.endpoint() + "]";
    }

    /**
     * Builds an {@link OmetriaPipeline}. Every setter checks its argument at once and throws
     * {@link IllegalArgumentException} (or {@link NullPointerException}) saying what is wrong.
     */
    public static final class Builder {

        /** The fraction by which a retry delay may be moved either way, so that failing batches spread out. */
        private static final double RETRY_JITTER = 0.25;
        // Every default and every limit is the settings model's (PipelineProperties): declared once there.
        String name = "default";
        String apiKey;
        URI endpoint = PipelineProperties.ENDPOINT.defaultValue();
        double requestsPerSecond = PipelineProperties.REQUESTS_PER_SECOND.defaultValue();
        int maxBatchSize = PipelineProperties.MAX_BATCH_SIZE.defaultValue();
        Duration retryMaxDuration = PipelineProperties.RETRY_MAX_DURATION.defaultValue();
        Duration retryInitialDelay = PipelineProperties.RETRY_INITIAL_DELAY.defaultValue();
        Duration retryMaxDelay = PipelineProperties.RETRY_MAX_DELAY.defaultValue();
        int maxQueuedRecords = PipelineProperties.QUEUE_MAX_RECORDS.defaultValue();
        long maxQueuedBytes = PipelineProperties.QUEUE_MAX_BYTES.defaultValue();
        Duration enqueueTimeout = PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.defaultValue();
        Duration shutdownTimeout = PipelineProperties.SHUTDOWN_TIMEOUT.defaultValue();
        Duration requestTimeout = PipelineProperties.REQUEST_TIMEOUT.defaultValue();
        OmetriaListener listener = new OmetriaListener() {
        };
        TimeSource timeSource = TimeSource.system();
        HttpClient httpClient;
        /** A MeterRegistry, typed Object so that this class never needs Micrometer to load. */
        Object meterRegistry;
        InvalidFieldPolicy invalidFieldPolicy = PipelineProperties.INVALID_FIELD_POLICY.defaultValue();
        Duration pushErrorsPollInterval = PipelineProperties.PUSH_ERRORS_POLL_INTERVAL.defaultValue();

        private Builder() {
        }

        /**
         * Names the pipeline: its thread is {@code ometria-pipeline-<name>}, its meters carry
         * {@code pipeline=<name>}. Default {@code default}.
         *
         * @param name letters, digits, {@code -}, {@code _} or {@code .}
         * @return this builder
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '.', '_' or '-', got '"
                        + name + "'");
            }
            this.name = name;
            return this;
        }

        /**
         * The Ometria API key, sent as {@code X-Ometria-Auth}. Required. Never logged or shown by
         * {@code toString()}.
         *
         * @param apiKey the key; surrounding whitespace is removed, whitespace or control characters inside
         *     it are refused
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            ApiKey.of(apiKey); // the client's rules and messages, which never echo the key
            this.apiKey = apiKey.strip();
            return this;
        }

        /**
         * Ometria's base URI; requests go to {@code <endpoint>/v2/push}. Default
         * {@code https://api.ometria.com}. Plain {@code http} is refused except for loopback addresses
         * (tests, the simulator).
         *
         * @param endpoint an absolute {@code https} (or loopback {@code http}) URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = PipelineProperties.ENDPOINT.check(endpoint, "endpoint");
            return this;
        }

        /**
         * The account's request budget. Default 4 (Ometria's documented Data API limit; its current page
         * allows 8 for push). The pipeline runs 3% below it so that jitter cannot push one request too many
         * into a second. Pipelines sharing an account share one limiter, running at the lowest rate any of
         * them was given.
         *
         * @param requestsPerSecond more than 0, at most 1000
         * @return this builder
         */
        public Builder requestsPerSecond(double requestsPerSecond) {
            this.requestsPerSecond = PipelineProperties.REQUESTS_PER_SECOND.check(requestsPerSecond, "requestsPerSecond");
            return this;
        }

        /**
         * The most records per request. Default and maximum 100 (Ometria's limit).
         *
         * @param maxBatchSize 1 to 100
         * @return this builder
         */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = PipelineProperties.MAX_BATCH_SIZE.check(maxBatchSize, "maxBatchSize");
            return this;
        }

        /**
         * The retry budget: how long a batch may keep failing (5xx, I/O errors, timeouts) before its
         * records are dead-lettered. Time paused by 429 answers does not count. Default 24 hours.
         *
         * @param retryMaxDuration zero (no retries) or more
         * @return this builder
         */
        public Builder retryMaxDuration(Duration retryMaxDuration) {
            this.retryMaxDuration = PipelineProperties.RETRY_MAX_DURATION.check(notNegative(retryMaxDuration, "retryMaxDuration"),
                    "retryMaxDuration");
            return this;
        }

        /**
         * The delay after the first transient failure; it doubles with each further failure, with ±25%
         * jitter, up to {@link #retryMaxDelay}. Default 1 second.
         *
         * @param retryInitialDelay positive
         * @return this builder
         */
        public Builder retryInitialDelay(Duration retryInitialDelay) {
            this.retryInitialDelay = PipelineProperties.RETRY_INITIAL_DELAY.check(retryInitialDelay, "retryInitialDelay");
            return this;
        }

        /**
         * The longest delay between two attempts of a failing batch. Default 5 minutes.
         *
         * @param retryMaxDelay positive, longer than the initial delay
         * @return this builder
         */
        public Builder retryMaxDelay(Duration retryMaxDelay) {
            this.retryMaxDelay = PipelineProperties.RETRY_MAX_DELAY.check(retryMaxDelay, "retryMaxDelay");
            return this;
        }

        /**
         * Memory bound: the most records held at once (after coalescing, in flight included). Default
         * 100,000.
         *
         * @param maxQueuedRecords at least 1
         * @return this builder
         */
        public Builder maxQueuedRecords(int maxQueuedRecords) {
            this.maxQueuedRecords = PipelineProperties.QUEUE_MAX_RECORDS.check(maxQueuedRecords, "maxQueuedRecords");
            return this;
        }

        /**
         * Memory bound: the most bytes of record JSON held at once (estimated from the records' characters).
         * Default 64 MiB.
         *
         * @param maxQueuedBytes at least 64 KiB (one record can be 60 KB)
         * @return this builder
         */
        public Builder maxQueuedBytes(long maxQueuedBytes) {
            this.maxQueuedBytes = PipelineProperties.QUEUE_MAX_BYTES.check(maxQueuedBytes, "maxQueuedBytes");
            return this;
        }

        /**
         * Back-pressure: how long {@code submit} blocks when the queue is full before it gives up on the
         * record (the record then completes abandoned, with a reason saying the queue was full). Default
         * 10 seconds.
         *
         * @param enqueueTimeout zero (never wait) or more
         * @return this builder
         */
        public Builder enqueueTimeout(Duration enqueueTimeout) {
            this.enqueueTimeout = PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.check(notNegative(enqueueTimeout, "enqueueTimeout"),
                    "enqueueTimeout");
            return this;
        }

        /**
         * How long {@code close()} keeps sending what the pipeline holds before it abandons the rest.
         * Default 10 seconds.
         *
         * @param shutdownTimeout zero or more
         * @return this builder
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = PipelineProperties.SHUTDOWN_TIMEOUT.check(notNegative(shutdownTimeout, "shutdownTimeout"),
                    "shutdownTimeout");
            return this;
        }

        /**
         * How long to wait for the complete response to one request; a request that takes longer counts as
         * a transient failure and is retried. Measured in real time by the HTTP client. Default 30 seconds.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = PipelineProperties.REQUEST_TIMEOUT.check(positive(requestTimeout, "requestTimeout"),
                    "requestTimeout");
            return this;
        }

        /**
         * Callbacks for outcomes, rate limiting and authentication failures. Default: none.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(OmetriaListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock of every timing decision. Default {@link TimeSource#system()}; tests pass a manual clock.
         *
         * @param timeSource the time source
         * @return this builder
         */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /**
         * The HTTP client to send with (a proxy, a custom {@code SSLContext} for tests, ...). Default: one
         * created by the pipeline.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Publishes meters (queue depth, oldest pending age, requests by result, 429s, dead letters,
         * rejections) to a Micrometer registry. Micrometer is an optional dependency: without this call the
         * pipeline never loads it.
         *
         * @param meterRegistry an {@code io.micrometer.core.instrument.MeterRegistry}
         * @return this builder
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * What local validation does with a record whose optional field is invalid (a phone number that is not
         * E.164, say): leave the field out and report it to {@link OmetriaListener#invalidFieldDropped}
         * (default), or reject the record. Missing or invalid required fields, ids with whitespace and records
         * over 60 KB are rejected either way.
         *
         * @param invalidFieldPolicy the policy
         * @return this builder
         */
        public Builder invalidFieldPolicy(InvalidFieldPolicy invalidFieldPolicy) {
            this.invalidFieldPolicy = Objects.requireNonNull(invalidFieldPolicy, "invalidFieldPolicy");
            return this;
        }

        /**
         * Reads Ometria's validation errors ({@code GET /v2/push/_errors}: records Ometria acknowledged and found
         * invalid later, which no push answer reports) every {@code interval}, and reports each new entry to
         * {@link OmetriaListener#pushErrorListed}, the meter {@code ometria.pipeline.push.errors}, the log (WARN) and
         * {@link OmetriaPipeline#pushErrors()}, tied to its record type and id where that can be told (Ometria's entry
         * names neither; see {@link PushErrorReport}). Off by default.
         *
         * <p>Each read is one request of the account's budget: it takes a slot from the same rate limiter as the
         * pushes (ahead of the next batch, so a busy pipeline cannot starve it), and a 429 on it pauses the account
         * as one on a push does. The pipeline's first request, which opens its connection, is then a read too: it
         * takes the list as it stands, so entries listed before the pipeline started are not reported. Reads pause
         * while the pipeline has had nothing acknowledged in the last ten minutes, or three intervals when longer (an idle pipeline, or an outbox
         * instance that is not the active relay, spends nothing on them). A 401 on a read stops the pipeline as one on a
         * push does (the key is refused); a 403 (the key may not read this resource) switches only the poller off, with
         * one ERROR, and pushing goes on; any other failure is logged and the next read comes an interval
         * later: it never fails a record.
         *
         * @param interval at least 1 second (minutes are plenty: Ometria lists its 100 most recent errors); null or
         *     zero switches the poller off
         * @return this builder
         */
        public Builder pushErrorsPollInterval(Duration interval) {
            this.pushErrorsPollInterval = interval == null || interval.isZero() ? null
                    : PipelineProperties.PUSH_ERRORS_POLL_INTERVAL.check(notNegative(interval, "pushErrorsPollInterval"),
                            "pushErrorsPollInterval");
            return this;
        }

        /**
         * Checks the options together and starts the pipeline.
         *
         * @return a running pipeline; close it when done
         * @throws IllegalStateException when the API key is missing or options contradict each other
         */
        public OmetriaPipeline build() {
            PipelineSettings settings = settings();
            return new OmetriaPipeline(settings, engine(settings, httpSender()));
        }

        /**
         * The options, checked together.
         *
         * @throws IllegalStateException when the API key is missing or options contradict each other
         */
        PipelineSettings settings() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required: OmetriaPipeline.builder().apiKey(...)");
            }
            if (retryMaxDelay.compareTo(retryInitialDelay) <= 0) {
                throw new IllegalStateException("retryMaxDelay (" + retryMaxDelay + ") must be longer than "
                        + "retryInitialDelay (" + retryInitialDelay + ")");
            }
            return new PipelineSettings(this);
        }

        /**
         * Assembles and starts the engine behind a pipeline (package-private so that a test can hand it a
         * scripted sender, as {@link #build()} hands it the HTTP client).
         */
        PipelineEngine engine(PipelineSettings settings, BatchSender pushTransport) {
            PipelineMetrics metrics = meterRegistry == null ? PipelineMetrics.NONE
                    : new MicrometerPipelineMetrics(meterRegistry, name);
            return new PipelineEngine(new PipelineEngine.Config(name, apiKey, endpoint,
                    requestsPerSecond, maxBatchSize, maxQueuedRecords, maxQueuedBytes, enqueueTimeout,
                    shutdownTimeout, retryBackoff(), pushErrorsPollInterval),
                    timeSource, pushTransport, new ValidatingPreSendCheck(new RecordValidator(invalidFieldPolicy)),
                    listener, metrics);
        }

        /**
         * Retries of transient failures: {@code retryInitialDelay} doubling to {@code retryMaxDelay}, each delay moved by
         * up to ±25% (proportional jitter), within the {@code retryMaxDuration} budget.
         */
        private Backoff retryBackoff() {
            return Backoff.exponential(retryInitialDelay, retryMaxDelay).withProportionalJitter(RETRY_JITTER)
                    .withBudget(retryMaxDuration);
        }

        /** Sends with an {@link OmetriaClient} built from these options. */
        BatchSender httpSender() {
            OmetriaClient.Builder client = OmetriaClient.builder()
                    .apiKey(apiKey)
                    .endpoint(endpoint)
                    .requestTimeout(requestTimeout)
                    .clock(TimeSourceClock.of(timeSource));
            if (httpClient != null) {
                client.httpClient(httpClient);
            }
            OmetriaClient built = client.build();
            return new BatchSender() {
                @Override
                public CompletableFuture<PushResult> send(List<OmetriaRecord> records) {
                    return built.push(records);
                }

                @Override
                public CompletableFuture<?> warmUp() {
                    return built.warmUp();
                }

                @Override
                public CompletableFuture<ErrorListRead> readErrorList() {
                    return built.readErrorList();
                }
            };
        }

        private static Duration notNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + duration);
            }
            return duration;
        }

        private static Duration positive(Duration duration, String name) {
            notNegative(duration, name);
            if (duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }

        /** Never shows the API key. */
        @Override
        public String toString() {
            return "OmetriaPipeline.Builder[name=" + name + ", apiKey=" + (apiKey == null ? "<not set>" : "<set, hidden>")
                    + ", endpoint=" + endpoint + "]";
        }
    }
}
