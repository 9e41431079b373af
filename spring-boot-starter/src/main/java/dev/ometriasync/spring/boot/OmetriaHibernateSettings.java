package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the bound {@link OmetriaProperties} into the Hibernate settings of {@link OmetriaSettings}, deciding first
 * whether the integration runs: the place where a missing or unresolved API key becomes a clear start-up failure
 * (when {@code ometria.enabled=true} or the key was a {@code ${...}} placeholder) or one WARN line (when nothing asked
 * for ometria-sync), instead of the silent switch-off of the Hibernate module alone.
 */
final class OmetriaHibernateSettings {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaHibernateSettings.class);

    private OmetriaHibernateSettings() {
    }

    /**
     * The settings to pass to Hibernate.
     *
     * @param properties the bound properties
     * @param connection where to send and with which key
     * @return the {@code ometria.*} Hibernate settings
     * @throws OmetriaStartupException when ometria-sync was asked for but no key resolves
     */
    static Map<String, Object> of(OmetriaProperties properties, OmetriaConnectionDetails connection) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (Boolean.FALSE.equals(properties.getEnabled())) {
            LOG.info("ometria-sync is switched off (ometria.enabled=false): nothing is captured or sent");
            settings.put(OmetriaSettings.ENABLED.key(), "false");
            return settings;
        }
        String apiKey = connection.apiKey() == null ? "" : connection.apiKey().trim();
        if (apiKey.contains("${")) {
            // Boot leaves an unresolvable placeholder in the value: a literal "${OMETRIA_API_KEY}" would only fail later, with 401s
            throw new OmetriaStartupException("ometria.api-key is an unresolved placeholder (" + placeholderName(apiKey)
                    + "): the environment variable or property it names is not set.",
                    "Set " + placeholderName(apiKey) + " (for example the OMETRIA_API_KEY environment variable), or write the"
                            + " placeholder with an empty default (${OMETRIA_API_KEY:}) to run without ometria-sync when it is"
                            + " missing, or set ometria.enabled=false.");
        }
        if (apiKey.isEmpty()) {
            if (Boolean.TRUE.equals(properties.getEnabled())) {
                throw new OmetriaStartupException("ometria.enabled=true but no Ometria API key is configured"
                        + " (ometria.api-key is missing or blank).",
                        "Set ometria.api-key, usually as ometria.api-key=${OMETRIA_API_KEY} with the OMETRIA_API_KEY"
                                + " environment variable set, or set ometria.enabled=false.");
            }
            LOG.warn("ometria-sync is OFF: no ometria.api-key is set, so nothing is sent to Ometria. Set ometria.api-key"
                    + " (or ometria.enabled=true to make a missing key an error), or ometria.enabled=false to silence this line.");
            settings.put(OmetriaSettings.ENABLED.key(), "false");
            return settings;
        }
        if (properties.getEnabled() != null) {
            // only when set: an explicit true also makes an unsupported Hibernate ORM version fail the start
            settings.put(OmetriaSettings.ENABLED.key(), properties.getEnabled().toString());
        }
        settings.put(OmetriaSettings.API_KEY.key(), apiKey);
        settings.put(OmetriaSettings.ENDPOINT.key(), connection.endpoint());
        settings.put(OmetriaSettings.MODE.key(), properties.getMode());
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), properties.getRequestsPerSecond());
        settings.put(OmetriaSettings.MAX_BATCH_SIZE.key(), properties.getMaxBatchSize());
        settings.put(OmetriaSettings.INVALID_FIELD_POLICY.key(), properties.getInvalidFieldPolicy().name().toLowerCase(Locale.ROOT));
        putIfSet(settings, OmetriaSettings.CAPTURE_FAILURE.key(), properties.getCaptureFailure());
        settings.put(OmetriaSettings.SHUTDOWN_TIMEOUT.key(), properties.getShutdownTimeout());
        settings.put(OmetriaSettings.REQUEST_TIMEOUT.key(), properties.getRequestTimeout());
        settings.put(OmetriaSettings.RETRY_MAX_DURATION.key(), properties.getRetry().getMaxDuration());
        settings.put(OmetriaSettings.RETRY_INITIAL_DELAY.key(), properties.getRetry().getInitialDelay());
        settings.put(OmetriaSettings.RETRY_MAX_DELAY.key(), properties.getRetry().getMaxDelay());
        OmetriaProperties.Queue queue = properties.getQueue();
        settings.put(OmetriaSettings.QUEUE_MAX_RECORDS.key(), queue.getMaxRecords());
        settings.put(OmetriaSettings.QUEUE_MAX_BYTES.key(), queue.getMaxBytes());
        settings.put(OmetriaSettings.QUEUE_ENQUEUE_TIMEOUT.key(), queue.getEnqueueTimeout());
        putIfSet(settings, OmetriaSettings.DELETE_POLICY_ORDER.key(), properties.getDeletePolicy().getOrder());
        putIfSet(settings, OmetriaSettings.DELETE_POLICY_PRODUCT.key(), properties.getDeletePolicy().getProduct());
        OmetriaProperties.Relay relay = properties.getRelay();
        settings.put(OmetriaSettings.RELAY_ENABLED.key(), Boolean.toString(relay.isEnabled()));
        settings.put(OmetriaSettings.RELAY_BATCH_SIZE.key(), relay.getBatchSize());
        settings.put(OmetriaSettings.RELAY_LEASE_DURATION.key(), relay.getLeaseDuration());
        settings.put(OmetriaSettings.RELAY_POLL_INTERVAL.key(), relay.getPollInterval());
        settings.put(OmetriaSettings.RELAY_MAX_ATTEMPTS.key(), relay.getMaxAttempts());
        putIfSet(settings, OmetriaSettings.RELAY_INSTANCE_ID.key(), relay.getInstanceId());
        putDeprecated(settings, properties);
        settings.put(OmetriaSettings.DIRECT_MAX_PENDING.key(), properties.getDirect().getMaxPending());
        putIfSet(settings, OmetriaSettings.PUSH_ERRORS_POLL_INTERVAL.key(), properties.getPushErrors().getPollInterval());
        return settings;
    }

    /** Deprecated properties, passed on only when set so that the integration's start-up WARN names them; no effect. */
    @SuppressWarnings("deprecation")
    private static void putDeprecated(Map<String, Object> settings, OmetriaProperties properties) {
        putIfSet(settings, OmetriaSettings.STATELESS_CAPTURE_DELAY.key(), properties.getStateless().getCaptureDelay());
    }

    private static void putIfSet(Map<String, Object> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, value);
        }
    }

    private static String placeholderName(String value) {
        int start = value.indexOf("${");
        int end = value.indexOf('}', start);
        return end < 0 ? value.substring(start) : value.substring(start, end + 1);
    }
}
