package dev.ometriasync.runtime.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pipeline's side of secret hygiene (the client's side, with the JDK HTTP client's own logging, is
 * {@link SecretHygieneTest}): with every logger captured at TRACE while a pipeline sends, fails, retries,
 * bisects, dead-letters and meets a refused key, neither API key appears in a log line, an outcome reason, a
 * listener reason, an exception message or a {@code toString()}, and every e-mail address is masked.
 *
 * <p>Runs on the system clock with millisecond backoff: it waits for outcomes, it never measures time.
 */
@Timeout(300)
class PipelineSecretHygieneTest {

    private static final String KEY = "sk-pipeline-hygiene-3Fq8Wz1Kd7";
    private static final String WRONG_KEY = "sk-pipeline-revoked-6Pn2Xy9Tb4";
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern MASKED_LOCAL_PART = Pattern.compile(".\\*\\*\\*");

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final OmetriaListener listener = new OmetriaListener() {
        @Override
        public void rejected(OmetriaRecord record, String reason) {
            texts.add("rejected " + record + ": " + reason);
        }

        @Override
        public void invalidFieldDropped(OmetriaRecord record, String reason) {
            texts.add("dropped " + record + ": " + reason);
        }

        @Override
        public void deadLettered(OmetriaRecord record, String reason) {
            texts.add("dead " + record + ": " + reason);
        }

        @Override
        public void authenticationFailed(int statusCode, String message) {
            texts.add("auth " + statusCode + ": " + message);
        }

        @Override
        public void abandoned(OmetriaRecord record, String reason) {
            texts.add("abandoned " + record + ": " + reason);
        }
    };

    private static OmetriaRecord contact(String id) {
        return OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"shop\",\"id\":\"" + id
                + "\",\"email\":\"jane.doe+" + id.length() + "@example.com\",\"firstname\":\"Jane\"}", true);
    }

    @Test
    void neitherKeyNorAddressLeaksFromThePipelineWhileItSendsFailsRetriesAndGivesUp() throws Exception {
        try (LogCapture capture = new LogCapture().start();
                OmetriaSimulator ometria = OmetriaSimulator.builder().apiKey(KEY).requestsPerSecond(1_000)
                        .https(false).start()) {
            OmetriaPipeline.Builder builder = OmetriaPipeline.builder().apiKey(KEY).endpoint(ometria.baseUri())
                    .requestsPerSecond(200).retryInitialDelay(Duration.ofMillis(5)).retryMaxDelay(Duration.ofMillis(20))
                    .retryMaxDuration(Duration.ofMillis(300)).listener(listener);
            texts.add(builder.toString());
            List<CompletionStage<Outcome>> outcomes = new ArrayList<>();
            try (OmetriaPipeline pipeline = builder.build()) {
                texts.add(pipeline.toString());
                texts.add(pipeline.settings().toString());

                outcomes.add(pipeline.submit(contact("C-1")));
                awaitAll(outcomes);
                ometria.failNext(Fault.status(503).withBody("{\"echo\":\"" + KEY + " jane.doe@example.com\"}"));
                ometria.failNext(Fault.dropConnection());
                ometria.failNext(Fault.status(429));
                outcomes.add(pipeline.submit(contact("C-2")));
                awaitAll(outcomes);

                ometria.rejectRequestsWithRecord(record -> record.path("id").asText().equals("poison"));
                ometria.failRequestsWithRecord(record -> record.path("id").asText().equals("doomed"),
                        Fault.status(500).withBody("{\"echo\":\"" + KEY + " for jane.doe@example.com\"}"));
                for (String id : List.of("A-1", "poison", "A-2", "A-3")) {
                    outcomes.add(pipeline.submit(contact(id)));
                }
                awaitAll(outcomes);
                outcomes.add(pipeline.submit(contact("doomed")));
                // An id that is an e-mail address (PII Ometria says never to use as an id) ends up in reasons.
                outcomes.add(pipeline.submit(contact("jane.doe@example.com"), Priority.BACKFILL));
                outcomes.add(pipeline.submit(OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"C 9\","
                        + "\"email\":\"jane.doe@example.com\",\"phone_number\":\"07700\"}", true)));
                awaitAll(outcomes);
                ometria.clearFaults();
            }
            try (OmetriaPipeline refused = OmetriaPipeline.builder().apiKey(WRONG_KEY).endpoint(ometria.baseUri())
                    .listener(listener).build()) {
                outcomes.add(refused.submit(contact("R-1")));
                outcomes.add(refused.submit(contact("R-2")));
                awaitAll(outcomes);
                outcomes.add(refused.submit(contact("R-3")));
            }
            outcomes.forEach(o -> texts.add(o.toCompletableFuture().join().toString()));
            texts.add(catchThrowable(() -> OmetriaPipeline.builder().apiKey(KEY + "\n" + KEY)).getMessage());
            texts.add(catchThrowable(() -> OmetriaPipeline.builder().endpoint(
                    java.net.URI.create("http://api.ometria.com"))).getMessage());

            assertThat(outcomes).extracting(o -> o.toCompletableFuture().join().status()).contains(
                    Outcome.Status.ACCEPTED, Outcome.Status.REJECTED, Outcome.Status.DEAD_LETTERED,
                    Outcome.Status.ABANDONED);
            List<LogCapture.Line> lines = capture.lines();
            assertThat(lines).as("the pipeline's own logging was captured")
                    .anySatisfy(line -> assertThat(line.source()).isEqualTo("dev.ometriasync.runtime.OmetriaPipeline"))
                    .anySatisfy(line -> assertThat(line.source()).startsWith("dev.ometriasync.runtime.internal.pipeline"));
            assertThat(lines).as("the capture saw addresses it must show masked")
                    .anySatisfy(line -> assertThat(line.text()).contains("j***@example.com"));
            assertThat(texts).as("reasons name the masked address").anySatisfy(t -> assertThat(t).contains("j***@example.com"));

            List<String> everything = new ArrayList<>(texts);
            lines.forEach(line -> everything.add(line.source() + " " + line.text()));
            assertThat(everything).hasSizeGreaterThan(30);
            List<String> leaks = everything.stream()
                    .filter(text -> text.contains(KEY) || text.contains(WRONG_KEY) || hasUnmaskedAddress(text))
                    .toList();
            assertThat(leaks).isEmpty();
        }
    }

    private static void awaitAll(List<CompletionStage<Outcome>> outcomes) throws Exception {
        for (CompletionStage<Outcome> outcome : outcomes) {
            outcome.toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private static boolean hasUnmaskedAddress(String text) {
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            if (matcher.group().startsWith("EMAILADDRESS=")) {
                continue; // the JDK logs its trusted CA certificates, whose subjects hold the CAs' public addresses
            }
            String local = matcher.group().substring(0, matcher.group().indexOf('@'));
            if (!MASKED_LOCAL_PART.matcher(local).matches()) {
                return true;
            }
        }
        return false;
    }

}
