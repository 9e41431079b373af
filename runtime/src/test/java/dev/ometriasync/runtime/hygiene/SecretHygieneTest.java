package dev.ometriasync.runtime.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.internal.validation.RecordValidator;
import dev.ometriasync.runtime.internal.validation.ValidationResult;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 3's secret-hygiene check: with every logger captured at its finest level — ours through SLF4J, the
 * JDK HTTP client's {@code System.Logger}/JUL output, and its {@code jdk.internal.httpclient.debug} traces on
 * standard error (this class runs in its own JVM with those switches on; see the runtime pom) — a run that
 * sends, fails in every way and retries leaves the API key in no log line, exception message or
 * {@code toString()}, and no e-mail address unmasked.
 */
class SecretHygieneTest {

    private static final String KEY = "sk-hygiene-7Q2x9Lm4Pz0w";
    private static final String WRONG_KEY = "sk-revoked-Vb81KqY3nT5e";
    private static final Logger LOG = LoggerFactory.getLogger(SecretHygieneTest.class);

    /** Anything shaped like an address; a masked one ({@code j***@example.com}) matches too and is then checked. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    static {
        // The runtime pom runs this class in its own JVM with these switches; set them here too for a run with
        // -Dtest=SecretHygieneTest, where the default execution starts it (still first, before any HTTP class loads).
        // Header logging stays off: it prints X-Ometria-Auth by design (see JdkHttpClientLogging).
        System.getProperties().putIfAbsent("jdk.internal.httpclient.debug", "true");
        System.getProperties().putIfAbsent("jdk.internal.httpclient.hpack.debug", "true");
        System.getProperties().putIfAbsent("jdk.httpclient.HttpClient.log", "errors,requests,content,frames,ssl,trace,channel");
    }

    private static final Pattern MASKED_LOCAL_PART = Pattern.compile(".\\*\\*\\*");

    /** Texts that are not log lines but could carry a secret: results, reasons, exception messages, toString()s. */
    private final List<String> texts = new ArrayList<>();

    private static OmetriaRecord contact(int i) {
        return OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"C-" + i + "\","
                + "\"email\":\"jane.doe" + i + "@example.com\",\"firstname\":\"Jane\"}", true);
    }

    private static List<OmetriaRecord> contacts(int count) {
        return IntStream.range(0, count).mapToObj(SecretHygieneTest::contact).toList();
    }

    @Test
    void neitherTheKeyNorAnAddressLeaksWhileSendingFailingAndRetrying() throws Exception {
        try (LogCapture capture = new LogCapture().start();
                OmetriaSimulator ometria = OmetriaSimulator.builder().apiKey(KEY).requestsPerSecond(1_000)
                        .sendRetryAfter(true).start()) {
            runTheClientThroughEveryOutcome(ometria);
            runThePipelineThroughFailuresAndRetries(ometria);
            List<LogCapture.Line> lines = capture.lines();

            assertThat(lines).as("our own SLF4J logging was captured")
                    .anySatisfy(line -> assertThat(line.source()).startsWith("dev.ometriasync.runtime.internal.client"));
            assertThat(lines).as("the pipeline's SLF4J logging was captured")
                    .anySatisfy(line -> assertThat(line.source()).startsWith("dev.ometriasync.runtime.internal.pipeline"));
            assertThat(lines).as("the JDK HTTP client's System.Logger output was captured through JUL")
                    .anySatisfy(line -> assertThat(line.source()).isEqualTo("jdk.httpclient.HttpClient"));
            assertThat(lines).as("the JDK HTTP client's jdk.internal.httpclient.debug traces were captured")
                    .anySatisfy(line -> assertThat(line.text()).startsWith("DEBUG: [HttpClient"));
            assertThat(lines).as("the capture saw the e-mails it must prove masked")
                    .anySatisfy(line -> assertThat(line.text()).contains("j***@example.com"));

            List<String> everything = new ArrayList<>(texts);
            lines.forEach(line -> everything.add(line.source() + " " + line.text()));
            assertThat(everything).hasSizeGreaterThan(100);
            // A plain loop: AssertJ's per-element assertions are slow over thousands of JDK debug lines.
            List<String> leaks = everything.stream()
                    .filter(text -> text.contains(KEY) || text.contains(WRONG_KEY) || hasUnmaskedAddress(text))
                    .toList();
            assertThat(leaks).isEmpty();
        }
    }

    private void runTheClientThroughEveryOutcome(OmetriaSimulator ometria) throws Exception {
        OmetriaClient.Builder builder = OmetriaClient.builder().apiKey(KEY).endpoint(ometria.baseUri());
        OmetriaClient http = builder.build();
        OmetriaClient https = OmetriaClient.builder().apiKey(KEY).endpoint(ometria.httpsBaseUri())
                .httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build()).build();
        OmetriaClient wrongKey = OmetriaClient.builder().apiKey(WRONG_KEY).endpoint(ometria.baseUri()).build();
        texts.add(builder.toString());
        texts.add(http.toString());
        texts.add(https.toString());
        texts.add(wrongKey.toString());

        record("accepted over http", http.push(contacts(5)).join());
        record("accepted over https", https.push(contacts(5)).join());

        for (Fault fault : List.of(Fault.status(503), Fault.dropConnection(), Fault.status(429).withRetryAfter(Duration.ofSeconds(2)),
                Fault.status(500).withBody("{\"echo\":\"" + KEY + " jane.doe@example.com\"}"))) {
            ometria.failNext(fault);
            for (OmetriaClient client : List.of(http, https)) {
                record("failed with " + fault, client.push(contacts(3)).join());
                ometria.failNext(fault);
            }
            ometria.clearFaults();
            record("retried after " + fault, http.push(contacts(3)).join());
        }

        ometria.failNext(Fault.status(400).withBody("{\"message\":\"bad record for jane.doe@example.com, key " + KEY + "\"}"));
        record("bad request", http.push(contacts(2)).join());
        record("unauthorized", wrongKey.push(contacts(2)).join());
        texts.add(catchThrowable(() -> wrongKey.recentErrors().join()).toString());

        OmetriaClient impatient = OmetriaClient.builder().apiKey(KEY).endpoint(ometria.baseUri())
                .requestTimeout(Duration.ofMillis(200)).build();
        ometria.failNext(Fault.hold());
        record("timed out", impatient.push(contacts(1)).join());
        ometria.releaseHeldRequests();

        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        record("refused", OmetriaClient.builder().apiKey(KEY).endpoint("http://127.0.0.1:" + closedPort).build()
                .push(contacts(1)).join());
        record("no trust", OmetriaClient.builder().apiKey(KEY).endpoint(ometria.httpsBaseUri()).build().push(contacts(1)).join());

        texts.add(catchThrowable(() -> OmetriaClient.builder().apiKey(KEY + " " + KEY)).getMessage());
        texts.add(catchThrowable(() -> OmetriaClient.builder().apiKey(KEY).endpoint("http://api.ometria.com").build()).getMessage());

        RecordValidator validator = new RecordValidator(InvalidFieldPolicy.DROP_FIELD);
        for (String json : List.of(
                "{\"@type\":\"contact\",\"id\":\"jane.doe@example.com\",\"email\":\"jane.doe@example\",\"phone_number\":\"07700\"}",
                "{\"@type\":\"order\",\"id\":\"ORD 1\",\"customer\":{\"email\":\"jane.doe@example.com\"}}",
                "{\"@type\":\"contact\",\"id\":\"C-1\",\"country_id\":\"jane.doe@example.com\"}")) {
            ValidationResult result = validator.validate(OmetriaRecord.parse(json, true));
            texts.add(result.toString());
            LOG.info("validated: {}", result);
        }
        ometria.awaitIdle();
        texts.addAll(http.recentErrors().join().stream().map(Object::toString).toList());
    }

    /**
     * The pipeline over HTTP and HTTPS: 5xx, a dropped connection, a 429 with {@code Retry-After}, an error body
     * echoing the key, all retried until accepted; a poison record isolated by bisection; invalid records
     * rejected or trimmed locally; a revoked key stopping a pipeline. Real time with short delays: nothing here
     * checks timing, only what gets written.
     */
    private void runThePipelineThroughFailuresAndRetries(OmetriaSimulator ometria) throws Exception {
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        OmetriaListener listener = new OmetriaListener() {
            @Override
            public void rejected(OmetriaRecord record, String reason) {
                reported.add(record + " rejected: " + reason);
            }

            @Override
            public void invalidFieldDropped(OmetriaRecord record, String reason) {
                reported.add(record + " dropped: " + reason);
            }

            @Override
            public void deadLettered(OmetriaRecord record, String reason) {
                reported.add(record + " dead-lettered: " + reason);
            }

            @Override
            public void abandoned(OmetriaRecord record, String reason) {
                reported.add(record + " abandoned: " + reason);
            }

            @Override
            public void authenticationFailed(int statusCode, String message) {
                reported.add("authentication failed " + statusCode + ": " + message);
            }
        };
        ometria.reset();
        ometria.rejectRequestsWithRecord(node -> "C-POISON".equals(node.path("id").asText()));
        List<OmetriaPipeline.Builder> builders = List.of(
                OmetriaPipeline.builder().name("hygiene-http").endpoint(ometria.baseUri()),
                OmetriaPipeline.builder().name("hygiene-https").endpoint(ometria.httpsBaseUri())
                        .httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build()));
        for (OmetriaPipeline.Builder builder : builders) {
            builder.apiKey(KEY).listener(listener).requestsPerSecond(100).maxBatchSize(10)
                    .retryInitialDelay(Duration.ofMillis(20)).retryMaxDelay(Duration.ofMillis(100));
            texts.add(builder.toString());
            ometria.failNext(Fault.status(503));
            ometria.failNext(Fault.dropConnection());
            ometria.failNext(Fault.status(429).withRetryAfter(Duration.ofSeconds(1)));
            ometria.failNext(Fault.status(500).withBody("{\"echo\":\"" + KEY + " jane.doe@example.com\"}"));
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            try (OmetriaPipeline pipeline = builder.build()) {
                texts.add(pipeline.toString());
                texts.add(pipeline.settings().toString());
                contacts(25).forEach(contact -> outcomes.add(pipeline.submit(contact).toCompletableFuture()));
                for (String json : List.of(
                        "{\"@type\":\"contact\",\"id\":\"C-POISON\",\"email\":\"poison.person@example.com\"}",
                        "{\"@type\":\"contact\",\"id\":\"jane doe@example.com\",\"email\":\"jane.doe@example.com\"}",
                        "{\"@type\":\"contact\",\"id\":\"C-PHONE\",\"email\":\"phone.person@example.com\",\"phone_number\":\"0770\"}")) {
                    outcomes.add(pipeline.submit(OmetriaRecord.parse(json, true)).toCompletableFuture());
                }
                assertThat(pipeline.flush(Duration.ofSeconds(60))).as("the pipeline delivered everything").isTrue();
            }
            for (CompletableFuture<Outcome> outcome : outcomes) {
                texts.add(outcome.get(1, TimeUnit.SECONDS).toString());
            }
            assertThat(outcomes.stream().map(CompletableFuture::join).filter(Outcome::isAccepted)).hasSize(26);
        }
        try (OmetriaPipeline revoked = OmetriaPipeline.builder().apiKey(WRONG_KEY).endpoint(ometria.baseUri())
                .listener(listener).build()) {
            texts.add(revoked.settings().toString());
            texts.add(revoked.submit(contact(99)).toCompletableFuture().get(30, TimeUnit.SECONDS).toString());
        }
        assertThat(reported).as("the listener heard about each kind of problem")
                .anyMatch(text -> text.contains("contact:C-POISON [email] rejected: Ometria refused contact:C-POISON with HTTP 400"))
                .anyMatch(text -> text.contains("dropped: contact C-PHONE: field 'phone_number'"))
                .anyMatch(text -> text.contains("rejected: contact 'jane d***@example.com': id must not contain whitespace"))
                .anyMatch(text -> text.startsWith("authentication failed 401"));
        texts.addAll(reported);
        reported.forEach(text -> LOG.info("listener: {}", text));
        assertThat(ometria.rateLimitedCount()).isEqualTo(2);
    }

    private void record(String what, PushResult result) {
        texts.add(result.toString());
        LOG.info("{}: {}", what, result);
    }

    private static boolean hasUnmaskedAddress(String text) {
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            if (matcher.group().startsWith("EMAILADDRESS=")) {
                // The JDK's jdk.event.security logger prints the JVM's trusted CA certificates when TLS starts; their
                // subjects hold the CAs' public contact addresses, not anyone's personal data.
                continue;
            }
            String local = matcher.group().substring(0, matcher.group().indexOf('@'));
            if (!MASKED_LOCAL_PART.matcher(local).matches()) {
                return true;
            }
        }
        return false;
    }
}
