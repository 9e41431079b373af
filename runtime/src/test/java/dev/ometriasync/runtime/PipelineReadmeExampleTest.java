package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example of {@code docs/readme/pipeline.md}, compiled and run against the simulator (the only changes:
 * the simulator's endpoint and key instead of {@code OMETRIA_API_KEY}, and a captured outcome to assert on).
 */
@Timeout(300)
class PipelineReadmeExampleTest {

    private static final Logger log = LoggerFactory.getLogger(PipelineReadmeExampleTest.class);

    @Test
    void theReadmeExampleWorks() throws Exception {
        AtomicReference<Outcome.Status> status = new AtomicReference<>();
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            String apiKey = ometria.apiKey();
            URI endpoint = ometria.baseUri();

            try (OmetriaPipeline pipeline = OmetriaPipeline.builder()
                    .apiKey(apiKey)
                    .endpoint(endpoint)
                    .requestsPerSecond(4)
                    .listener(new OmetriaListener() {
                        @Override
                        public void deadLettered(OmetriaRecord record, String reason) {
                            log.error("Gave up on {}: {}", record.key(), reason);
                        }
                    })
                    .build()) {

                OmetriaRecord cancel = OmetriaRecord.parse(
                        "{\"@type\":\"order\",\"id\":\"ORD-1\",\"status\":\"cancelled\",\"is_valid\":false}", false);
                pipeline.submit(cancel, Priority.LIVE)
                        .thenAccept(outcome -> {
                            log.info("ORD-1: {}", outcome.status());
                            status.set(outcome.status());
                        });

                assertThat(pipeline.flush(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(status.get()).isEqualTo(Outcome.Status.ACCEPTED);
            assertThat(ometria.record("order", "ORD-1").get("status").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void overHttpsWithTheSimulatorsCertificateThroughACustomHttpClient() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().start();
                OmetriaPipeline pipeline = OmetriaPipeline.builder()
                        .apiKey(ometria.apiKey())
                        .endpoint(ometria.httpsBaseUri())
                        .httpClient(java.net.http.HttpClient.newBuilder().sslContext(ometria.sslContext()).build())
                        .build()) {
            Outcome outcome = pipeline.submit(OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"Mug\"}", true))
                    .toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(outcome.isAccepted()).isTrue();
            assertThat(ometria.pushRequests()).singleElement()
                    .satisfies(request -> assertThat(request.authenticated()).isTrue());
            assertThat(pipeline.settings().httpClient()).isPresent();
            assertThat(ometria.record("product", "P-1").get("title").asText()).isEqualTo("Mug");
        }
    }
}
