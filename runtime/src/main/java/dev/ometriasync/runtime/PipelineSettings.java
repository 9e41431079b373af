package dev.ometriasync.runtime;

import dev.ometriasync.runtime.spi.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated, immutable settings of an {@link OmetriaPipeline}, as built by {@link OmetriaPipeline.Builder}.
 * {@link #toString()} never shows the API key.
 */
public final class PipelineSettings {

    private final String name;
    private final String apiKey;
    private final URI endpoint;
    private final double requestsPerSecond;
    private final int maxBatchSize;
    private final Duration retryMaxDuration;
    private final Duration retryInitialDelay;
    private final Duration retryMaxDelay;
    private final int maxQueuedRecords;
    private final long maxQueuedBytes;
    private final Duration enqueueTimeout;
    private final Duration shutdownTimeout;
    private final Duration requestTimeout;
    private final OmetriaListener listener;
    private final TimeSource timeSource;
    private final HttpClient httpClient;
    private final boolean metered;
    private final InvalidFieldPolicy invalidFieldPolicy;
    private final Duration pushErrorsPollInterval;

    PipelineSettings(OmetriaPipeline.Builder builder) {
        this.name = builder.name;
        this.apiKey = builder.apiKey;
        this.endpoint = builder.endpoint;
        this.requestsPerSecond = builder.requestsPerSecond;
        this.maxBatchSize = builder.maxBatchSize;
        this.retryMaxDuration = builder.retryMaxDuration;
        this.retryInitialDelay = builder.retryInitialDelay;
        this.retryMaxDelay = builder.retryMaxDelay;
        this.maxQueuedRecords = builder.maxQueuedRecords;
        this.maxQueuedBytes = builder.maxQueuedBytes;
        this.enqueueTimeout = builder.enqueueTimeout;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.listener = builder.listener;
        this.timeSource = builder.timeSource;
        this.httpClient = builder.httpClient;
        this.metered = builder.meterRegistry != null;
        this.invalidFieldPolicy = builder.invalidFieldPolicy;
        this.pushErrorsPollInterval = builder.pushErrorsPollInterval;
    }

    /** Package-private: the key leaves this object only towards the HTTP client. */
    String apiKey() {
        return apiKey;
    }

    /**
     * The pipeline's name (thread name, meter tag, log lines).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Ometria's base URI.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The account's request rate.
     *
     * @return requests per second
     */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /**
     * The most records per request.
     *
     * @return 1 to 100
     */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * The retry budget.
     *
     * @return how long a batch may keep failing before dead-lettering
     */
    public Duration retryMaxDuration() {
        return retryMaxDuration;
    }

    /**
     * The first backoff delay.
     *
     * @return the delay after the first transient failure
     */
    public Duration retryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The longest backoff delay.
     *
     * @return the cap on the delay between attempts
     */
    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The memory bound in records.
     *
     * @return records held at most
     */
    public int maxQueuedRecords() {
        return maxQueuedRecords;
    }

    /**
     * The memory bound in bytes.
     *
     * @return estimated bytes held at most
     */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /**
     * The back-pressure timeout.
     *
     * @return how long a submission waits for room
     */
    public Duration enqueueTimeout() {
        return enqueueTimeout;
    }

    /**
     * The shutdown deadline.
     *
     * @return how long {@code close()} keeps sending
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * The timeout of one HTTP request.
     *
     * @return how long the client waits for a complete response
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The callbacks.
     *
     * @return the listener (a no-op one when none was set)
     */
    public OmetriaListener listener() {
        return listener;
    }

    /**
     * The clock of every timing decision.
     *
     * @return the time source
     */
    public TimeSource timeSource() {
        return timeSource;
    }

    /**
     * The HTTP client given to the builder.
     *
     * @return the client, or empty when the pipeline creates its own
     */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /**
     * What local validation does with an invalid optional field.
     *
     * @return the policy
     */
    public InvalidFieldPolicy invalidFieldPolicy() {
        return invalidFieldPolicy;
    }

    /**
     * How often the pipeline reads Ometria's validation errors ({@code GET /v2/push/_errors}).
     *
     * @return the interval, or empty when it does not read them (the default)
     */
    public Optional<Duration> pushErrorsPollInterval() {
        return Optional.ofNullable(pushErrorsPollInterval);
    }

    /** Lists every option except the API key, which shows only as set. */
    @Override
    public String toString() {
        return "PipelineSettings[name=" + name + ", apiKey=<set, hidden>, endpoint=" + endpoint
                + ", requestsPerSecond=" + requestsPerSecond + ", maxBatchSize=" + maxBatchSize
                + ", retryMaxDuration=" + retryMaxDuration + ", retryInitialDelay=" + retryInitialDelay
                + ", retryMaxDelay=" + retryMaxDelay + ", maxQueuedRecords=" + maxQueuedRecords
                + ", maxQueuedBytes=" + maxQueuedBytes + ", enqueueTimeout=" + enqueueTimeout
                + ", shutdownTimeout=" + shutdownTimeout + ", requestTimeout=" + requestTimeout
                + ", timeSource=" + timeSource + ", httpClient=" + (httpClient == null ? "default" : "custom")
                + ", meterRegistry=" + (metered ? "set" : "none") + ", invalidFieldPolicy=" + invalidFieldPolicy
                + ", pushErrorsPollInterval=" + (pushErrorsPollInterval == null ? "off" : pushErrorsPollInterval) + "]";
    }
}
