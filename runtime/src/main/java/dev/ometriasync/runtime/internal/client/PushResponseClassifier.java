package dev.ometriasync.runtime.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.QueueState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what came back from {@code POST /v2/push} — a response, or an exception instead of one — into a
 * {@link PushResult}.
 *
 * <p>Ometria documents only 200 and 429 for push. The rest is decided here by one
 * question: <em>can the failure be blamed on a record in the batch?</em>
 * <ul>
 *   <li>200 (any 2xx) with the documented body → {@link PushResult.Accepted}. A 2xx whose body is not that
 *       shape (HTML from a proxy, {@code status} other than {@code OK}, empty) → {@link PushResult.Retryable}:
 *       it is not proof that Ometria queued the records, and re-sending is harmless because Ometria upserts by id.</li>
 *   <li>429 → {@link PushResult.RateLimited}, with {@code Retry-After} (seconds or HTTP-date) and
 *       {@code X-QueueSize-Remaining} as hints when present.</li>
 *   <li>400, 413, 422 → {@link PushResult.BadRequest}: the content is refused, so bisecting the batch can find
 *       the record.</li>
 *   <li>401, 403 → {@link PushResult.Unauthorized}.</li>
 *   <li>Every other status (3xx, 404, 405, 408, 409, other 4xx, 5xx) and every I/O failure, timeout or
 *       dropped connection → {@link PushResult.Retryable}. None of them says anything about a record, so
 *       treating them as bad requests would reject good records for good; retrying keeps them, and the
 *       pipeline's retry budget still ends in a reported dead letter. A 3xx or 404 means a wrong endpoint,
 *       and the reason says so.</li>
 *   <li>A TLS handshake that failed on the certificate (not trusted, expired, wrong host name) or on a fatal alert
 *       from the server → {@link PushResult.TlsFailure}: a configuration problem that retrying for the whole retry
 *       budget cannot fix. A handshake cut short by the network (the connection closed mid-way) stays retryable.</li>
 * </ul>
 * Reasons quote at most the start of a response body, with e-mail addresses masked and the API key
 * removed, so they are safe to log.
 */
final class PushResponseClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET_CHARS = 200;

    private final ApiKey apiKey;
    private final Clock clock;

    PushResponseClassifier(ApiKey apiKey, Clock clock) {
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /**
     * Classifies a response.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the response body (possibly cut short), never null
     * @param batchSize how many records the request carried
     * @return the result
     */
    PushResult classify(int status, HttpHeaders headers, byte[] body, int batchSize) {
        if (status >= 200 && status < 300) {
            return accepted(status, headers, body, batchSize);
        }
        return switch (status) {
            case 429 -> new PushResult.RateLimited(
                    RetryAfterHeader.parse(headers.firstValue("Retry-After").orElse(null), clock),
                    queueState(headers));
            case 400, 413, 422 -> new PushResult.BadRequest(status, "HTTP " + status + describeBody(body));
            case 401, 403 -> new PushResult.Unauthorized(status);
            case 404, 405 -> new PushResult.Retryable(status, "HTTP " + status
                    + " from the push URL: check the configured Ometria endpoint (the base URL, such as "
                    + OmetriaEndpoint.DEFAULT + ")" + describeBody(body));
            default -> new PushResult.Retryable(status, "HTTP " + status + redirectHint(status, headers) + describeBody(body));
        };
    }

    /**
     * Classifies a request that got no response.
     *
     * @param failure what {@code HttpClient.sendAsync} completed with, possibly wrapped
     * @param requestTimeout the configured request timeout, for the message
     * @return a retryable result
     */
    PushResult classifyFailure(Throwable failure, Duration requestTimeout) {
        if (isUntrustedConnection(failure)) {
            return new PushResult.TlsFailure(describeFailure(failure, requestTimeout));
        }
        return new PushResult.Retryable(-1, describeFailure(failure, requestTimeout));
    }

    /**
     * Whether a failure is a TLS handshake that cannot succeed by trying again: a certificate that does not verify
     * (somewhere in the causes: a {@link java.security.cert.CertificateException}, a certificate path that cannot be
     * built or validated, an unverified peer), or a fatal alert the server sent. A handshake that ended because the
     * connection closed (an {@link java.io.EOFException} or a reset underneath) is the network's doing, not the
     * configuration's.
     */
    static boolean isUntrustedConnection(Throwable failure) {
        Throwable cause = unwrap(failure);
        boolean handshake = false;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return false;
            }
            handshake |= t instanceof javax.net.ssl.SSLHandshakeException;
        }
        return handshake && cause.getMessage() != null && cause.getMessage().startsWith("Received fatal alert");
    }

    /**
     * A one-line, log-safe description of a request that got no response.
     *
     * @param failure the failure, possibly wrapped in a {@link CompletionException}
     * @param requestTimeout the configured request timeout
     * @return the description
     */
    String describeFailure(Throwable failure, Duration requestTimeout) {
        Throwable cause = unwrap(failure);
        String text;
        if (isUntrustedConnection(failure)) {
            text = "TLS handshake failed, the connection cannot be trusted: " + describeTls(cause)
                    + ". Check the configured endpoint (is it Ometria, or a proxy that intercepts TLS?) and the JVM's trust"
                    + " store (javax.net.ssl.trustStore, or the HttpClient's SSLContext)";
        } else if (cause instanceof HttpConnectTimeoutException) {
            text = "could not connect in time (connect timeout)";
        } else if (cause instanceof HttpTimeoutException) {
            text = "no response within the request timeout of " + requestTimeout;
        } else if (cause instanceof java.util.concurrent.CancellationException) {
            text = "no complete response (body included) within the request timeout of " + requestTimeout;
        } else if (cause instanceof ConnectException) {
            text = "connection refused or unreachable";
        } else if (cause instanceof IOException) {
            text = "I/O error, connection dropped: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } else {
            text = "request failed: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return safe(text);
    }

    /** The handshake exception and its deepest cause, which names the certificate problem (PKIX, expired, host name). */
    private static String describeTls(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (root != cause && root.getMessage() != null && (cause.getMessage() == null
                || !cause.getMessage().contains(root.getMessage()))) {
            text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private PushResult accepted(int status, HttpHeaders headers, byte[] body, int batchSize) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new PushResult.Retryable(status, "HTTP " + status + " without Ometria's acknowledgement "
                    + "(expected a JSON object with status \"OK\")" + describeBody(body));
        }
        JsonNode statusField = root.get("status");
        boolean ok = statusField != null && statusField.isTextual() && statusField.asText().equalsIgnoreCase("OK");
        boolean countsOnly = statusField == null && root.has("accepted");
        if (!ok && !countsOnly) {
            return new PushResult.Retryable(status, "HTTP " + status + " but status is not \"OK\"" + describeBody(body));
        }
        JsonNode requestId = root.get("request_id");
        int rejected = count(root.get("rejected"), 0);
        // Without a count, "OK" means the request was queued: every record not counted as rejected was accepted.
        int accepted = count(root.get("accepted"), Math.max(0, batchSize - rejected));
        return new PushResult.Accepted(requestId != null && requestId.isValueNode() && !requestId.isNull()
                ? requestId.asText() : null, accepted, rejected, queueState(headers));
    }

    private static int count(JsonNode node, int fallback) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        if (node != null && node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        return fallback;
    }

    /**
     * Ometria's backlog from {@code X-QueueSize-Remaining} and {@code X-QueueSize-Limit},
     * read on every answer that can carry them. Without a readable {@code Remaining} there is no state; an
     * unreadable {@code Limit} is left out.
     */
    static Optional<QueueState> queueState(HttpHeaders headers) {
        OptionalLong remaining = count(headers.firstValue("X-QueueSize-Remaining"));
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong limit = count(headers.firstValue("X-QueueSize-Limit"));
        return Optional.of(new QueueState(remaining.getAsLong(), limit.isPresent() && limit.getAsLong() > 0 ? limit
                : OptionalLong.empty()));
    }

    private static OptionalLong count(Optional<String> value) {
        if (value.isPresent()) {
            try {
                long number = Long.parseLong(value.get().strip());
                if (number >= 0) {
                    return OptionalLong.of(number);
                }
            } catch (NumberFormatException unreadable) {
                // A hint we cannot read is no hint.
            }
        }
        return OptionalLong.empty();
    }

    private String redirectHint(int status, HttpHeaders headers) {
        if (status >= 300 && status < 400) {
            return " redirect to " + headers.firstValue("Location").map(this::safe).orElse("(no Location)")
                    + ": the client does not follow redirects (the API key must not be sent elsewhere); "
                    + "configure the endpoint the redirect points to";
        }
        return "";
    }

    private String describeBody(byte[] body) {
        if (body.length == 0) {
            return ", empty body";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        if (text.length() > SNIPPET_CHARS) {
            text = text.substring(0, SNIPPET_CHARS) + "…";
        }
        return ", body: " + safe(text);
    }

    /** Masks e-mail addresses and removes the API key, should a proxy echo the request back. */
    String safe(String text) {
        return SafeText.of(text, apiKey);
    }
}
