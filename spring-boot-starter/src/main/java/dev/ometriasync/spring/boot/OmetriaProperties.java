package dev.ometriasync.spring.boot;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.hibernate.CaptureFailurePolicy;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.SyncMode;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The {@code ometria.*} properties of a Spring Boot application. Bound with {@code ignoreUnknownFields = false}, so a
 * misspelt key such as {@code ometria.mdoe} fails the start naming it, instead of being ignored. The starter passes
 * them to Hibernate as the {@code ometria.*} settings of {@code dev.ometriasync.hibernate.OmetriaSettings}; no
 * {@code spring.jpa.properties.ometria.*} is needed. Every default is the settings model's ({@code OmetriaSettings},
 * {@code PipelineProperties}), and so is every limit: the values are checked when Hibernate reads them.
 */
@ConfigurationProperties(prefix = "ometria", ignoreUnknownFields = false)
public class OmetriaProperties {

    /**
     * Whether ometria-sync runs. Unset: it runs when an API key is set, and logs a WARN line when none is. true: a
     * missing key (or an unresolved ${...} placeholder) fails the start. false: off, whatever else is set (local
     * runs, tests).
     */
    private Boolean enabled;

    /**
     * The Ometria API key, sent as X-Ometria-Auth; never logged. Usually ${OMETRIA_API_KEY}.
     */
    private String apiKey;

    /**
     * The base URL of Ometria's API; records go to {endpoint}/v2/push. Plain http:// only for loopback addresses.
     */
    private String endpoint = OmetriaSettings.ENDPOINT.defaultValue().toString();

    /**
     * How changes travel: outbox (durable, an ometria_outbox table written in the business transaction and a relay
     * that sends after commit) or direct (in memory after commit; a crash can lose changes not yet sent).
     */
    private SyncMode mode = OmetriaSettings.MODE.defaultValue();

    /**
     * Requests per second allowed for the account (more than 0, at most 1000); the pipeline keeps a few percent
     * under it.
     */
    private double requestsPerSecond = OmetriaSettings.REQUESTS_PER_SECOND.defaultValue();

    /**
     * The most records in one push request (1 to 100).
     */
    private int maxBatchSize = OmetriaSettings.MAX_BATCH_SIZE.defaultValue();

    /**
     * What happens to a record with an invalid optional field: drop sends it without the field and reports it,
     * reject does not send the record.
     */
    private InvalidFieldPolicy invalidFieldPolicy = InvalidFieldPolicy.valueOf(
            OmetriaSettings.INVALID_FIELD_POLICY.defaultValue().externalName().toUpperCase(Locale.ROOT));

    /**
     * What an unexpected error of ometria-sync while recording a change does to the transaction: fail rolls it
     * back, log lets it commit without that change. Unset: fail in outbox mode, log in direct mode.
     */
    private CaptureFailurePolicy captureFailure;

    /**
     * How long closing the application waits for queued records to be sent.
     */
    private Duration shutdownTimeout = OmetriaSettings.SHUTDOWN_TIMEOUT.defaultValue();

    /**
     * How long one push request may stay unanswered before it is given up on (and retried); the relay keeps a row's
     * claim this much longer than its lease.
     */
    private Duration requestTimeout = OmetriaSettings.REQUEST_TIMEOUT.defaultValue();

    private final Retry retry = new Retry();

    private final Queue queue = new Queue();

    private final DeletePolicies deletePolicy = new DeletePolicies();

    private final Relay relay = new Relay();

    private final Stateless stateless = new Stateless();

    private final Direct direct = new Direct();

    private final Health health = new Health();

    private final PushErrors pushErrors = new PushErrors();

    /** What happens to a record with an invalid optional field. */
    public enum InvalidFieldPolicy {
        /** Send the record without the field and report it. */
        DROP,
        /** Do not send the record. */
        REJECT
    }

    /** Retrying of records that keep failing. */
    public static class Retry {

        /**
         * How long a record that keeps failing (5xx, I/O errors) is retried before it is dead-lettered (outbox rows
         * then get status DEAD).
         */
        private Duration maxDuration = OmetriaSettings.RETRY_MAX_DURATION.defaultValue();

        /**
         * The delay after a batch's first transient failure; it doubles with each further failure, with jitter.
         */
        private Duration initialDelay = OmetriaSettings.RETRY_INITIAL_DELAY.defaultValue();

        /**
         * The longest delay between two attempts of a failing batch; longer than the initial delay.
         */
        private Duration maxDelay = OmetriaSettings.RETRY_MAX_DELAY.defaultValue();

        /** @return the retry budget */
        public Duration getMaxDuration() {
            return maxDuration;
        }

        /** @param maxDuration the retry budget */
        public void setMaxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
        }

        /** @return the first retry delay */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** @param initialDelay the first retry delay */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** @return the longest retry delay */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** @param maxDelay the longest retry delay */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** The pipeline's memory bounds and back-pressure. */
    public static class Queue {

        /**
         * The most records the pipeline holds at once, after coalescing, in flight included (at least 1).
         */
        private int maxRecords = OmetriaSettings.QUEUE_MAX_RECORDS.defaultValue();

        /**
         * The most bytes of record JSON the pipeline holds at once (at least 65536).
         */
        private long maxBytes = OmetriaSettings.QUEUE_MAX_BYTES.defaultValue();

        /**
         * How long handing a record to a full pipeline waits before the record is given up.
         */
        private Duration enqueueTimeout = OmetriaSettings.QUEUE_ENQUEUE_TIMEOUT.defaultValue();

        /** @return the record bound */
        public int getMaxRecords() {
            return maxRecords;
        }

        /** @param maxRecords the record bound */
        public void setMaxRecords(int maxRecords) {
            this.maxRecords = maxRecords;
        }

        /** @return the byte bound */
        public long getMaxBytes() {
            return maxBytes;
        }

        /** @param maxBytes the byte bound */
        public void setMaxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** @return the enqueue timeout */
        public Duration getEnqueueTimeout() {
            return enqueueTimeout;
        }

        /** @param enqueueTimeout the enqueue timeout */
        public void setEnqueueTimeout(Duration enqueueTimeout) {
            this.enqueueTimeout = enqueueTimeout;
        }
    }

    /** What is sent when an entity is deleted, overriding the annotations. */
    public static class DeletePolicies {

        /**
         * For every @OmetriaOrder type: ignore sends nothing, deactivate sends is_valid=false. Unset: the annotation's
         * value.
         */
        private DeletePolicy order;

        /**
         * For every @OmetriaProduct type: ignore sends nothing, deactivate sends is_active=false. Unset: the
         * annotation's value.
         */
        private DeletePolicy product;

        /** @return the order policy, or null */
        public DeletePolicy getOrder() {
            return order;
        }

        /** @param order the order policy */
        public void setOrder(DeletePolicy order) {
            this.order = order;
        }

        /** @return the product policy, or null */
        public DeletePolicy getProduct() {
            return product;
        }

        /** @param product the product policy */
        public void setProduct(DeletePolicy product) {
            this.product = product;
        }
    }

    /** The outbox relay (outbox mode). */
    public static class Relay {

        /**
         * Whether this instance runs the outbox relay. false: it only writes outbox rows and another instance sends
         * them.
         */
        private boolean enabled = OmetriaSettings.RELAY_ENABLED.defaultValue();

        /**
         * How many outbox rows the relay claims, reloads and serializes at once.
         */
        private int batchSize = OmetriaSettings.RELAY_BATCH_SIZE.defaultValue();

        /**
         * How long the relay lease and row claims last without renewal; another instance takes over a dead
         * holder's lease after this long (at least 1s).
         */
        private Duration leaseDuration = OmetriaSettings.RELAY_LEASE_DURATION.defaultValue();

        /**
         * How often the relay looks for rows when no commit woke it (other instances' rows, due retries, an expired
         * lease).
         */
        private Duration pollInterval = OmetriaSettings.RELAY_POLL_INTERVAL.defaultValue();

        /**
         * How many times a row whose entity cannot be reloaded or serialized is retried before it is marked DEAD.
         */
        private int maxAttempts = OmetriaSettings.RELAY_MAX_ATTEMPTS.defaultValue();

        /**
         * The name this instance records in claims and in the lease (at most 64 characters). Unset: host name,
         * process id and a random suffix.
         */
        private String instanceId;

        /** @return whether the relay runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the relay runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return rows per round */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize rows per round */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return the lease duration */
        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        /** @param leaseDuration the lease duration */
        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        /** @return the poll interval */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the poll interval */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return attempts before a row is dead */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts attempts before a row is dead */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the instance id, or null */
        public String getInstanceId() {
            return instanceId;
        }

        /** @param instanceId the instance id */
        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }

    /** Changes made through a StatelessSession. */
    public static class Stateless {

        /**
         * Deprecated, no effect: a StatelessSession change now joins its transaction on every supported Hibernate ORM
         * line, whatever the transaction's length.
         */
        private Duration captureDelay;

        /**
         * @return the delay, or null when not set
         * @deprecated no effect: a StatelessSession change joins its transaction; remove the property
         */
        @Deprecated
        @DeprecatedConfigurationProperty(reason = "A StatelessSession change now joins its transaction on every supported"
                + " Hibernate ORM line, whatever the transaction's length; the delay has no effect")
        public Duration getCaptureDelay() {
            return captureDelay;
        }

        /**
         * @param captureDelay the delay (ignored)
         * @deprecated no effect: remove the property
         */
        @Deprecated
        public void setCaptureDelay(Duration captureDelay) {
            this.captureDelay = captureDelay;
        }
    }

    /** Direct mode (ometria.mode=direct). */
    public static class Direct {

        /**
         * How many changed entities may wait to be read and sent after commit; a change of a further entity is dropped
         * (the committing thread never waits), counted in ometria.changes.dropped and warned about once a minute at most.
         */
        private int maxPending = 100_000;

        /** @return the limit */
        public int getMaxPending() {
            return maxPending;
        }

        /** @param maxPending the limit */
        public void setMaxPending(int maxPending) {
            this.maxPending = maxPending;
        }
    }

    /** Reading Ometria's validation errors (GET /v2/push/_errors). */
    public static class PushErrors {

        /**
         * How often to read Ometria's validation errors (GET /v2/push/_errors: records Ometria acknowledged and found
         * invalid later, which are then not stored), such as 5m; at least 1s. Each new entry is reported to the
         * OmetriaListener beans, the meter ometria.pipeline.push.errors, the log and the ometria Actuator endpoint,
         * with its record type and id where they can be told (Ometria names neither: an entry is matched against the
         * records this instance sent in the last ten minutes, or three intervals when longer). Each read is one request of the account's rate budget,
         * from the same limiter as the pushes; a 401/403 on a read stops sending as on a push. Unset or 0: off.
         */
        private Duration pollInterval;

        /** @return the poll interval, or null when off */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the poll interval, or null for off */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /** The Actuator health indicator "ometria". */
    public static class Health {

        /**
         * The age of the oldest pending outbox row above which the health indicator reports stale-outbox-status.
         */
        private Duration maxPendingAge = Duration.ofMinutes(15);

        /**
         * The status reported when the oldest pending outbox row is older than max-pending-age: OUT_OF_SERVICE or
         * DOWN.
         */
        private String staleOutboxStatus = "OUT_OF_SERVICE";

        /**
         * Relay rounds that failed in a row (database unreachable, say) from which the relay counts as unable to
         * run: the health indicator then reports DOWN.
         */
        private int relayFailedRounds = 3;

        /** @return the threshold */
        public Duration getMaxPendingAge() {
            return maxPendingAge;
        }

        /** @param maxPendingAge the threshold */
        public void setMaxPendingAge(Duration maxPendingAge) {
            this.maxPendingAge = maxPendingAge;
        }

        /** @return the status code for a stale outbox */
        public String getStaleOutboxStatus() {
            return staleOutboxStatus;
        }

        /** @param staleOutboxStatus the status code for a stale outbox */
        public void setStaleOutboxStatus(String staleOutboxStatus) {
            this.staleOutboxStatus = staleOutboxStatus;
        }

        /** @return failed rounds from which the relay is DOWN */
        public int getRelayFailedRounds() {
            return relayFailedRounds;
        }

        /** @param relayFailedRounds failed rounds from which the relay is DOWN */
        public void setRelayFailedRounds(int relayFailedRounds) {
            this.relayFailedRounds = relayFailedRounds;
        }
    }

    /** @return whether enabled, or null when unset */
    public Boolean getEnabled() {
        return enabled;
    }

    /** @param enabled whether enabled */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the API key */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the endpoint */
    public String getEndpoint() {
        return endpoint;
    }

    /** @param endpoint the endpoint */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the mode */
    public SyncMode getMode() {
        return mode;
    }

    /** @param mode the mode */
    public void setMode(SyncMode mode) {
        this.mode = mode;
    }

    /** @return the request rate */
    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    /** @param requestsPerSecond the request rate */
    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    /** @return records per request */
    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    /** @param maxBatchSize records per request */
    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** @return the invalid-field policy */
    public InvalidFieldPolicy getInvalidFieldPolicy() {
        return invalidFieldPolicy;
    }

    /** @param invalidFieldPolicy the invalid-field policy */
    public void setInvalidFieldPolicy(InvalidFieldPolicy invalidFieldPolicy) {
        this.invalidFieldPolicy = invalidFieldPolicy;
    }

    /** @return the capture-failure policy, or null */
    public CaptureFailurePolicy getCaptureFailure() {
        return captureFailure;
    }

    /** @param captureFailure the capture-failure policy */
    public void setCaptureFailure(CaptureFailurePolicy captureFailure) {
        this.captureFailure = captureFailure;
    }

    /** @return the shutdown timeout */
    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    /** @param shutdownTimeout the shutdown timeout */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** @return the request timeout */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @param requestTimeout the request timeout */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** @return the pipeline's memory bounds */
    public Queue getQueue() {
        return queue;
    }

    /** @return retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return delete policies */
    public DeletePolicies getDeletePolicy() {
        return deletePolicy;
    }

    /** @return relay settings */
    public Relay getRelay() {
        return relay;
    }

    /** @return stateless-session settings */
    public Stateless getStateless() {
        return stateless;
    }

    /** @return direct-mode settings */
    public Direct getDirect() {
        return direct;
    }

    /** @return health indicator settings */
    public Health getHealth() {
        return health;
    }

    /** @return settings of the GET /v2/push/_errors poller */
    public PushErrors getPushErrors() {
        return pushErrors;
    }
}
