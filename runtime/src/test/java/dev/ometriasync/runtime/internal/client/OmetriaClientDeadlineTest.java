package dev.ometriasync.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One overall deadline per request, body included: a server that answers its headers at once and then trickles the
 * body (or stops sending it) no longer leaves the push without an outcome — it ends retryable, unanswered, within
 * about the request timeout.
 */
class OmetriaClientDeadlineTest {

    private final CountDownLatch stopTrickling = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        stopTrickling.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @Timeout(60)
    void aTricklingBodyEndsAsAnUnansweredRetryableResult() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/push", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked: headers now, body later
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] json = "{\"status\":\"OK\",\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
                for (byte b : json) {
                    body.write(b);
                    body.flush();
                    if (stopTrickling.await(2, TimeUnit.SECONDS)) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException closed) {
                // the client gave up: expected
            }
        });
        server.start();
        OmetriaClient client = OmetriaClient.builder()
                .apiKey("sk-test-deadline")
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .requestTimeout(Duration.ofSeconds(1))
                .build();

        PushResult result = client.push(List.of(OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"1\"}", true)))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();

        assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, retryable -> {
            assertThat(retryable.statusCode()).as("no complete answer").isEqualTo(-1);
            assertThat(retryable.reason()).contains("within the request timeout of PT1S");
        });
    }
}
