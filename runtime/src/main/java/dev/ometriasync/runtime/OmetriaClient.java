package dev.ometriasync.runtime;

import dev.ometriasync.runtime.internal.client.ApiKey;
import dev.ometriasync.runtime.internal.client.ErrorListRead;
import dev.ometriasync.runtime.internal.client.HttpPushTransport;
import dev.ometriasync.runtime.internal.client.OmetriaEndpoint;
import dev.ometriasync.schema.OmetriaSchema;
import dev.ometriasync.schema.RecordType;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP client for Ometria's Push API: {@code POST /v2/push} and {@code GET /v2/push/_errors}, built on
 * {@code java.net.http}.
 *
 * <p>It sends one request per call and classifies the answer; it does not batch, throttle or retry — the
 * push pipeline does that on top of it. A push never completes exceptionally for an HTTP status, an I/O
 * error or a timeout: each becomes a {@link PushResult} (see the package documentation of
 * {@code dev.ometriasync.runtime.internal.client} and {@code docs/readme/client.md} for the table).
 *
 * <pre>{@code
 * OmetriaClient client = OmetriaClient.builder()
 *         .apiKey(System.getenv("OMETRIA_API_KEY"))
 *         .build();
 * PushResult result = client.push(List.of(record)).join();
 * }</pre>
 *
 * <p>The API key is never part of {@link #toString()}, a log line or an exception message. Instances are
 * thread-safe and meant to be shared.
 */
public final class OmetriaClient {

    /** Default time to wait for a complete response to one request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Default time to wait for a connection, when the client builds its own {@link HttpClient}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final OmetriaEndpoint endpoint;
    private final ApiKey apiKey;
    private final HttpPushTransport transport;

    private OmetriaClient(Builder builder) {
        this.endpoint = OmetriaEndpoint.of(builder.endpoint);
        this.apiKey = builder.apiKey;
        HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                // HTTP/1.1 keeps connection handling simple and predictable at a few requests per second.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout)
                .build();
        this.transport = new HttpPushTransport(http, endpoint, apiKey, builder.requestTimeout, builder.clock);
    }

    /**
     * Starts building a client.
     *
     * @return a builder; only {@link Builder#apiKey(String)} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends one batch to {@code POST {endpoint}/v2/push}.
     *
     * @param records 1 to {@value OmetriaSchema#MAX_RECORDS_PER_REQUEST} records of one {@code @type}
     *        (Ometria asks that types are never mixed in one call)
     * @return the classified result; the future does not complete exceptionally for HTTP or network failures
     * @throws IllegalArgumentException when the batch is empty, too large, or mixes record types
     */
    public CompletableFuture<PushResult> push(List<OmetriaRecord> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A push request needs at least one record");
        }
        if (records.size() > OmetriaSchema.MAX_RECORDS_PER_REQUEST) {
            throw new IllegalArgumentException("A push request holds at most " + OmetriaSchema.MAX_RECORDS_PER_REQUEST
                    + " records (Ometria's limit); got " + records.size() + ". Split the batch");
        }
        RecordType type = Objects.requireNonNull(records.get(0), "records[0]").type();
        for (int i = 1; i < records.size(); i++) {
            RecordType other = Objects.requireNonNull(records.get(i), "records[" + i + "]").type();
            if (other != type) {
                throw new IllegalArgumentException("A push request must hold records of one @type (Ometria's rule); got "
                        + type.jsonName() + " and " + other.jsonName() + " (records[" + i + "])");
            }
        }
        return transport.push(List.copyOf(records));
    }

    /**
     * Opens a connection before the first push (for the pipeline): a {@code GET /v2/push/_errors} whose answer is
     * ignored.
     *
     * @return completes, never exceptionally, when the request ended
     */
    CompletableFuture<Void> warmUp() {
        return transport.warmUp();
    }

    /**
     * Reads {@code GET /v2/push/_errors} for the pipeline's poller: failures classified as a push's would be.
     *
     * @return the read; never completes exceptionally
     */
    CompletableFuture<ErrorListRead> readErrorList() {
        return transport.readErrorList();
    }

    /**
     * Reads {@code GET {endpoint}/v2/push/_errors}: the 100 most recent validation errors of the account.
     * Ometria validates pushed records after acknowledging them, and these entries are the only trace of a
     * record that failed then. They carry no request id or record id.
     *
     * @return the entries; completes exceptionally with {@link OmetriaRequestException} on a non-200 answer,
     *         an unreadable body, or a network failure
     */
    public CompletableFuture<List<PushError>> recentErrors() {
        return transport.recentErrors();
    }

    /**
     * The configured base URL.
     *
     * @return such as {@code https://api.ometria.com}
     */
    public URI endpoint() {
        return endpoint.base();
    }

    /** Names the endpoint and the key's fingerprint, never the key. */
    @Override
    public String toString() {
        return "OmetriaClient[endpoint=" + endpoint + ", apiKey=" + apiKey + "]";
    }

    /** Builds an {@link OmetriaClient}; each setter checks its argument. */
    public static final class Builder {
        private ApiKey apiKey;
        private URI endpoint = OmetriaEndpoint.DEFAULT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The Ometria API key, sent as {@code X-Ometria-Auth}. Required.
         *
         * @param apiKey the key; surrounding whitespace is removed
         * @return this builder
         * @throws IllegalArgumentException when blank or containing whitespace or control characters
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            return this;
        }

        /**
         * The base URL of the API. Default {@code https://api.ometria.com}. Plain {@code http://} is refused
         * unless the host is a loopback address ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), as for
         * the local {@code OmetriaSimulator}.
         *
         * @param endpoint the base URL, without {@code /v2}
         * @return this builder
         * @throws IllegalArgumentException when the URL is not allowed
         */
        public Builder endpoint(URI endpoint) {
            OmetriaEndpoint.of(endpoint);
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The base URL of the API, as text.
         *
         * @param endpoint the base URL, without {@code /v2}
         * @return this builder
         * @throws IllegalArgumentException when the URL is malformed or not allowed
         * @see #endpoint(URI)
         */
        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint")));
        }

        /**
         * How long to wait for the complete response to one request; a request that takes longer is a
         * retryable failure. Default 30 seconds.
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long to wait for a connection. Default 10 seconds. Applies only when the client builds its
         * own {@link HttpClient}; with {@link #httpClient(HttpClient)}, that client's setting applies.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The {@link HttpClient} to send with, for example one whose {@code SSLContext} trusts a test
         * server's self-signed certificate, or one with a proxy. By default the client builds its own
         * (HTTP/1.1, no redirects, connect timeout as configured). A client that follows redirects could
         * send the API key to another host: leave redirects off.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The clock a {@code Retry-After} HTTP-date is measured against. Default the system clock; tests
         * share one fake clock between the simulator and the runtime.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when no API key was given
         */
        public OmetriaClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("An Ometria API key is required: call apiKey(...) "
                        + "(create one in the Ometria app under Settings → API keys)");
            }
            return new OmetriaClient(this);
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "OmetriaClient.Builder[endpoint=" + endpoint + ", apiKey=" + (apiKey == null ? "unset" : apiKey)
                    + ", requestTimeout=" + requestTimeout + "]";
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + value);
            }
            return value;
        }
    }
}
