package dev.ometriasync.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * How one push request ended: what {@link OmetriaClient#push(java.util.List)} completes with, classified for
 * the decisions a caller (the pipeline, or your own code) takes next. Sealed, so a {@code switch} over it is
 * exhaustive. Never carries the API key.
 */
public sealed interface PushResult {

    /**
     * Ometria's backlog as the answer reported it ({@code X-QueueSize-Remaining}, {@code X-QueueSize-Limit}).
     *
     * @return the queue state, when the answer carried it
     */
    default Optional<QueueState> queueState() {
        return Optional.empty();
    }

    /**
     * HTTP 200: Ometria queued the request. {@code rejected} counts records refused at intake; Ometria does
     * not say which.
     *
     * @param requestId Ometria's request id, may be null
     * @param accepted records accepted into the queue
     * @param rejected records rejected at intake
     * @param queueState the backlog the answer reported, when it did
     */
    record Accepted(String requestId, int accepted, int rejected, Optional<QueueState> queueState) implements PushResult {
        /**
         * An acceptance without queue headers.
         *
         * @param requestId Ometria's request id, may be null
         * @param accepted records accepted into the queue
         * @param rejected records rejected at intake
         */
        public Accepted(String requestId, int accepted, int rejected) {
            this(requestId, accepted, rejected, Optional.empty());
        }
    }

    /**
     * HTTP 429: the account is over its rate (or backlog) limit; the whole account should pause.
     *
     * @param retryAfter the {@code Retry-After} hint, when present (not documented by Ometria)
     * @param queueState the backlog the answer reported ({@code X-QueueSize-Remaining}, {@code X-QueueSize-Limit})
     */
    record RateLimited(Optional<Duration> retryAfter, Optional<QueueState> queueState) implements PushResult {
    }

    /**
     * A failure worth retrying with backoff: 5xx, I/O error, timeout, dropped connection.
     *
     * @param statusCode the HTTP status, or -1 when no response arrived
     * @param reason a short description, safe to log
     */
    record Retryable(int statusCode, String reason) implements PushResult {
    }

    /**
     * HTTP 400 or 413: something in the request is refused; bisect the batch to find the record.
     *
     * @param statusCode the HTTP status
     * @param reason the start of the response body or a description, safe to log
     */
    record BadRequest(int statusCode, String reason) implements PushResult {
    }

    /**
     * HTTP 401 or 403: the API key is missing, wrong or not allowed; retrying blindly cannot help.
     *
     * @param statusCode the HTTP status
     */
    record Unauthorized(int statusCode) implements PushResult {
    }

    /**
     * The TLS connection could not be trusted: the server's certificate did not verify (unknown or self-signed
     * issuer, expired, wrong host name) or the server refused the handshake. A configuration problem — the endpoint,
     * a TLS-intercepting proxy, the JVM's trust store — that retrying cannot fix, so sending stops as for a refused key.
     *
     * @param reason what failed, safe to log
     */
    record TlsFailure(String reason) implements PushResult {
    }
}
