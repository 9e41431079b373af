package dev.ometriasync.runtime.internal.client;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRequestException;
import dev.ometriasync.runtime.PushError;
import dev.ometriasync.runtime.PushResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the two requests of the Push API and hands what comes back to {@link PushResponseClassifier} or
 * {@link RecentErrorsParser}. The only place the API key is put on the wire.
 *
 * <p>Logs at DEBUG: one line per request and one per result, with sizes, statuses and Ometria's request id —
 * never record contents (they hold personal data) and never the key.
 */
public final class HttpPushTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPushTransport.class);

    /** Larger than any answer Ometria documents; protects the heap from a misbehaving proxy. */
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private static final String USER_AGENT = "ometria-sync/" + version();

    private final HttpClient http;
    private final OmetriaEndpoint endpoint;
    private final ApiKey apiKey;
    private final Duration requestTimeout;
    private final PushResponseClassifier classifier;

    /**
     * Creates the transport.
     *
     * @param http the JDK client to send with
     * @param endpoint where to send
     * @param apiKey the account's key
     * @param requestTimeout the timeout of one request
     * @param clock the clock {@code Retry-After} dates are measured against
     */
    public HttpPushTransport(HttpClient http, OmetriaEndpoint endpoint, ApiKey apiKey, Duration requestTimeout, Clock clock) {
        this.http = http;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.classifier = new PushResponseClassifier(apiKey, clock);
        JdkHttpClientLogging.warnIfHeadersAreLogged();
    }

    /**
     * Sends a batch (already checked: 1–100 records of one type).
     *
     * @param records the batch
     * @return the classified result; never completes exceptionally for HTTP or I/O failures
     */
    public CompletableFuture<PushResult> push(List<OmetriaRecord> records) {
        byte[] body = PushRequestBody.of(records);
        HttpRequest request = request(endpoint.push())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String type = records.get(0).type().jsonName();
        LOG.debug("POST {}: {} {} record(s), {} bytes", endpoint.push(), records.size(), type, body.length);
        CompletableFuture<PushResult> result;
        try {
            CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange =
                    http.sendAsync(request, new BoundedBodyHandler(MAX_RESPONSE_BYTES));
            cancelAfterDeadline(exchange);
            result = exchange
                    .handle((response, failure) -> failure == null
                            ? classifier.classify(response.statusCode(), response.headers(), response.body(), records.size())
                            : classifier.classifyFailure(failure, requestTimeout));
        } catch (RuntimeException refused) {
            // sendAsync throws for a closed or misconfigured client; a push still ends in a result.
            result = CompletableFuture.completedFuture(classifier.classifyFailure(refused, requestTimeout));
        }
        return result.whenComplete((outcome, impossible) -> LOG.debug("POST {} ({} {} record(s)) -> {}",
                endpoint.push(), records.size(), type, outcome));
    }

    /**
     * Opens a connection with the cheapest documented request that changes nothing: {@code GET /v2/push/_errors}
     * (documented by Ometria, read-only), its body discarded. Ometria counts it against the account's rate like any Data API call.
     *
     * @return completes (never exceptionally) when the request ended, however it ended
     */
    public CompletableFuture<Void> warmUp() {
        HttpRequest request = request(endpoint.errors()).GET().build();
        LOG.debug("GET {} (warm-up)", endpoint.errors());
        try {
            CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            cancelAfterDeadline(exchange);
            return exchange.handle((response, failure) -> {
                LOG.debug("GET {} (warm-up) -> {}", endpoint.errors(), failure == null ? "HTTP " + response.statusCode()
                        : classifier.describeFailure(failure, requestTimeout));
                return null;
            });
        } catch (RuntimeException refused) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * One overall deadline, body included: the HTTP client's request timeout stops applying once the response
     * headers arrived, and a server trickling the body would otherwise leave the request without an outcome.
     * Cancelling the exchange aborts it (JDK 16+). A tenth later than the request timeout (at least 100 ms), so
     * that an answer with no headers at all still ends as the HTTP client's own timeout.
     */
    private void cancelAfterDeadline(CompletableFuture<?> exchange) {
        long deadlineMillis = requestTimeout.toMillis() + Math.max(100, requestTimeout.toMillis() / 10);
        CompletableFuture.delayedExecutor(deadlineMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> exchange.cancel(true));
    }

    /**
     * Reads the account's recent validation errors.
     *
     * @return the entries, or a future failed with {@link OmetriaRequestException}
     */
    public CompletableFuture<List<PushError>> recentErrors() {
        return readErrorList().thenApply(read -> {
            if (read.failure() == null) {
                return read.entries();
            }
            int status = read.failure() instanceof PushResult.Unauthorized refused ? refused.statusCode()
                    : read.failure() instanceof PushResult.RateLimited ? 429
                    : read.failure() instanceof PushResult.Retryable retryable ? retryable.statusCode()
                    : read.failure() instanceof PushResult.BadRequest bad ? bad.statusCode() : -1;
            String what = status < 0 ? " failed: " : status == 200 ? ": " : " answered HTTP " + status + " (";
            throw new OmetriaRequestException(status, "GET " + endpoint.errors() + what + describe(read.failure())
                    + (status >= 0 && status != 200 ? ")" : ""), null);
        });
    }

    /**
     * Reads the account's recent validation errors, the failure classified as a push's would be (for the pipeline's
     * poller, which treats a refused key, a 429 or an untrusted server on a read as on a push). Bounded by the request
     * timeout like a push, body included.
     *
     * @return the read; never completes exceptionally
     */
    public CompletableFuture<ErrorListRead> readErrorList() {
        HttpRequest request = request(endpoint.errors()).GET().build();
        LOG.debug("GET {}", endpoint.errors());
        CompletableFuture<ErrorListRead> read;
        try {
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, new BoundedBodyHandler(MAX_RESPONSE_BYTES));
            cancelAfterDeadline(exchange);
            read = exchange.handle((response, failure) -> failure != null
                    ? ErrorListRead.failed(classifier.classifyFailure(failure, requestTimeout))
                    : errorList(response));
        } catch (RuntimeException refused) {
            read = CompletableFuture.completedFuture(ErrorListRead.failed(classifier.classifyFailure(refused, requestTimeout)));
        }
        return read.whenComplete((outcome, impossible) -> LOG.debug("GET {} -> {}", endpoint.errors(),
                outcome == null ? impossible : outcome.failure() != null ? outcome.failure()
                        : outcome.entries().size() + " error(s)"));
    }

    private ErrorListRead errorList(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            PushResult failure = classifier.classify(response.statusCode(), response.headers(), response.body(), 0);
            // a 2xx other than 200 carries no documented list: a failure to read, not an acceptance
            return ErrorListRead.failed(failure instanceof PushResult.Accepted
                    ? new PushResult.Retryable(response.statusCode(), "HTTP " + response.statusCode() + " without the list")
                    : failure);
        }
        try {
            return ErrorListRead.listed(RecentErrorsParser.parse(response.body()));
        } catch (IllegalArgumentException unreadable) {
            return ErrorListRead.failed(new PushResult.Retryable(200, unreadable.getMessage()
                    + "; expected a JSON array of {error_message, error_path} objects"));
        }
    }

    private static String describe(PushResult failure) {
        if (failure instanceof PushResult.Retryable retryable) {
            return retryable.reason();
        }
        if (failure instanceof PushResult.TlsFailure tls) {
            return tls.reason();
        }
        return failure.toString();
    }

    private HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("X-Ometria-Auth", apiKey.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private static String version() {
        String version = HttpPushTransport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
