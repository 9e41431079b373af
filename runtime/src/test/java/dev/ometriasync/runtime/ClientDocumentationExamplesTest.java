package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/readme/client.md}, compiled and run against the simulator. */
class ClientDocumentationExamplesTest {

    @Test
    void usingTheClient() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            // As in the README, with the simulator's endpoint and key instead of Ometria's and OMETRIA_API_KEY.
            OmetriaClient client = OmetriaClient.builder()
                    .apiKey(ometria.apiKey())
                    .endpoint(ometria.baseUri())
                    .requestTimeout(Duration.ofSeconds(20))
                    .build();

            OmetriaRecord cancel = OmetriaRecord.parse(
                    "{\"@type\":\"order\",\"id\":\"ORD-1\",\"status\":\"cancelled\",\"is_valid\":false}", false);
            PushResult result = client.push(List.of(cancel)).join();
            String queuedAs = null;
            if (result instanceof PushResult.Accepted accepted) {
                queuedAs = accepted.requestId();
            }
            ometria.awaitIdle();
            List<PushError> errors = client.recentErrors().join();

            assertThat(queuedAs).isNotBlank();
            assertThat(errors).isEmpty();
            assertThat(ometria.record("order", "ORD-1").get("status").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void againstTheSimulatorOverHttps() {
        PushResult result;
        try (OmetriaSimulator ometria = OmetriaSimulator.start()) {
            OmetriaClient client = OmetriaClient.builder()
                    .apiKey(ometria.apiKey())
                    .endpoint(ometria.httpsBaseUri())
                    .httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build())
                    .build();
            result = client.push(List.of(OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"Mug\"}", true))).join();
        }
        assertThat(result).isInstanceOf(PushResult.Accepted.class);
    }
}
