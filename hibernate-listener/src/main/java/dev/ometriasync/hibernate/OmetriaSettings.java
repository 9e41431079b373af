package dev.ometriasync.hibernate;

/**
 * The configuration properties of the Hibernate ORM integration, read from the Hibernate (or JPA)
 * properties of the {@code SessionFactory}. Spring Boot users set them as
 * {@code spring.jpa.properties.ometria.*}.
 *
 * <p>Durations accept a {@link java.time.Duration}, an ISO-8601 string ({@code PT10S}) or a number with a
 * unit suffix: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 7d}. A wrong value fails the
 * start of the {@code SessionFactory} with a message naming the property.
 */
public final class OmetriaSettings {

    /** The prefix shared by every property: {@value}. */
    public static final String PREFIX = "ometria.";

    /**
     * The Ometria API key, sent as {@code X-Ometria-Auth}. Setting it activates the integration.
     * Never logged.
     *
     * <p>Expects a String. No default; required when the integration is enabled.
     */
    public static final String API_KEY = PREFIX + "api-key";

    /**
     * Whether the integration runs.
     *
     * <p>Expects a Boolean or {@code "true"}/{@code "false"}. Defaults to {@code true} when
     * {@link #API_KEY} is set and {@code false} otherwise; {@code true} without an API key is an error.
     */
    public static final String ENABLED = PREFIX + "enabled";

    /**
     * The base URL of Ometria's API; the client posts to {@code {endpoint}/v2/push}. Plain {@code http://}
     * is accepted only for loopback addresses (tests, the simulator).
     *
     * <p>Expects a String. Defaults to {@link Defaults#ENDPOINT}.
     */
    public static final String ENDPOINT = PREFIX + "endpoint";

    /**
     * How changes travel from the transaction to Ometria: {@code outbox} writes each change to the
     * {@code ometria_outbox} table in the business transaction and a relay sends it after commit
     * (nothing committed is lost); {@code direct} hands changes to the in-memory pipeline after commit
     * (no table, but a crash can lose changes that were not yet sent).
     *
     * <p>Expects {@code outbox} or {@code direct} (or a {@link SyncMode}). Defaults to {@link Defaults#MODE}.
     */
    public static final String MODE = PREFIX + "mode";

    /**
     * Requests per second allowed for the account; the pipeline keeps a few percent under it. All
     * SessionFactories of one JVM that use the same API key share one limit; in {@code outbox} mode only the
     * instance holding the relay lease sends, so several instances share it too.
     *
     * <p>Expects a positive number. Defaults to {@link Defaults#REQUESTS_PER_SECOND}.
     */
    public static final String REQUESTS_PER_SECOND = PREFIX + "requests-per-second";

    /**
     * The most records in one push request (Ometria's limit is 100).
     *
     * <p>Expects an integer from 1 to 100. Defaults to {@link Defaults#MAX_BATCH_SIZE}.
     */
    public static final String MAX_BATCH_SIZE = PREFIX + "max-batch-size";

    /**
     * Reserved. The pipeline sends a batch as soon as a request permit is free (batches fill by themselves
     * under load, and latency stays low when idle), so there is no batching delay to configure; setting
     * this property fails the start with a message saying so, rather than being silently ignored.
     */
    public static final String FLUSH_INTERVAL = PREFIX + "flush-interval";

    /**
     * How long the pipeline retries a record that keeps failing (5xx, I/O errors) before it gives up and
     * dead-letters it; in {@code outbox} mode the row is then kept with status {@code DEAD}.
     *
     * <p>Expects a duration. Defaults to {@link Defaults#RETRY_MAX_DURATION}.
     */
    public static final String RETRY_MAX_DURATION = PREFIX + "retry.max-duration";

    /**
     * How long closing the {@code SessionFactory} waits for queued records to be sent. In {@code outbox}
     * mode unsent rows stay in the table and are sent after the next start.
     *
     * <p>Expects a duration. Defaults to {@link Defaults#SHUTDOWN_TIMEOUT}.
     */
    public static final String SHUTDOWN_TIMEOUT = PREFIX + "shutdown-timeout";

    /**
     * What happens to a record with an invalid optional field (a malformed phone number, say):
     * {@code drop} sends the record without the field and reports it; {@code reject} does not send the record.
     *
     * <p>Expects {@code drop} or {@code reject}. Defaults to {@link Defaults#INVALID_FIELD_POLICY}.
     */
    public static final String INVALID_FIELD_POLICY = PREFIX + "invalid-field-policy";

    /**
     * What is sent when an {@code @OmetriaOrder} entity is deleted; overrides {@code @OmetriaOrder(onDelete)}
     * for every order type: {@code ignore} sends nothing, {@code deactivate} sends {@code is_valid: false}.
     *
     * <p>Expects {@code ignore} or {@code deactivate}. Defaults to the annotation's value.
     */
    public static final String DELETE_POLICY_ORDER = PREFIX + "delete-policy.order";

    /**
     * What is sent when an {@code @OmetriaProduct} entity is deleted; overrides
     * {@code @OmetriaProduct(onDelete)} for every product type: {@code ignore} sends nothing,
     * {@code deactivate} sends {@code is_active: false}.
     *
     * <p>Expects {@code ignore} or {@code deactivate}. Defaults to the annotation's value.
     */
    public static final String DELETE_POLICY_PRODUCT = PREFIX + "delete-policy.product";

    /**
     * Whether this instance runs the outbox relay. With {@code false} it only writes outbox rows and
     * another instance sends them.
     *
     * <p>Expects a Boolean. Defaults to {@code true}. Only for {@code outbox} mode.
     */
    public static final String RELAY_ENABLED = PREFIX + "relay.enabled";

    /**
     * How many outbox rows the relay claims, reloads and serializes at once.
     *
     * <p>Expects a positive integer. Defaults to {@link Defaults#RELAY_BATCH_SIZE}.
     */
    public static final String RELAY_BATCH_SIZE = PREFIX + "relay.batch-size";

    /**
     * How long the relay lease and the claims on outbox rows last without renewal. Only the lease holder
     * sends; when it dies, another instance takes over once this much time has passed (measured on the
     * database clock).
     *
     * <p>Expects a duration of at least one second. Defaults to {@link Defaults#RELAY_LEASE_DURATION}.
     */
    public static final String RELAY_LEASE_DURATION = PREFIX + "relay.lease-duration";

    /**
     * How often the relay looks for rows when nothing woke it (rows written by other instances, retries
     * that became due, an expired lease to take over).
     *
     * <p>Expects a duration. Defaults to {@link Defaults#RELAY_POLL_INTERVAL}.
     */
    public static final String RELAY_POLL_INTERVAL = PREFIX + "relay.poll-interval";

    /**
     * How many times the relay retries a row whose entity cannot be reloaded or serialized before it marks
     * the row {@code DEAD}. (Failures to reach Ometria are retried by the pipeline under
     * {@link #RETRY_MAX_DURATION}.)
     *
     * <p>Expects a positive integer. Defaults to {@link Defaults#RELAY_MAX_ATTEMPTS}.
     */
    public static final String RELAY_MAX_ATTEMPTS = PREFIX + "relay.max-attempts";

    /**
     * The name this instance records in {@code claimed_by} and in the lease.
     *
     * <p>Expects a String of at most 64 characters. Defaults to host name, process id and a random suffix.
     */
    public static final String RELAY_INSTANCE_ID = PREFIX + "relay.instance-id";

    /**
     * How long a change made through a {@code StatelessSession} waits before it is read back and sent, on
     * Hibernate ORM 6.6 and 7.1 only (from 7.2 on such a change joins its transaction and is written at commit).
     * Those versions give listeners no handle on the stateless session, so such a change cannot join its
     * transaction: the outbox row is written at once in its own transaction and becomes due after this
     * delay, when the relay reads the entity's committed state. Keep stateless transactions shorter than
     * this, or call {@link OmetriaSync#touch(Class, Object...)} after commit.
     *
     * <p>Expects a duration. Defaults to {@link Defaults#STATELESS_CAPTURE_DELAY}.
     */
    public static final String STATELESS_CAPTURE_DELAY = PREFIX + "stateless.capture-delay";

    /**
     * How long one push request may stay unanswered before it is given up on (and retried). The relay keeps a
     * row's claim this much longer than its lease, because a request given up on may still reach Ometria
     * until about then.
     *
     * <p>Expects a duration. Defaults to {@link Defaults#REQUEST_TIMEOUT}.
     */
    public static final String REQUEST_TIMEOUT = PREFIX + "request-timeout";

    /**
     * Direct mode only: how many changed entities may wait to be read and handed to the pipeline after their
     * transactions committed. Changes of an entity already waiting are merged into its entry and take no room. When
     * it is full, a further change is dropped — the committing thread never waits — and counted
     * ({@link OmetriaSync#droppedChanges()}), with one warning a minute at most. Outbox mode never drops.
     *
     * <p>Expects an integer from 1 to 10,000,000. Defaults to {@link Defaults#DIRECT_MAX_PENDING}.
     */
    public static final String DIRECT_MAX_PENDING = PREFIX + "direct.max-pending";

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
    public static final String CAPTURE_FAILURE = PREFIX + "capture-failure";

    /**
     * A Micrometer registry to publish the pipeline's meters to (queue depth, oldest pending age, requests by
     * result, 429s, dead letters, rejections). The Spring Boot starter passes the application's registry.
     *
     * <p>Expects an {@code io.micrometer.core.instrument.MeterRegistry} instance (not a String). No default: no meters.
     */
    public static final String METER_REGISTRY = PREFIX + "meter-registry";

    /**
     * Callbacks for what the pipeline does with records (sent, rejected, dead-lettered, 401/403...). Runs on the
     * pipeline's thread: it must be quick. The Spring Boot starter passes every {@code OmetriaListener} bean.
     *
     * <p>Expects a {@link dev.ometriasync.runtime.OmetriaListener} instance (not a String). No default.
     */
    public static final String LISTENER = PREFIX + "listener";

    private OmetriaSettings() {
    }

    /** The default values. */
    public static final class Defaults {

        /** Ometria's API. */
        public static final String ENDPOINT = "https://api.ometria.com";
        /** Durable outbox. */
        public static final SyncMode MODE = SyncMode.OUTBOX;
        /** Ometria's documented Data API rate. */
        public static final double REQUESTS_PER_SECOND = 4;
        /** Ometria's limit per request. */
        public static final int MAX_BATCH_SIZE = 100;
        /** One day. */
        public static final String RETRY_MAX_DURATION = "24h";
        /** Ten seconds. */
        public static final String SHUTDOWN_TIMEOUT = "10s";
        /** Thirty seconds. */
        public static final String REQUEST_TIMEOUT = "30s";
        /** Drop the invalid optional field and report it. */
        public static final String INVALID_FIELD_POLICY = "drop";
        /** Rows per relay round. */
        public static final int RELAY_BATCH_SIZE = 100;
        /** Thirty seconds. */
        public static final String RELAY_LEASE_DURATION = "30s";
        /** One second. */
        public static final String RELAY_POLL_INTERVAL = "1s";
        /** Relay-side failures before a row is marked dead. */
        public static final int RELAY_MAX_ATTEMPTS = 10;
        /** Five seconds. */
        public static final String STATELESS_CAPTURE_DELAY = "5s";
        /** As many as the pipeline holds by default. */
        public static final int DIRECT_MAX_PENDING = 100_000;

        private Defaults() {
        }
    }
}
