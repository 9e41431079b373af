package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The example of docs/readme/testkit.md, kept compiling and passing here. */
class ReadmeExampleTest {

    // --- begin README example ---
    @Test
    void ordersReachOmetria() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.start()) {
            // Your code under test would be configured with ometria.baseUri() and ometria.apiKey().
            HttpRequest push = HttpRequest.newBuilder(URI.create(ometria.baseUri() + "/v2/push"))
                    .header("X-Ometria-Auth", ometria.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"@type\":\"order\",\"id\":\"1\",\"status\":\"paid\"}]"))
                    .build();
            HttpClient.newHttpClient().send(push, HttpResponse.BodyHandlers.ofString());

            assertThat(ometria.record("order", "1").get("status").asText()).isEqualTo("paid");
            assertThat(ometria.errors()).isEmpty();
            assertThat(ometria.maxPushRequestsInAnySecond()).isLessThanOrEqualTo(8);
        }
    }
    // --- end README example ---
}
