package dev.ometriasync.hibernate;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.settings.PipelineProperties;
import dev.ometriasync.runtime.settings.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration properties of the Hibernate ORM integration, read from the Hibernate (or JPA)
 * properties of the {@code SessionFactory}. Spring Boot users set them as
 * {@code spring.jpa.properties.ometria.*}.
 *
 * <p>Each setting is declared once, as a {@link Setting} with its key ({@link Setting#key()}), type, default and
 * validation; the pipeline's own settings are those of {@link PipelineProperties}, listed here too, and their
 * limits are the same whether set through the pipeline builder, these properties or the Spring Boot starter.
 * Durations accept a {@link java.time.Duration}, an ISO-8601 string ({@code PT10S}) or a number with a
 * unit suffix: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 7d}. A wrong value fails the
 * start of the {@code SessionFactory} with a message naming the property; an {@code ometria.*} key that no
 * setting declares is reported at start-up with a WARN naming the closest known key.
 */
public final class OmetriaSettings {

    /** The prefix shared by every property: {@value}. */
    public static final String PREFIX = Setting.PREFIX;

    /**
     * The Ometria API key, sent as {@code X-Ometria-Auth}. Setting it activates the integration.
     * Never logged.
     *
     * <p>Expects a String. No default; required when the integration is enabled.
     */
    public static final Setting<String> API_KEY = PipelineProperties.API_KEY;

    /**
     * Whether the integration runs.
     *
     * <p>Expects a Boolean or {@code "true"}/{@code "false"}. Defaults to {@code true} when
     * {@link #API_KEY} is set and {@code false} otherwise; {@code true} without an API key is an error.
     */
    public static final Setting<Boolean> ENABLED = Setting.bool("enabled").build();

    /**
     * The base URL of Ometria's API; the client posts to {@code {endpoint}/v2/push}. Plain {@code http://}
     * is accepted only for loopback addresses (tests, the simulator).
     *
     * <p>Expects a String. Defaults to {@code https://api.ometria.com} ({@link PipelineProperties#ENDPOINT}).
     */
    public static final Setting<URI> ENDPOINT = PipelineProperties.ENDPOINT;

    /**
     * How changes travel from the transaction to Ometria: {@code outbox} writes each change to the
     * {@code ometria_outbox} table in the business transaction and a relay sends it after commit
     * (nothing committed is lost); {@code direct} hands changes to the in-memory pipeline after commit
     * (no table, but a crash can lose changes that were not yet sent).
     *
     * <p>Expects {@code outbox} or {@code direct} (or a {@link SyncMode}). Defaults to {@code outbox}.
     */
    public static final Setting<SyncMode> MODE = Setting.parsed("mode", SyncMode.class,
            value -> value instanceof SyncMode mode ? mode : SyncMode.fromExternalName(value.toString()))
            .withDefault(SyncMode.OUTBOX)
            .build();

    /**
     * Requests per second allowed for the account; the pipeline keeps a few percent under it. All
     * SessionFactories of one JVM that use the same API key share one limit; in {@code outbox} mode only the
     * instance holding the relay lease sends, so several instances share it too.
     *
     * <p>Expects a positive number. Defaults to 4; at most 1000 ({@link PipelineProperties#REQUESTS_PER_SECOND}).
     */
    public static final Setting<Double> REQUESTS_PER_SECOND = PipelineProperties.REQUESTS_PER_SECOND;

    /**
     * The most records in one push request (Ometria's limit is 100).
     *
     * <p>Expects an integer from 1 to 100. Defaults to 100 ({@link PipelineProperties#MAX_BATCH_SIZE}).
     */
    public static final Setting<Integer> MAX_BATCH_SIZE = PipelineProperties.MAX_BATCH_SIZE;

    /**
     * Reserved. The pipeline sends a batch as soon as a request permit is free (batches fill by themselves
     * under load, and latency stays low when idle), so there is no batching delay to configure; setting
     * this property fails the start with a message saying so, rather than being silently ignored.
     */
    public static final Setting<Object> FLUSH_INTERVAL = Setting.reserved("flush-interval", "the pipeline sends as soon as a"
            + " request permit is free and batches fill by themselves under load; remove the property");

    /**
     * How long the pipeline retries a record that keeps failing (5xx, I/O errors) before it gives up and
     * dead-letters it; in {@code outbox} mode the row is then kept with status {@code DEAD}.
     *
     * <p>Expects a duration. Defaults to 24 hours ({@link PipelineProperties#RETRY_MAX_DURATION}).
     */
    public static final Setting<Duration> RETRY_MAX_DURATION = PipelineProperties.RETRY_MAX_DURATION;

    /**
     * How long closing the {@code SessionFactory} waits for queued records to be sent. In {@code outbox}
     * mode unsent rows stay in the table and are sent after the next start.
     *
     * <p>Expects a duration. Defaults to 10 seconds ({@link PipelineProperties#SHUTDOWN_TIMEOUT}).
     */
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = PipelineProperties.SHUTDOWN_TIMEOUT;

    /**
     * The delay after the first transient failure of a batch; it doubles with each further failure, with jitter.
     *
     * <p>Expects a positive duration. Defaults to 1 second ({@link PipelineProperties#RETRY_INITIAL_DELAY}).
     */
    public static final Setting<Duration> RETRY_INITIAL_DELAY = PipelineProperties.RETRY_INITIAL_DELAY;

    /**
     * The longest delay between two attempts of a failing batch.
     *
     * <p>Expects a positive duration, longer than {@link #RETRY_INITIAL_DELAY}. Defaults to 5 minutes
     * ({@link PipelineProperties#RETRY_MAX_DELAY}).
     */
    public static final Setting<Duration> RETRY_MAX_DELAY = PipelineProperties.RETRY_MAX_DELAY;

    /**
     * Memory bound of the pipeline: the most records held at once, after coalescing, in flight included. A submit
     * beyond it waits up to {@link #QUEUE_ENQUEUE_TIMEOUT} (in {@code outbox} mode the relay simply claims fewer rows).
     *
     * <p>Expects an integer of at least 1. Defaults to 100,000 ({@link PipelineProperties#QUEUE_MAX_RECORDS}).
     */
    public static final Setting<Integer> QUEUE_MAX_RECORDS = PipelineProperties.QUEUE_MAX_RECORDS;

    /**
     * Memory bound of the pipeline: the most bytes of record JSON held at once.
     *
     * <p>Expects at least 65536. Defaults to 64 MiB ({@link PipelineProperties#QUEUE_MAX_BYTES}).
     */
    public static final Setting<Long> QUEUE_MAX_BYTES = PipelineProperties.QUEUE_MAX_BYTES;

    /**
     * How long handing a record to the pipeline waits while the queue is full before the record is given up
     * (abandoned, with a reason saying the queue was full).
     *
     * <p>Expects a duration. Defaults to 10 seconds ({@link PipelineProperties#QUEUE_ENQUEUE_TIMEOUT}).
     */
    public static final Setting<Duration> QUEUE_ENQUEUE_TIMEOUT = PipelineProperties.QUEUE_ENQUEUE_TIMEOUT;

    /**
     * What happens to a record with an invalid optional field (a malformed phone number, say):
     * {@code drop} sends the record without the field and reports it; {@code reject} does not send the record.
     *
     * <p>Expects {@code drop} or {@code reject}. Defaults to {@code drop} ({@link PipelineProperties#INVALID_FIELD_POLICY}).
     */
    public static final Setting<InvalidFieldPolicy> INVALID_FIELD_POLICY = PipelineProperties.INVALID_FIELD_POLICY;

    /**
     * What is sent when an {@code @OmetriaOrder} entity is deleted; overrides {@code @OmetriaOrder(onDelete)}
     * for every order type: {@code ignore} sends nothing, {@code deactivate} sends {@code is_valid: false}.
     *
     * <p>Expects {@code ignore} or {@code deactivate}. Defaults to the annotation's value.
     */
    public static final Setting<DeletePolicy> DELETE_POLICY_ORDER = deletePolicy("delete-policy.order");

    /**
     * What is sent when an {@code @OmetriaProduct} entity is deleted; overrides
     * {@code @OmetriaProduct(onDelete)} for every product type: {@code ignore} sends nothing,
     * {@code deactivate} sends {@code is_active: false}.
     *
     * <p>Expects {@code ignore} or {@code deactivate}. Defaults to the annotation's value.
     */
    public static final Setting<DeletePolicy> DELETE_POLICY_PRODUCT = deletePolicy("delete-policy.product");

    /**
     * Whether this instance runs the outbox relay. With {@code false} it only writes outbox rows and
     * another instance sends them.
     *
     * <p>Expects a Boolean. Defaults to {@code true}. Only for {@code outbox} mode.
     */
    public static final Setting<Boolean> RELAY_ENABLED = Setting.bool("relay.enabled").withDefault(true).build();

    /**
     * How many outbox rows the relay claims, reloads and serializes at once.
     *
     * <p>Expects a positive integer. Defaults to 100; at most 10,000.
     */
    public static final Setting<Integer> RELAY_BATCH_SIZE = Setting.integer("relay.batch-size")
            .expect(rows -> rows >= 1 && rows <= 10_000, "an integer from 1 to 10000")
            .withDefault(100)
            .build();

    /**
     * How long the relay lease and the claims on outbox rows last without renewal. Only the lease holder
     * sends; when it dies, another instance takes over once this much time has passed (measured on the
     * database clock).
     *
     * <p>Expects a duration of at least one second. Defaults to 30 seconds.
     */
    public static final Setting<Duration> RELAY_LEASE_DURATION = Setting.duration("relay.lease-duration")
            .mustBe(lease -> lease.compareTo(Duration.ofSeconds(1)) >= 0, "at least 1s")
            .withDefault(Duration.ofSeconds(30))
            .build();

    /**
     * How often the relay looks for rows when nothing woke it (rows written by other instances, retries
     * that became due, an expired lease to take over).
     *
     * <p>Expects a duration. Defaults to 1 second.
     */
    public static final Setting<Duration> RELAY_POLL_INTERVAL = Setting.duration("relay.poll-interval")
            .withDefault(Duration.ofSeconds(1))
            .build();

    /**
     * How many times the relay retries a row whose entity cannot be reloaded or serialized before it marks
     * the row {@code DEAD}. (Failures to reach Ometria are retried by the pipeline under
     * {@link #RETRY_MAX_DURATION}.)
     *
     * <p>Expects a positive integer. Defaults to 10; at most 1000.
     */
    public static final Setting<Integer> RELAY_MAX_ATTEMPTS = Setting.integer("relay.max-attempts")
            .expect(attempts -> attempts >= 1 && attempts <= 1_000, "an integer from 1 to 1000")
            .withDefault(10)
            .build();

    /**
     * The name this instance records in {@code claimed_by} and in the lease.
     *
     * <p>Expects a String of at most 64 characters. Defaults to host name, process id and a random suffix.
     */
    public static final Setting<String> RELAY_INSTANCE_ID = Setting.string("relay.instance-id")
            .mustBe(id -> id.length() <= 64, "at most 64 characters long")
            .build();

    /**
     * Deprecated, no effect. It was how long a {@code StatelessSession} change waited before it was read back, on
     * Hibernate ORM 6.6 and 7.1, where such a change could not join its transaction; a stateless transaction longer
     * than the delay lost its update. A {@code StatelessSession} change now joins its transaction on every supported
     * line, like a {@code Session}'s: its outbox row is written before the commit (outbox mode), or it is noted and
     * read after the commit (direct mode), whatever the transaction's length; a rollback sends nothing.
     *
     * <p>Still accepted (a duration), so that existing configurations start; setting it logs one WARN at start-up.
     *
     * @deprecated no effect: remove the setting
     */
    @Deprecated
    public static final Setting<Duration> STATELESS_CAPTURE_DELAY = Setting.duration("stateless.capture-delay").build();

    /**
     * How long one push request may stay unanswered before it is given up on (and retried). The relay keeps a
     * row's claim this much longer than its lease, because a request given up on may still reach Ometria
     * until about then.
     *
     * <p>Expects a duration. Defaults to 30 seconds; at least 100ms ({@link PipelineProperties#REQUEST_TIMEOUT}).
     */
    public static final Setting<Duration> REQUEST_TIMEOUT = PipelineProperties.REQUEST_TIMEOUT;

    /**
     * Direct mode only: how many changed entities may wait to be read and handed to the pipeline after their
     * transactions committed. Changes of an entity already waiting are merged into its entry and take no room. When
     * it is full, a further change is dropped — the committing thread never waits — and counted. The same bound holds
     * the notes committing threads leave for the reader to merge: a reader held up that long (a slow database) drops
     * further notes, counted
     * ({@link OmetriaSync#droppedChanges()}), with one warning a minute at most. Outbox mode never drops.
     *
     * <p>Expects an integer from 1 to 10,000,000. Defaults to 100,000 (as many records as the pipeline holds by
     * default).
     */
    public static final Setting<Integer> DIRECT_MAX_PENDING = Setting.integer("direct.max-pending")
            .expect(entities -> entities >= 1 && entities <= 10_000_000, "an integer from 1 to 10000000")
            .withDefault(100_000)
            .build();

    /**
     * How often to read Ometria's validation errors ({@code GET /v2/push/_errors}: records Ometria acknowledged and
     * found invalid later, which no push answer reports). Each new entry is reported to the {@link #LISTENER}
     * ({@code pushErrorListed}), the meter {@code ometria.pipeline.push.errors}, the log and
     * {@link OmetriaSync#pushErrors()}, tied to its record type and id where that can be told: Ometria's entries carry
     * only a message and a path, so an entry is matched against the records this instance sent in the last ten
     * minutes, or three intervals when longer (see {@link dev.ometriasync.runtime.PushErrorReport}). Every read is one
     * request of the account's budget, taken from the same rate limiter as the pushes; reads pause while this instance
     * sent nothing in that window (an outbox instance that is not the active relay reads nothing). A 401/403 on a read
     * stops sending as one on a push does.
     *
     * <p>Expects a duration of at least one second, such as {@code 5m}; {@code 0} or unset: off (the default)
     * ({@link PipelineProperties#PUSH_ERRORS_POLL_INTERVAL}).
     */
    public static final Setting<Duration> PUSH_ERRORS_POLL_INTERVAL = PipelineProperties.PUSH_ERRORS_POLL_INTERVAL;

    /**
     * What an unexpected error of ometria-sync while recording a change does to the user's transaction:
     * {@code fail} rolls the transaction back with an {@link OmetriaCaptureException} (nothing is committed
     * without its outbox row), {@code log} logs and counts it and lets the transaction commit without sending
     * that change. Either way the error is counted ({@link OmetriaSync#captureFailures()}) and never reaches
     * the transaction as a {@link LinkageError}.
     *
     * <p>Expects {@code fail} or {@code log} (or a {@link CaptureFailurePolicy}). Defaults to {@code fail} in
     * outbox mode and {@code log} in direct mode.
     */
    public static final Setting<CaptureFailurePolicy> CAPTURE_FAILURE = Setting.parsed("capture-failure",
            CaptureFailurePolicy.class, value -> value instanceof CaptureFailurePolicy policy ? policy
                    : CaptureFailurePolicy.fromExternalName(value.toString()))
            .build();

    /**
     * A Micrometer registry to publish the pipeline's meters to (queue depth, oldest pending age, requests by
     * result, 429s, dead letters, rejections). The Spring Boot starter passes the application's registry.
     *
     * <p>Expects an {@code io.micrometer.core.instrument.MeterRegistry} instance (not a String). No default: no meters.
     */
    public static final Setting<Object> METER_REGISTRY = Setting.instance("meter-registry", Object.class).build();

    /**
     * Callbacks for what the pipeline does with records (sent, rejected, dead-lettered, 401/403...). Runs on the
     * pipeline's thread: it must be quick. The Spring Boot starter passes every {@code OmetriaListener} bean.
     *
     * <p>Expects a {@link dev.ometriasync.runtime.OmetriaListener} instance (not a String). No default.
     */
    public static final Setting<OmetriaListener> LISTENER = Setting.instance("listener", OmetriaListener.class).build();

    private OmetriaSettings() {
    }

    /**
     * Every setting of the Hibernate integration, the pipeline's included: what {@code ometria.*} keys mean, and the
     * list an unknown key is compared with.
     *
     * @return the settings
     */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(PipelineProperties.all());
        all.addAll(List.of(ENABLED, MODE, FLUSH_INTERVAL, DELETE_POLICY_ORDER, DELETE_POLICY_PRODUCT, RELAY_ENABLED,
                RELAY_BATCH_SIZE, RELAY_LEASE_DURATION, RELAY_POLL_INTERVAL, RELAY_MAX_ATTEMPTS, RELAY_INSTANCE_ID,
                STATELESS_CAPTURE_DELAY, DIRECT_MAX_PENDING, CAPTURE_FAILURE, METER_REGISTRY, LISTENER));
        return List.copyOf(all);
    }

    private static Setting<DeletePolicy> deletePolicy(String radical) {
        return Setting.parsed(radical, DeletePolicy.class, value -> {
            if (value instanceof DeletePolicy policy) {
                return policy;
            }
            String text = value.toString().trim();
            for (DeletePolicy policy : DeletePolicy.values()) {
                if (policy.name().equalsIgnoreCase(text)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("expected 'ignore' or 'deactivate'");
        }).build();
    }
}
