package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.hibernate.CaptureFailurePolicy;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.SyncMode;
import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.settings.Durations;
import dev.ometriasync.runtime.settings.SettingsReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The validated settings of one SessionFactory, read through the settings model ({@link OmetriaSettings}: each
 * setting's key, type, default and validation declared once). {@link #read(Map)} collects every problem and
 * reports them together, each naming its property, so that a misconfigured application fails at start with one
 * actionable message.
 *
 * @param enabled whether the integration runs
 * @param apiKey the API key (never logged)
 * @param endpoint the API base URL, without a trailing slash
 * @param mode outbox or direct
 * @param requestsPerSecond the account's request rate
 * @param maxBatchSize records per request
 * @param retryMaxDuration retry budget per record
 * @param retryInitialDelay the delay after a batch's first transient failure
 * @param retryMaxDelay the longest delay between two attempts
 * @param maxQueuedRecords the pipeline's bound on held records
 * @param maxQueuedBytes the pipeline's bound on held bytes
 * @param enqueueTimeout how long a submit waits while the pipeline is full
 * @param shutdownTimeout how long close waits for queued records
 * @param invalidFieldPolicy {@code drop} or {@code reject}
 * @param orderDeletePolicy override for orders, or null to use the annotation
 * @param productDeletePolicy override for products, or null to use the annotation
 * @param relayEnabled whether this instance runs the relay
 * @param relayBatchSize rows per relay round
 * @param leaseDuration lease and claim duration
 * @param pollInterval relay poll interval
 * @param relayMaxAttempts relay-side failures before a row is dead
 * @param instanceId this instance's name in claims and the lease
 * @param captureFailure what an unexpected error while recording a change does to the transaction
 * @param requestTimeout how long one push request may stay unanswered
 * @param directMaxPending direct mode: the most changed entities waiting to be read after commit
 * @param pushErrorsPollInterval how often to read {@code GET /v2/push/_errors}, or null not to (the default)
 */
public record OmetriaConfig(
        boolean enabled,
        String apiKey,
        String endpoint,
        SyncMode mode,
        double requestsPerSecond,
        int maxBatchSize,
        Duration retryMaxDuration,
        Duration retryInitialDelay,
        Duration retryMaxDelay,
        int maxQueuedRecords,
        long maxQueuedBytes,
        Duration enqueueTimeout,
        Duration shutdownTimeout,
        String invalidFieldPolicy,
        DeletePolicy orderDeletePolicy,
        DeletePolicy productDeletePolicy,
        boolean relayEnabled,
        int relayBatchSize,
        Duration leaseDuration,
        Duration pollInterval,
        int relayMaxAttempts,
        String instanceId,
        CaptureFailurePolicy captureFailure,
        Duration requestTimeout,
        int directMaxPending,
        Duration pushErrorsPollInterval) {

    /**
     * How many records the relay or direct mode's reader keeps handed to the pipeline and not yet finished: ten
     * batches, at least 1,000. Beyond that they read nothing more; what changes meanwhile waits as a change (a row, or
     * an entry that coalesces in memory), not as a record read too early. So the CPU they spend reading and
     * serializing is bounded by what Ometria accepts, however fast the application commits, and what is read is read
     * shortly before it is sent (the newest state).
     *
     * @return the most records ahead of the pipeline
     */
    public int recordsAheadOfThePipeline() {
        return Math.max(relayBatchSize * 10, 1_000);
    }

    /**
     * Whether the settings turn the integration on, without validating anything else. Used by the mapping
     * contributor, which runs before the full validation.
     *
     * @param settings the Hibernate properties
     * @return true when enabled
     */
    public static boolean isEnabled(Map<String, Object> settings) {
        Object enabled = settings.get(OmetriaSettings.ENABLED.key());
        if (enabled != null) {
            return Boolean.parseBoolean(enabled.toString().trim());
        }
        Object key = settings.get(OmetriaSettings.API_KEY.key());
        return key != null && !key.toString().isBlank();
    }

    /**
     * Whether {@code ometria.enabled=true} is set explicitly (then a problem that would switch the integration
     * off fails the start instead).
     *
     * @param settings the Hibernate properties
     * @return true when explicitly enabled
     */
    public static boolean isExplicitlyEnabled(Map<String, Object> settings) {
        Object enabled = settings.get(OmetriaSettings.ENABLED.key());
        return enabled != null && Boolean.parseBoolean(enabled.toString().trim());
    }

    /**
     * Whether the settings ask for the outbox table (enabled and in outbox mode).
     *
     * @param settings the Hibernate properties
     * @return true when the outbox entities must be mapped
     */
    public static boolean needsOutbox(Map<String, Object> settings) {
        if (!isEnabled(settings)) {
            return false;
        }
        try {
            return OmetriaSettings.MODE.read(settings) == SyncMode.OUTBOX;
        } catch (IllegalArgumentException e) {
            return false; // reported by read()
        }
    }

    /**
     * The {@code ometria.*} keys of the settings that no setting declares, each with the closest declared key, for
     * a WARN at start-up: a misspelt {@code ometria.mdoe} would otherwise be silently ignored.
     *
     * @param settings the Hibernate properties
     * @return one message per unknown key
     */
    public static List<String> unknownKeys(Map<String, Object> settings) {
        return SettingsReader.unknownKeys(settings, OmetriaSettings.all());
    }

    /**
     * Warnings for deprecated keys that are set, for a WARN at start-up: they are accepted and have no effect.
     *
     * @param settings the Hibernate properties
     * @return one message per deprecated key that is set
     */
    @SuppressWarnings("deprecation") // the one place that reads the deprecated key, to say it has no effect
    public static List<String> deprecatedKeys(Map<String, Object> settings) {
        if (settings.get(OmetriaSettings.STATELESS_CAPTURE_DELAY.key()) == null) {
            return List.of();
        }
        return List.of(OmetriaSettings.STATELESS_CAPTURE_DELAY.key() + " is deprecated and has no effect: a StatelessSession"
                + " change now joins its transaction on every supported Hibernate ORM line (written or noted when it commits,"
                + " whatever its length). Remove the setting.");
    }

    /**
     * Reads and validates the settings.
     *
     * @param settings the Hibernate properties
     * @return the configuration
     * @throws IllegalArgumentException naming every invalid property
     */
    @SuppressWarnings("deprecation") // reads the deprecated capture delay only to validate it
    public static OmetriaConfig read(Map<String, Object> settings) {
        SettingsReader reader = new SettingsReader(settings);
        boolean enabled = isEnabled(settings);
        String apiKey = reader.read(OmetriaSettings.API_KEY);
        if (enabled && (apiKey == null || apiKey.isBlank())) {
            reader.problem(OmetriaSettings.API_KEY.key() + " is required when " + OmetriaSettings.ENABLED.key()
                    + " is true: set it to the Ometria API key (Settings > API keys in the Ometria app)");
        }
        URI endpoint = reader.read(OmetriaSettings.ENDPOINT);
        SyncMode mode = reader.read(OmetriaSettings.MODE);
        double rate = reader.read(OmetriaSettings.REQUESTS_PER_SECOND);
        int batch = reader.read(OmetriaSettings.MAX_BATCH_SIZE);
        reader.read(OmetriaSettings.FLUSH_INTERVAL);
        Duration retry = reader.read(OmetriaSettings.RETRY_MAX_DURATION);
        Duration retryInitialDelay = reader.read(OmetriaSettings.RETRY_INITIAL_DELAY);
        Duration retryMaxDelay = reader.read(OmetriaSettings.RETRY_MAX_DELAY);
        if (retryMaxDelay.compareTo(retryInitialDelay) <= 0) {
            reader.problem(OmetriaSettings.RETRY_MAX_DELAY.key() + " (" + retryMaxDelay + ") must be longer than "
                    + OmetriaSettings.RETRY_INITIAL_DELAY.key() + " (" + retryInitialDelay + ")");
        }
        int maxQueuedRecords = reader.read(OmetriaSettings.QUEUE_MAX_RECORDS);
        long maxQueuedBytes = reader.read(OmetriaSettings.QUEUE_MAX_BYTES);
        Duration enqueueTimeout = reader.read(OmetriaSettings.QUEUE_ENQUEUE_TIMEOUT);
        Duration shutdown = reader.read(OmetriaSettings.SHUTDOWN_TIMEOUT);
        InvalidFieldPolicy invalidFieldPolicy = reader.read(OmetriaSettings.INVALID_FIELD_POLICY);
        DeletePolicy orderPolicy = reader.read(OmetriaSettings.DELETE_POLICY_ORDER);
        DeletePolicy productPolicy = reader.read(OmetriaSettings.DELETE_POLICY_PRODUCT);
        boolean relayEnabled = reader.read(OmetriaSettings.RELAY_ENABLED);
        int relayBatch = reader.read(OmetriaSettings.RELAY_BATCH_SIZE);
        Duration lease = reader.read(OmetriaSettings.RELAY_LEASE_DURATION);
        Duration poll = reader.read(OmetriaSettings.RELAY_POLL_INTERVAL);
        int maxAttempts = reader.read(OmetriaSettings.RELAY_MAX_ATTEMPTS);
        String instanceId = reader.read(OmetriaSettings.RELAY_INSTANCE_ID);
        if (instanceId == null) {
            instanceId = defaultInstanceId();
        }
        reader.read(OmetriaSettings.STATELESS_CAPTURE_DELAY); // deprecated, no effect; a wrong value still says so
        CaptureFailurePolicy captureFailure = reader.read(OmetriaSettings.CAPTURE_FAILURE);
        if (captureFailure == null) {
            captureFailure = mode == SyncMode.DIRECT ? CaptureFailurePolicy.LOG : CaptureFailurePolicy.FAIL;
        }
        Duration requestTimeout = reader.read(OmetriaSettings.REQUEST_TIMEOUT);
        int directMaxPending = reader.read(OmetriaSettings.DIRECT_MAX_PENDING);
        Duration pushErrorsPoll = reader.read(OmetriaSettings.PUSH_ERRORS_POLL_INTERVAL);
        if (pushErrorsPoll != null && pushErrorsPoll.isZero()) {
            pushErrorsPoll = null; // 0 is off, as unset
        }
        reader.throwIfInvalid("ometria-sync configuration");
        return new OmetriaConfig(enabled, apiKey, endpoint.toString(), mode, rate, batch, retry, retryInitialDelay,
                retryMaxDelay, maxQueuedRecords, maxQueuedBytes, enqueueTimeout, shutdown, invalidFieldPolicy.externalName(),
                orderPolicy, productPolicy, relayEnabled, relayBatch, lease, poll, maxAttempts, instanceId,
                captureFailure, requestTimeout, directMaxPending, pushErrorsPoll);
    }

    /** Hides the API key. */
    @Override
    public String toString() {
        return "OmetriaConfig[mode=" + mode.externalName() + ", endpoint=" + endpoint + ", requestsPerSecond=" + requestsPerSecond
                + ", maxBatchSize=" + maxBatchSize + ", instanceId=" + instanceId + "]";
    }

    /**
     * Parses a duration setting value.
     *
     * @param value a Duration, an ISO-8601 string or a number with a unit suffix
     * @return the duration
     * @throws IllegalArgumentException when the value is none of these or negative
     */
    static Duration parseDuration(Object value) {
        return Durations.parse(value);
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String id = host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 64 ? id : id.substring(id.length() - 64);
    }
}
