package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.hibernate.CaptureFailurePolicy;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSettings.Defaults;
import dev.ometriasync.hibernate.SyncMode;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated settings of one SessionFactory. {@link #read(Map)} collects every problem and reports
 * them together, each naming its property, so that a misconfigured application fails at start with one
 * actionable message.
 *
 * @param enabled whether the integration runs
 * @param apiKey the API key (never logged)
 * @param endpoint the API base URL
 * @param mode outbox or direct
 * @param requestsPerSecond the account's request rate
 * @param maxBatchSize records per request
 * @param flushInterval how long a batch may wait to fill, or null for the pipeline default
 * @param retryMaxDuration retry budget per record
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
 * @param statelessCaptureDelay delay before a stateless-session change is read back
 * @param captureFailure what an unexpected error while recording a change does to the transaction
 * @param requestTimeout how long one push request may stay unanswered
 * @param directMaxPending direct mode: the most changed entities waiting to be read after commit
 */
public record OmetriaConfig(
        boolean enabled,
        String apiKey,
        String endpoint,
        SyncMode mode,
        double requestsPerSecond,
        int maxBatchSize,
        Duration flushInterval,
        Duration retryMaxDuration,
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
        Duration statelessCaptureDelay,
        CaptureFailurePolicy captureFailure,
        Duration requestTimeout,
        int directMaxPending) {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /**
     * Whether the settings turn the integration on, without validating anything else. Used by the mapping
     * contributor, which runs before the full validation.
     *
     * @param settings the Hibernate properties
     * @return true when enabled
     */
    public static boolean isEnabled(Map<String, Object> settings) {
        Object enabled = settings.get(OmetriaSettings.ENABLED);
        if (enabled != null) {
            return Boolean.parseBoolean(enabled.toString().trim());
        }
        Object key = settings.get(OmetriaSettings.API_KEY);
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
        Object enabled = settings.get(OmetriaSettings.ENABLED);
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
        Object mode = settings.get(OmetriaSettings.MODE);
        try {
            return mode == null || parseMode(mode) == SyncMode.OUTBOX;
        } catch (IllegalArgumentException e) {
            return false; // reported by read()
        }
    }

    /**
     * Reads and validates the settings.
     *
     * @param settings the Hibernate properties
     * @return the configuration
     * @throws IllegalArgumentException naming every invalid property
     */
    public static OmetriaConfig read(Map<String, Object> settings) {
        Reader reader = new Reader(settings);
        boolean enabled = isEnabled(settings);
        String apiKey = reader.string(OmetriaSettings.API_KEY, null);
        if (enabled && (apiKey == null || apiKey.isBlank())) {
            reader.problems.add(OmetriaSettings.API_KEY + " is required when " + OmetriaSettings.ENABLED
                    + " is true: set it to the Ometria API key (Settings > API keys in the Ometria app)");
        }
        String endpoint = reader.string(OmetriaSettings.ENDPOINT, Defaults.ENDPOINT);
        if (endpoint != null && !endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
            reader.problems.add(OmetriaSettings.ENDPOINT + " must be an http(s) URL, was '" + endpoint + "'");
        }
        SyncMode mode = reader.parse(OmetriaSettings.MODE, Defaults.MODE, OmetriaConfig::parseMode);
        double rate = reader.parse(OmetriaSettings.REQUESTS_PER_SECOND, Defaults.REQUESTS_PER_SECOND, value -> {
            double parsed = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException("expected a positive number of requests per second");
            }
            return parsed;
        });
        int batch = reader.integer(OmetriaSettings.MAX_BATCH_SIZE, Defaults.MAX_BATCH_SIZE, 1, 100);
        Duration flushInterval = reader.duration(OmetriaSettings.FLUSH_INTERVAL, null);
        if (flushInterval != null) {
            reader.problems.add(OmetriaSettings.FLUSH_INTERVAL + " is not supported: the pipeline sends as soon as a request"
                    + " permit is free and batches fill by themselves under load; remove the property");
        }
        Duration retry = reader.duration(OmetriaSettings.RETRY_MAX_DURATION, Defaults.RETRY_MAX_DURATION);
        Duration shutdown = reader.duration(OmetriaSettings.SHUTDOWN_TIMEOUT, Defaults.SHUTDOWN_TIMEOUT);
        String invalidFieldPolicy = reader.parse(OmetriaSettings.INVALID_FIELD_POLICY, Defaults.INVALID_FIELD_POLICY, value -> {
            String policy = value.toString().trim().toLowerCase(Locale.ROOT);
            if (!policy.equals("drop") && !policy.equals("reject")) {
                throw new IllegalArgumentException("expected 'drop' or 'reject'");
            }
            return policy;
        });
        DeletePolicy orderPolicy = reader.parse(OmetriaSettings.DELETE_POLICY_ORDER, null, OmetriaConfig::parseDeletePolicy);
        DeletePolicy productPolicy = reader.parse(OmetriaSettings.DELETE_POLICY_PRODUCT, null, OmetriaConfig::parseDeletePolicy);
        boolean relayEnabled = reader.parse(OmetriaSettings.RELAY_ENABLED, Boolean.TRUE, value -> {
            String text = value.toString().trim();
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(text);
        });
        int relayBatch = reader.integer(OmetriaSettings.RELAY_BATCH_SIZE, Defaults.RELAY_BATCH_SIZE, 1, 10_000);
        Duration lease = reader.duration(OmetriaSettings.RELAY_LEASE_DURATION, Defaults.RELAY_LEASE_DURATION);
        if (lease != null && lease.compareTo(Duration.ofSeconds(1)) < 0) {
            reader.problems.add(OmetriaSettings.RELAY_LEASE_DURATION + " must be at least 1s, was " + lease);
        }
        Duration poll = reader.duration(OmetriaSettings.RELAY_POLL_INTERVAL, Defaults.RELAY_POLL_INTERVAL);
        int maxAttempts = reader.integer(OmetriaSettings.RELAY_MAX_ATTEMPTS, Defaults.RELAY_MAX_ATTEMPTS, 1, 1_000);
        String instanceId = reader.string(OmetriaSettings.RELAY_INSTANCE_ID, null);
        if (instanceId == null) {
            instanceId = defaultInstanceId();
        } else if (instanceId.length() > 64) {
            reader.problems.add(OmetriaSettings.RELAY_INSTANCE_ID + " must have at most 64 characters");
        }
        Duration statelessDelay = reader.duration(OmetriaSettings.STATELESS_CAPTURE_DELAY, Defaults.STATELESS_CAPTURE_DELAY);
        CaptureFailurePolicy captureFailure = reader.parse(OmetriaSettings.CAPTURE_FAILURE,
                mode == SyncMode.DIRECT ? CaptureFailurePolicy.LOG : CaptureFailurePolicy.FAIL,
                value -> value instanceof CaptureFailurePolicy policy ? policy : CaptureFailurePolicy.fromExternalName(value.toString()));
        Duration requestTimeout = reader.duration(OmetriaSettings.REQUEST_TIMEOUT, Defaults.REQUEST_TIMEOUT);
        if (requestTimeout != null && requestTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            reader.problems.add(OmetriaSettings.REQUEST_TIMEOUT + " must be at least 100ms, was " + requestTimeout);
        }
        int directMaxPending = reader.integer(OmetriaSettings.DIRECT_MAX_PENDING, Defaults.DIRECT_MAX_PENDING, 1, 10_000_000);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid ometria-sync configuration:\n  - " + String.join("\n  - ", reader.problems));
        }
        return new OmetriaConfig(enabled, apiKey, stripTrailingSlash(endpoint), mode, rate, batch, flushInterval, retry, shutdown,
                invalidFieldPolicy, orderPolicy, productPolicy, relayEnabled, relayBatch, lease, poll, maxAttempts,
                instanceId, statelessDelay, captureFailure, requestTimeout, directMaxPending);
    }

    /** Hides the API key. */
    @Override
    public String toString() {
        return "OmetriaConfig[mode=" + mode.externalName() + ", endpoint=" + endpoint + ", requestsPerSecond=" + requestsPerSecond
                + ", maxBatchSize=" + maxBatchSize + ", instanceId=" + instanceId + "]";
    }

    static SyncMode parseMode(Object value) {
        return value instanceof SyncMode mode ? mode : SyncMode.fromExternalName(value.toString());
    }

    static DeletePolicy parseDeletePolicy(Object value) {
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
    }

    /**
     * Parses a duration setting value.
     *
     * @param value a Duration, an ISO-8601 string or a number with a unit suffix
     * @return the duration
     * @throws IllegalArgumentException when the value is none of these or negative
     */
    static Duration parseDuration(Object value) {
        if (value instanceof Duration duration) {
            return requireNotNegative(duration);
        }
        String text = value.toString().trim();
        Matcher simple = SIMPLE_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return requireNotNegative(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 5m, 24h or PT10S");
        }
    }

    private static Duration requireNotNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative");
        }
        return duration;
    }

    private static String stripTrailingSlash(String endpoint) {
        return endpoint != null && endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
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

    /** Reads values, collecting problems instead of failing at the first one. */
    private static final class Reader {
        private final Map<String, Object> settings;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, Object> settings) {
            this.settings = settings;
        }

        String string(String key, String defaultValue) {
            Object value = settings.get(key);
            return value == null || value.toString().isBlank() ? defaultValue : value.toString().trim();
        }

        <T> T parse(String key, T defaultValue, java.util.function.Function<Object, T> parser) {
            Object value = settings.get(key);
            if (value == null || value.toString().isBlank()) {
                return defaultValue;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                problems.add(key + ": " + e.getMessage() + " (was '" + value + "')");
                return defaultValue;
            }
        }

        int integer(String key, int defaultValue, int min, int max) {
            return parse(key, defaultValue, value -> {
                int parsed;
                try {
                    parsed = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected an integer");
                }
                if (parsed < min || parsed > max) {
                    throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
                }
                return parsed;
            });
        }

        Duration duration(String key, String defaultValue) {
            Duration fallback = defaultValue == null ? null : parseDuration(defaultValue);
            return parse(key, fallback, OmetriaConfig::parseDuration);
        }
    }
}
