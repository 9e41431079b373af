package dev.ometriasync.runtime.settings;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.schema.OmetriaSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The settings of the push pipeline, each declared once. {@code OmetriaPipeline.Builder} takes its defaults from
 * here and checks its arguments against these rules; the Hibernate integration reads them from its properties
 * under these keys ({@code ometria.queue.max-records=50000}); the Spring Boot starter binds them as
 * {@code ometria.*} properties with these defaults.
 */
public final class PipelineProperties {

    /**
     * The Ometria API key, sent as {@code X-Ometria-Auth}. Never logged. No default: required.
     */
    public static final Setting<String> API_KEY = Setting.string("api-key").build();

    /**
     * Ometria's base URL; requests go to {@code <endpoint>/v2/push}. HTTPS, or plain {@code http} on a loopback
     * address only (tests, the simulator): anywhere else the key would travel in clear text.
     * Default {@code https://api.ometria.com}.
     */
    public static final Setting<URI> ENDPOINT = Setting.parsed("endpoint", URI.class, value -> {
                if (value instanceof URI uri) {
                    return uri;
                }
                String text = value.toString().trim();
                return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            })
            .mustBe(uri -> "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()), "an http(s) URL")
            // the client's own rules (https, or http on loopback; a base URL without /v2), with its messages
            .validatedBy(uri -> OmetriaClient.builder().endpoint(uri))
            .withDefault(URI.create("https://api.ometria.com"))
            .build();

    /**
     * The account's request budget, shared by every pipeline of the JVM that uses the same key. The pipeline runs
     * 3% below it. Default 4 (Ometria's documented Data API limit); more than 0, at most 1000.
     */
    public static final Setting<Double> REQUESTS_PER_SECOND = Setting.decimal("requests-per-second",
                    "a positive number of requests per second")
            .expect(rate -> rate > 0 && !rate.isInfinite() && !rate.isNaN(), "a positive number of requests per second")
            .expect(rate -> rate <= 1000, "at most 1000 requests per second")
            .withDefault(4.0)
            .build();

    /** The most records in one push request. Default and maximum 100 (Ometria's limit). */
    public static final Setting<Integer> MAX_BATCH_SIZE = Setting.integer("max-batch-size")
            .expect(size -> size >= 1 && size <= OmetriaSchema.MAX_RECORDS_PER_REQUEST, "an integer from 1 to 100")
            .withDefault(OmetriaSchema.MAX_RECORDS_PER_REQUEST)
            .build();

    /**
     * How long one push request may stay unanswered before it counts as a transient failure and is retried.
     * Default 30 seconds; at least 100 milliseconds.
     */
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.duration("request-timeout")
            .mustBe(timeout -> timeout.compareTo(Duration.ofMillis(100)) >= 0, "at least 100ms")
            .withDefault(OmetriaClient.DEFAULT_REQUEST_TIMEOUT)
            .build();

    /**
     * The retry budget: how long a batch may keep failing (5xx, I/O errors, timeouts) before its records are
     * dead-lettered. Time paused by 429 answers does not count. Default 24 hours; zero means no retries.
     */
    public static final Setting<Duration> RETRY_MAX_DURATION = Setting.duration("retry.max-duration")
            .withDefault(Duration.ofHours(24))
            .build();

    /**
     * The delay after the first transient failure; it doubles with each further failure, with jitter, up to
     * {@link #RETRY_MAX_DELAY}. Default 1 second; positive.
     */
    public static final Setting<Duration> RETRY_INITIAL_DELAY = Setting.duration("retry.initial-delay")
            .expect(delay -> delay.compareTo(Duration.ZERO) > 0, "a positive duration")
            .withDefault(Duration.ofSeconds(1))
            .build();

    /** The longest delay between two attempts of a failing batch. Default 5 minutes; longer than the initial delay. */
    public static final Setting<Duration> RETRY_MAX_DELAY = Setting.duration("retry.max-delay")
            .expect(delay -> delay.compareTo(Duration.ZERO) > 0, "a positive duration")
            .withDefault(Duration.ofMinutes(5))
            .build();

    /** Memory bound: the most records held at once, after coalescing, in flight included. Default 100,000. */
    public static final Setting<Integer> QUEUE_MAX_RECORDS = Setting.integer("queue.max-records")
            .expect(records -> records >= 1, "an integer of at least 1")
            .withDefault(100_000)
            .build();

    /**
     * Memory bound: the most bytes of record JSON held at once (estimated from the records' characters).
     * Default 64 MiB; at least 65536, since one record may be 60 KB.
     */
    public static final Setting<Long> QUEUE_MAX_BYTES = Setting.longInteger("queue.max-bytes")
            .expect(bytes -> bytes >= 64 * 1024, "at least 65536 bytes (one Ometria record may be 60 KB)")
            .withDefault(64L * 1024 * 1024)
            .build();

    /**
     * Back-pressure: how long a submit blocks while the queue is full before it gives up on the record (which
     * then completes abandoned, saying the queue was full). Default 10 seconds; zero never waits.
     */
    public static final Setting<Duration> QUEUE_ENQUEUE_TIMEOUT = Setting.duration("queue.enqueue-timeout")
            .withDefault(Duration.ofSeconds(10))
            .build();

    /** How long closing the pipeline keeps sending what it holds before it abandons the rest. Default 10 seconds. */
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.duration("shutdown-timeout")
            .withDefault(Duration.ofSeconds(10))
            .build();

    /**
     * What local validation does with a record whose optional field is invalid: {@code drop} sends the record
     * without the field and reports it (default), {@code reject} does not send the record.
     */
    public static final Setting<InvalidFieldPolicy> INVALID_FIELD_POLICY = Setting.parsed("invalid-field-policy",
                    InvalidFieldPolicy.class, PipelineProperties::invalidFieldPolicy)
            .withDefault(InvalidFieldPolicy.DROP_FIELD)
            .build();

    /**
     * How often the pipeline reads Ometria's validation errors ({@code GET /v2/push/_errors}: records Ometria
     * acknowledged and found invalid later) and reports each new entry, tied to its record type and id where that can
     * be told, to the listener ({@code pushErrorListed}), the meter {@code ometria.pipeline.push.errors} and the log.
     * Each read is one request of the account's budget, taken from the same rate limiter as the pushes; reads pause
     * while the pipeline has acknowledged nothing in the last ten minutes (three intervals when longer). Off by default; {@code 0} is off too;
     * otherwise at least 1 second, and minutes are plenty (Ometria lists its 100 most recent errors).
     */
    public static final Setting<Duration> PUSH_ERRORS_POLL_INTERVAL = Setting.duration("push-errors.poll-interval")
            .mustBe(interval -> interval.isZero() || interval.compareTo(Duration.ofSeconds(1)) >= 0,
                    "0 (off) or at least 1s")
            .build();

    private PipelineProperties() {
    }

    /**
     * Every pipeline setting, in the order of this class.
     *
     * @return the settings
     */
    public static List<Setting<?>> all() {
        return List.of(API_KEY, ENDPOINT, REQUESTS_PER_SECOND, MAX_BATCH_SIZE, REQUEST_TIMEOUT, RETRY_MAX_DURATION,
                RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, QUEUE_MAX_RECORDS, QUEUE_MAX_BYTES, QUEUE_ENQUEUE_TIMEOUT,
                SHUTDOWN_TIMEOUT, INVALID_FIELD_POLICY, PUSH_ERRORS_POLL_INTERVAL);
    }

    private static InvalidFieldPolicy invalidFieldPolicy(Object value) {
        if (value instanceof InvalidFieldPolicy policy) {
            return policy;
        }
        return InvalidFieldPolicy.fromExternalName(value.toString());
    }
}
