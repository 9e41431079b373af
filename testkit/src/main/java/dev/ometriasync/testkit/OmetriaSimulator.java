package dev.ometriasync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ometriasync.testkit.internal.ApiRouter;
import dev.ometriasync.testkit.internal.ErrorLog;
import dev.ometriasync.testkit.internal.FaultPlan;
import dev.ometriasync.testkit.internal.RecordChecker;
import dev.ometriasync.testkit.internal.RecordStore;
import dev.ometriasync.testkit.internal.RequestLog;
import dev.ometriasync.testkit.internal.SelfSignedCertificate;
import dev.ometriasync.testkit.internal.SimulatorSettings;
import dev.ometriasync.testkit.internal.ValidationWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for Ometria's Push API ({@code POST /v2/push}, {@code GET /v2/push/_errors}), served over
 * real HTTP and HTTPS on the loopback interface. It follows Ometria's documentation (see the testkit README for
 * every assumption it makes where the documentation is silent):
 * <ul>
 *   <li>{@code X-Ometria-Auth} must hold the key (401, or 403 when configured);</li>
 *   <li>a sliding-window rate limit per account, counting pushes and {@code _errors} reads alike (429, optional
 *       {@code Retry-After}) and a backlog: a queue of
 *       records waiting to be processed that drains over time (429 when a request does not fit), reported on every
 *       push answer in {@code X-QueueSize-Limit} and {@code X-QueueSize-Remaining};</li>
 *   <li>a JSON array of at most 100 records, each at most 60 KB, read as 60,000 bytes (400
 *       {@code Payload invalid: Record is too large.});</li>
 *   <li>acknowledgement first (200, or 202 when configured, with
 *       {@code {"status":"OK","request_id":..,"accepted":..,"rejected":..}}), validation afterwards, failures listed
 *       at {@code /v2/push/_errors};</li>
 *   <li>stored state with Ometria's merge rules, readable with {@link #record(String, String)} and friends;</li>
 *   <li>a log of every request with its arrival time on the simulator's clock; faults on demand.</li>
 * </ul>
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (OmetriaSimulator ometria = OmetriaSimulator.builder().clock(clock).start()) {
 *     // point the client under test at ometria.baseUri() with key ometria.apiKey()
 *     ometria.awaitIdle();
 *     assertThat(ometria.record("order", "ORD-1").get("status").asText()).isEqualTo("cancelled");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to free its ports and threads.
 */
public final class OmetriaSimulator implements AutoCloseable {

    /** The key the simulator expects unless told otherwise. */
    public static final String DEFAULT_API_KEY = "simulator-api-key";

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final SimulatorSettings settings;
    private final RecordStore store = new RecordStore();
    private final ErrorLog errors = new ErrorLog();
    private final RequestLog log = new RequestLog();
    private final FaultPlan faults = new FaultPlan();
    private final FaultPlan errorListFaults = new FaultPlan();
    private final ValidationWorker worker;
    private final ApiRouter router;
    private final ExecutorService executor;
    private final HttpServer http;
    private final HttpsServer https;
    private final SelfSignedCertificate certificate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OmetriaSimulator(Builder builder) {
        this.settings = builder.settings();
        this.worker = new ValidationWorker(new RecordChecker(settings.reportUnknownFields()), store, errors,
                settings.clock());
        this.router = new ApiRouter(settings, faults, errorListFaults, worker, errors, log);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ometria-simulator-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            this.http = HttpServer.create(new InetSocketAddress(loopback, builder.port), 128);
            http.createContext("/", router);
            http.setExecutor(executor);
            if (builder.https) {
                this.certificate = SelfSignedCertificate.generate(Duration.ofDays(30));
                this.https = HttpsServer.create(new InetSocketAddress(loopback, builder.httpsPort), 128);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
                https.createContext("/", router);
                https.setExecutor(executor);
            } else {
                this.certificate = null;
                this.https = null;
            }
        } catch (IOException e) {
            worker.close();
            executor.shutdownNow();
            throw new UncheckedIOException("Could not open the simulator's port on " + loopback + ": " + e.getMessage(), e);
        }
        http.start();
        if (https != null) {
            https.start();
        }
    }

    /** @return a builder with Ometria's documented limits and the default key */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a simulator with every default, already listening */
    public static OmetriaSimulator start() {
        return builder().start();
    }

    // ---- where it listens --------------------------------------------------------------------------------

    /** @return {@code http://127.0.0.1:<port>}: the endpoint to give the client (it appends {@code /v2/push}) */
    public URI baseUri() {
        return URI.create("http://" + hostLiteral() + ":" + port());
    }

    /** @return {@code https://127.0.0.1:<port>}, served with the generated certificate */
    public URI httpsBaseUri() {
        requireHttps();
        return URI.create("https://" + hostLiteral() + ":" + httpsPort());
    }

    /** @return the HTTP port */
    public int port() {
        return http.getAddress().getPort();
    }

    /** @return the HTTPS port */
    public int httpsPort() {
        requireHttps();
        return https.getAddress().getPort();
    }

    /** @return the key that {@code X-Ometria-Auth} must hold */
    public String apiKey() {
        return settings.apiKey();
    }

    /** @return the clock the simulator reads arrival times and rate windows from */
    public Clock clock() {
        return settings.clock();
    }

    /**
     * @return an SSL context that trusts the simulator's certificate (and nothing else), for
     *     {@code HttpClient.newBuilder().sslContext(..)}
     */
    public SSLContext sslContext() {
        requireHttps();
        return certificate.clientContext();
    }

    /** @return the generated self-signed certificate */
    public X509Certificate certificate() {
        requireHttps();
        return certificate.certificate();
    }

    /** @return a PKCS12 trust store holding the certificate, for clients configured with a trust store */
    public KeyStore trustStore() {
        requireHttps();
        return certificate.trustStore();
    }

    /** @return the certificate in PEM form */
    public String certificatePem() {
        requireHttps();
        return certificate.pem();
    }

    // ---- stored records ----------------------------------------------------------------------------------

    /**
     * The merged state of a non-contact record ({@code order}, {@code product}, {@code custom_event}), or of a
     * contact without a collection. Waits for pending validation first (unless validation is paused).
     *
     * @return a copy, or null when no such record was stored
     */
    public ObjectNode record(String type, String id) {
        awaitIdleUnlessPaused();
        return store.get(new RecordStore.Key(type, null, id));
    }

    /**
     * The merged state of a contact listing. Waits for pending validation first (unless validation is paused).
     *
     * @param collection the {@code @collection}, or null for none
     * @return a copy, or null when no such contact was stored
     */
    public ObjectNode contact(String collection, String id) {
        awaitIdleUnlessPaused();
        return store.get(new RecordStore.Key("contact", collection, id));
    }

    /** @return copies of every stored record of a type, in order of first arrival (waits for validation) */
    public List<ObjectNode> records(String type) {
        awaitIdleUnlessPaused();
        return store.all(type);
    }

    /**
     * Custom events stored without any of {@code identity_email}, {@code identity_account_id}, {@code profile_id}.
     * Ometria queues such an event but attaches it to no contact, so it can drive no automation; it is not listed at {@code _errors}, since Ometria documents no error for it. Waits for validation.
     *
     * @return copies of those events, in order of first arrival
     */
    public List<ObjectNode> eventsWithoutContact() {
        awaitIdleUnlessPaused();
        return store.eventsWithoutContact();
    }

    /** @return how many records are stored (waits for validation) */
    public int recordCount() {
        awaitIdleUnlessPaused();
        return store.count();
    }

    /** @return how many records of a type are stored (waits for validation) */
    public int recordCount(String type) {
        awaitIdleUnlessPaused();
        return store.count(type);
    }

    // ---- validation --------------------------------------------------------------------------------------

    /**
     * Every validation failure so far (also intake rejections), oldest first; {@code _errors} shows the 100
     * most recent of these, newest first. Waits for validation.
     */
    public List<ValidationFailure> errors() {
        awaitIdleUnlessPaused();
        return errors.all();
    }

    /**
     * Waits until every acknowledged record has been validated and stored (or listed as an error).
     *
     * @throws IllegalStateException after 30 s, or at once when validation is paused with records pending
     */
    public void awaitIdle() {
        if (worker.isPaused() && !worker.isIdle()) {
            throw new IllegalStateException("Validation is paused with records pending; call resumeValidation() first");
        }
        if (!awaitIdle(IDLE_TIMEOUT)) {
            throw new IllegalStateException("Validation did not finish within " + IDLE_TIMEOUT);
        }
    }

    /** @return whether validation finished within the timeout */
    public boolean awaitIdle(Duration timeout) {
        try {
            return worker.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops validating (records are still acknowledged), to observe the state between ack and validation. */
    public void pauseValidation() {
        worker.pause();
    }

    /** Resumes validation after {@link #pauseValidation()}. */
    public void resumeValidation() {
        worker.resume();
    }

    // ---- request log -------------------------------------------------------------------------------------

    /**
     * @return every request answered so far (push, {@code _errors}, others), in order of arrival: a request held
     *     ({@link Fault#hold()}) or delayed ({@link Fault#delay(Duration)}) is listed once its answer is decided,
     *     in its place
     */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /**
     * @return the {@code POST /v2/push} requests answered so far, in order of arrival (as {@link #requests()}:
     *     a held or delayed request is listed once its answer is decided)
     */
    public List<RecordedRequest> pushRequests() {
        return log.matching(RecordedRequest::isPush);
    }

    /** @return how many requests were received */
    public int requestCount() {
        return log.count(request -> true);
    }

    /** @return how many {@code POST /v2/push} requests were received */
    public int pushRequestCount() {
        return log.count(RecordedRequest::isPush);
    }

    /** @return how many requests were answered 429 (rate limit, backlog cap or injected) */
    public int rateLimitedCount() {
        return log.count(request -> request.status() == 429);
    }

    /**
     * @return the largest number of push requests (any answer) that arrived within one window of the given
     *     length, windows being half-open like the simulator's own limit
     */
    public int maxPushRequestsInAnyWindow(Duration window) {
        return log.maxInAnyWindow(window, RecordedRequest::isPush);
    }

    /**
     * @return the largest number of requests of any kind ({@code POST /v2/push} and {@code GET /v2/push/_errors}, any
     *     answer) that arrived within one sliding second: what an account's budget for all Data API calls sees
     */
    public int maxRequestsInAnySecond() {
        return log.maxInAnyWindow(Duration.ofSeconds(1), request -> true);
    }

    /** @return the largest number of push requests (any answer) that arrived within any sliding second */
    public int maxPushRequestsInAnySecond() {
        return maxPushRequestsInAnyWindow(Duration.ofSeconds(1));
    }

    // ---- faults ------------------------------------------------------------------------------------------

    /** Plays a fault on the next push request. */
    public void failNext(Fault fault) {
        failNext(1, fault);
    }

    /** Plays a fault on each of the next {@code count} push requests (after any already queued). */
    public void failNext(int count, Fault fault) {
        faults.queue(count, fault);
    }

    /**
     * Plays a fault on a random share of push requests, from now until {@link #clearFaults()}: for each push
     * request that no {@link #failNext queued} fault took, every random fault draws once, in the order armed, and
     * the first that hit is played. The draws come from {@code seed}, so the same run of requests meets the same
     * faults. A soak test arms several: {@code failAtRandom(0.03, Fault.status(429), 1)},
     * {@code failAtRandom(0.03, Fault.status(503), 2)}, {@code failAtRandom(0.05, Fault.slowAnswer(..), 3)}.
     *
     * @param probability the share of push requests to fail, within (0, 1]
     * @param fault the fault to play
     * @param seed the seed of this fault's draws
     */
    public void failAtRandom(double probability, Fault fault, long seed) {
        faults.atRandom(probability, fault, seed);
    }

    /**
     * Plays a fault on every push request, from now until {@link #clearFaults()}, that holds a record matching
     * the predicate (tested on each array element after the size checks).
     */
    public void failRequestsWithRecord(Predicate<? super JsonNode> matcher, Fault fault) {
        faults.whenRecord(matcher, fault);
    }

    /**
     * Answers 400 to every push request holding a record that matches, until {@link #clearFaults()}: a poison
     * record, to exercise batch bisection.
     */
    public void rejectRequestsWithRecord(Predicate<? super JsonNode> matcher) {
        failRequestsWithRecord(matcher, Fault.status(400).withBody(
                "{\"status\":\"ERROR\",\"message\":\"Payload invalid: simulated poison record\"}"));
    }

    /**
     * Plays a fault on each of the next {@code count} {@code GET /v2/push/_errors} requests (push faults never touch
     * them). For a 5xx, a dropped connection or a slow answer of the error list.
     *
     * @param count how many requests
     * @param fault the fault
     */
    public void failNextErrorListings(int count, Fault fault) {
        errorListFaults.queue(count, fault);
    }

    /**
     * Acknowledges matching records as usual and then, at validation, refuses them: lists each at
     * {@code GET /v2/push/_errors} as {@code not a valid value} at {@code errorPath} (Ometria's documented entry) and
     * does not store it, until {@link #clearFaults()}. Stands for a rule Ometria applies after acknowledging that no
     * local check foresees (the simulator's own field rules list their failures there too).
     *
     * @param matcher which records (tested on each acknowledged record that passed the simulator's own checks)
     * @param errorPath the {@code error_path} to list, written like {@code root > firstname}
     */
    public void refuseLaterRecords(Predicate<? super JsonNode> matcher, String errorPath) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(errorPath, "errorPath");
        worker.refuseLater(matcher, errorPath);
    }

    /** Forgets every armed fault (error-listing faults and later refusals included) and releases held requests. */
    public void clearFaults() {
        faults.clear();
        errorListFaults.clear();
        worker.clearRefusals();
    }

    /** Lets every request held by {@link Fault#hold()} go on. */
    public void releaseHeldRequests() {
        faults.gate().releaseAll();
        errorListFaults.gate().releaseAll();
    }

    /** @return whether at least {@code count} requests were held at once before the timeout */
    public boolean awaitHeldRequests(int count, Duration timeout) {
        try {
            return faults.gate().awaitHeld(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    /**
     * Back to the state of a fresh start, keeping ports, key, certificate and settings: no records, errors,
     * logged requests, faults (held requests are released), rate or backlog history; validation resumed.
     */
    public void reset() {
        faults.clear();
        errorListFaults.clear();
        worker.clearRefusals();
        worker.discardPending();
        worker.resume();
        awaitIdle(IDLE_TIMEOUT);
        router.reset();
        store.clear();
        errors.clear();
        log.clear();
    }

    /** Stops both listeners at once, releases held requests and stops validation. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        faults.gate().close();
        errorListFaults.gate().close();
        http.stop(0);
        if (https != null) {
            https.stop(0);
        }
        worker.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "OmetriaSimulator[" + baseUri() + (https != null ? ", " + httpsBaseUri() : "") + ", " + settings + "]";
    }

    private void awaitIdleUnlessPaused() {
        if (!worker.isPaused()) {
            awaitIdle();
        }
    }

    private void requireHttps() {
        if (https == null) {
            throw new IllegalStateException("HTTPS is off for this simulator; build it with https(true)");
        }
    }

    private String hostLiteral() {
        String host = http.getAddress().getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Configures a simulator; every setting has Ometria's documented value (or a documented assumption). */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private int requestsPerSecond = 8;
        private Duration rateWindow = Duration.ofSeconds(1);
        private int maxRecordsPerRequest = 100;
        private int maxRecordBytes = 60_000;
        private int backlogCap = 50_000;
        private double backlogDrainPerSecond = 1_000;
        private boolean sendRetryAfter;
        private int successStatus = 200;
        private int authFailureStatus = 401;
        private boolean rejectMixedTypes;
        private boolean reportUnknownFields;
        private boolean keepRequestBodies = true;
        private Clock clock = Clock.systemUTC();
        private int port;
        private int httpsPort;
        private boolean https = true;
        private Duration networkDelayMin = Duration.ZERO;
        private Duration networkDelayMax = Duration.ZERO;
        private Duration newConnectionDelay = Duration.ZERO;

        private Builder() {
        }

        /** @param apiKey the key {@code X-Ometria-Auth} must hold (default {@value #DEFAULT_API_KEY}) */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param requestsPerSecond push requests admitted per sliding second (default 8, Ometria's current figure
         *     for push; the older pages say 4 for the whole Data API)
         */
        public Builder requestsPerSecond(int requestsPerSecond) {
            this.requestsPerSecond = positive(requestsPerSecond, "requestsPerSecond");
            return this;
        }

        /**
         * @param limit push requests admitted per window
         * @param window window length (default 1 s)
         */
        public Builder rateLimit(int limit, Duration window) {
            this.requestsPerSecond = positive(limit, "limit");
            this.rateWindow = positive(window, "window");
            return this;
        }

        /** @param max records per request (default 100, Ometria's documented limit) */
        public Builder maxRecordsPerRequest(int max) {
            this.maxRecordsPerRequest = positive(max, "maxRecordsPerRequest");
            return this;
        }

        /**
         * @param max UTF-8 bytes per record as sent (default 60,000: Ometria writes "60k byte" and "60KB", which may
         *     mean 60,000 or 61,440; the simulator takes the stricter reading, as the library does)
         */
        public Builder maxRecordBytes(int max) {
            this.maxRecordBytes = positive(max, "maxRecordBytes");
            return this;
        }

        /**
         * The backlog of records waiting to be processed: a push whose records do not fit gets 429, and every push
         * answer says {@code X-QueueSize-Limit: limit} and {@code X-QueueSize-Remaining}.
         *
         * @param limit records that may wait (default 50,000, Ometria's documented backlog)
         * @param drainPerSecond records processed per second (default 1,000: not documented; an assumption above the
         *     800 records a second that 8 requests of 100 records can bring, so that only a test that asks for it
         *     fills the backlog)
         */
        public Builder backlog(int limit, int drainPerSecond) {
            this.backlogCap = positive(limit, "limit");
            this.backlogDrainPerSecond = positive(drainPerSecond, "drainPerSecond");
            return this;
        }

        /**
         * A backlog of {@code records} that drains {@code records} per {@code window}: as {@link #backlog(int, int)},
         * for callers that think of Ometria's "50,000 records in a short timeframe" as a window.
         *
         * @param records records that may wait
         * @param window the time the backlog takes to drain from full to empty
         */
        public Builder backlogCap(int records, Duration window) {
            this.backlogCap = positive(records, "records");
            this.backlogDrainPerSecond = records / (positive(window, "window").toNanos() / 1e9);
            return this;
        }

        /**
         * @param send whether a 429 from the rate limit or backlog cap carries {@code Retry-After} in whole seconds
         *     (default false: Ometria does not document it)
         */
        public Builder sendRetryAfter(boolean send) {
            this.sendRetryAfter = send;
            return this;
        }

        /**
         * @param status the status of an accepted push: 200 (default) or 202. Ometria documents the body of a
         *     successful push, not its status; one production client requires 202, another accepts either
         *    
         */
        public Builder successStatus(int status) {
            if (status != 200 && status != 202) {
                throw new IllegalArgumentException("successStatus must be 200 or 202, got " + status);
            }
            this.successStatus = status;
            return this;
        }

        /** @param status 401 (default) or 403, for a missing or wrong key: Ometria does not say which */
        public Builder authFailureStatus(int status) {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("authFailureStatus must be 401 or 403, got " + status);
            }
            this.authFailureStatus = status;
            return this;
        }

        /**
         * @param reject whether a push mixing {@code @type}s is refused with 400 (default false: Ometria says not
         *     to mix types but not that it refuses such a request; the request log shows the types either way)
         */
        public Builder rejectMixedTypes(boolean reject) {
            this.rejectMixedTypes = reject;
            return this;
        }

        /**
         * @param report whether fields outside the simulator's field tables are validation errors (default false:
         *     Ometria's tables are only partly known)
         */
        public Builder reportUnknownFields(boolean report) {
            this.reportUnknownFields = report;
            return this;
        }

        /** @param keep whether the request log keeps request bodies (default true; turn off for long benchmarks) */
        public Builder keepRequestBodies(boolean keep) {
            this.keepRequestBodies = keep;
            return this;
        }

        /**
         * @param clock the time source for rate and backlog windows, arrival times and {@code Retry-After}
         *     (default the system clock); share a {@link ManualClock} with the code under test for deterministic
         *     tests
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param port the HTTP port on the loopback interface (default 0: any free port) */
        public Builder port(int port) {
            this.port = portNumber(port);
            return this;
        }

        /** @param port the HTTPS port on the loopback interface (default 0: any free port) */
        public Builder httpsPort(int port) {
            this.httpsPort = portNumber(port);
            return this;
        }

        /** @param enabled whether the HTTPS listener starts too (default true) */
        public Builder https(boolean enabled) {
            this.https = enabled;
            return this;
        }

        /**
         * Network latency that varies per request, in real time: each request waits a random time between {@code min}
         * and {@code max} before the simulator sees it, and its arrival time and its place in the rate window are
         * taken after the wait. Two requests sent {@code d} apart can so arrive anywhere between {@code d - (max - min)}
         * and {@code d + (max - min)} apart, as on a real network: a client that counts its rate on its own clock alone
         * gets 429s. Default none.
         *
         * @param min the shortest wait, zero or more
         * @param max the longest wait, at least {@code min}
         */
        public Builder networkJitter(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("networkJitter needs 0 <= min <= max, got " + min + " and " + max);
            }
            this.networkDelayMin = min;
            this.networkDelayMax = max;
            return this;
        }

        /**
         * An extra real-time wait before the first request of each new connection is seen, on top of
         * {@link #networkJitter}: stands for TCP and TLS set-up, which only the first request on a connection pays.
         * Default none.
         *
         * @param delay the wait, zero or more
         */
        public Builder newConnectionDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("newConnectionDelay must not be negative, got " + delay);
            }
            this.newConnectionDelay = delay;
            return this;
        }

        /** @return a started simulator */
        public OmetriaSimulator start() {
            return new OmetriaSimulator(this);
        }

        SimulatorSettings settings() {
            return new SimulatorSettings(apiKey, requestsPerSecond, rateWindow, maxRecordsPerRequest, maxRecordBytes,
                    backlogCap, backlogDrainPerSecond, sendRetryAfter, successStatus, authFailureStatus,
                    rejectMixedTypes, reportUnknownFields, keepRequestBodies, clock, networkDelayMin, networkDelayMax,
                    newConnectionDelay);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static int portNumber(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0-65535, got " + port);
            }
            return port;
        }
    }
}
