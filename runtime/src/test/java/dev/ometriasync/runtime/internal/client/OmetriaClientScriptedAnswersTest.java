package dev.ometriasync.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRequestException;
import dev.ometriasync.runtime.PushError;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.internal.client.ScriptedHttpServer.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted loopback server, for answers the simulator (which plays Ometria
 * faithfully) does not give: odd 2xx bodies, redirects, 404s, HTTP-date {@code Retry-After}, hangs and
 * dropped connections. The ordinary paths are covered against the simulator in {@code OmetriaClientSimulatorTest}.
 */
class OmetriaClientScriptedAnswersTest {

    private static final String KEY = "sk-test-4f1c9a7e2b";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private ScriptedHttpServer server;
    private OmetriaClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        client = OmetriaClient.builder()
                .apiKey(KEY)
                .endpoint(server.base())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<OmetriaRecord> orders(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"ORD-" + i + "\",\"currency\":\"EUR\","
                        + "\"customer\":{\"email\":\"jane.doe@example.com\"}}", true))
                .toList();
    }

    private PushResult push(Answer answer) {
        server.answer(answer);
        return client.push(orders(2)).join();
    }

    @Test
    void sendsTheDocumentedRequest() throws IOException {
        PushResult result = push(Answer.of(200,
                "{\"status\":\"OK\",\"request_id\":\"7d9c\",\"accepted\":2,\"rejected\":0}"));

        assertThat(result).isEqualTo(new PushResult.Accepted("7d9c", 2, 0));
        ScriptedHttpServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/push");
        assertThat(request.header("X-Ometria-Auth")).isEqualTo(KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(2);
        assertThat(body.get(1).get("@type").asText()).isEqualTo("order");
        assertThat(body.get(1).get("id").asText()).isEqualTo("ORD-1");
        assertThat(body.get(1).get("customer").get("email").asText()).isEqualTo("jane.doe@example.com");
    }

    @Test
    void queueHeadersAreReadOnEveryAnswerAndA202IsSuccessToo() {
        // Ometria documents X-QueueSize-Limit / X-QueueSize-Remaining; some production
        // clients see 202 for a successful push.
        PushResult accepted = push(Answer.of(202, Map.of("X-QueueSize-Remaining", "1200", "X-QueueSize-Limit", "50000"),
                "{\"status\":\"OK\",\"request_id\":\"r2\",\"accepted\":2,\"rejected\":0}"));
        PushResult limited = push(Answer.of(429, Map.of("X-QueueSize-Remaining", "0", "X-QueueSize-Limit", "50000"), ""));
        PushResult remainingOnly = push(Answer.of(200, Map.of("X-QueueSize-Remaining", "7", "X-QueueSize-Limit", "lots"),
                "{\"status\":\"OK\"}"));

        assertThat(accepted).isEqualTo(new PushResult.Accepted("r2", 2, 0,
                java.util.Optional.of(new dev.ometriasync.runtime.QueueState(1200, java.util.OptionalLong.of(50_000)))));
        assertThat(limited.queueState()).hasValue(new dev.ometriasync.runtime.QueueState(0, java.util.OptionalLong.of(50_000)));
        assertThat(remainingOnly.queueState()).hasValue(new dev.ometriasync.runtime.QueueState(7, java.util.OptionalLong.empty()));
        assertThat(push(Answer.of(200, "{\"status\":\"OK\"}")).queueState()).isEmpty();
    }

    @Test
    void okWithoutCountsCountsEveryRecordAsAccepted() {
        assertThat(push(Answer.of(200, "{\"status\":\"OK\"}"))).isEqualTo(new PushResult.Accepted(null, 2, 0));
    }

    @Test
    void okWithExtraFieldsIsStillAccepted() {
        assertThat(push(Answer.of(200, "{\"status\":\"ok\",\"request_id\":\"r1\",\"accepted\":1,\"rejected\":1,\"new\":[1]}")))
                .isEqualTo(new PushResult.Accepted("r1", 1, 1));
    }

    @Test
    void aTwoHundredWithHtmlIsRetryableNotAccepted() {
        PushResult result = push(Answer.of(200, Map.of("Content-Type", "text/html"),
                "<html><body>Proxy login for admin@corp.example</body></html>"));

        assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.reason()).contains("without Ometria's acknowledgement").contains("<html>")
                    .contains("a***@corp.example").doesNotContain("admin@");
        });
    }

    @Test
    void aHugeBodyIsCutShortAndQuotedBriefly() {
        String page = "<html>" + "lorem ipsum ".repeat(100_000) + "</html>";

        PushResult result = push(Answer.of(200, Map.of("Content-Type", "text/html"), page));

        assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.reason()).endsWith("…");
            assertThat(r.reason().length()).isLessThan(400);
        });
    }

    @Test
    void aTwoHundredWithAnotherStatusIsRetryable() {
        assertThat(push(Answer.of(200, "{\"status\":\"ERROR\",\"message\":\"queue unavailable\"}")))
                .isInstanceOfSatisfying(PushResult.Retryable.class,
                        r -> assertThat(r.reason()).contains("status is not \"OK\"").contains("queue unavailable"));
    }

    @Test
    void aTwoHundredWithAnEmptyBodyOrAJsonArrayIsRetryable() {
        assertThat(push(Answer.of(200, ""))).isInstanceOf(PushResult.Retryable.class);
        assertThat(push(Answer.of(200, "[]"))).isInstanceOf(PushResult.Retryable.class);
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock() {
        PushResult result = push(Answer.of(429, Map.of("Retry-After", "Sat, 01 Mar 2025 12:00:07 GMT"), ""));

        assertThat(result).isEqualTo(new PushResult.RateLimited(
                java.util.Optional.of(Duration.ofSeconds(7)), java.util.Optional.empty()));
    }

    @Test
    void unreadableRateLimitHintsAreIgnored() {
        PushResult result = push(Answer.of(429, Map.of("Retry-After", "soon", "X-QueueSize-Remaining", "many"), ""));

        assertThat(result).isEqualTo(new PushResult.RateLimited(java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @Test
    void unprocessableEntityIsABadRequest() {
        assertThat(push(Answer.of(422, "{\"error\":\"bad record\"}")))
                .isInstanceOfSatisfying(PushResult.BadRequest.class, r -> assertThat(r.statusCode()).isEqualTo(422));
    }

    @Test
    void notFoundIsRetryableAndPointsAtTheEndpoint() {
        assertThat(push(Answer.of(404, "Not Found"))).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.reason()).contains("check the configured Ometria endpoint");
        });
    }

    @Test
    void aRedirectIsNotFollowed() {
        PushResult result = push(Answer.of(301, Map.of("Location", "https://elsewhere.example/v2/push"), ""));

        assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.reason()).contains("https://elsewhere.example/v2/push").contains("does not follow redirects");
        });
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anotherClientErrorIsRetryable() {
        assertThat(push(Answer.of(409, "conflict"))).isInstanceOfSatisfying(PushResult.Retryable.class,
                r -> assertThat(r.statusCode()).isEqualTo(409));
    }

    @Test
    void aResponseThatNeverComesIsARetryableTimeout() throws IOException {
        OmetriaClient impatient = OmetriaClient.builder().apiKey(KEY).endpoint(server.base())
                .requestTimeout(Duration.ofMillis(300)).build();
        server.answer(Answer.never());

        PushResult result = impatient.push(orders(1)).join();

        assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(-1);
            assertThat(r.reason()).contains("no response within the request timeout of PT0.3S");
        });
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerIsRetryable() throws Exception {
        try (ServerSocket dropper = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket socket = dropper.accept(); InputStream in = socket.getInputStream()) {
                    in.read(new byte[1024]); // read the start of the request, then hang up without answering
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            acceptor.start();
            OmetriaClient dropped = OmetriaClient.builder().apiKey(KEY)
                    .endpoint("http://127.0.0.1:" + dropper.getLocalPort()).build();

            PushResult result = dropped.push(orders(1)).join();

            acceptor.join(5_000);
            assertThat(result).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
                assertThat(r.statusCode()).isEqualTo(-1);
                assertThat(r.reason()).startsWith("I/O error, connection dropped");
            });
        }
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        OmetriaClient nobodyHome = OmetriaClient.builder().apiKey(KEY).endpoint("http://127.0.0.1:" + closedPort).build();

        assertThat(nobodyHome.push(orders(1)).join()).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(-1);
            assertThat(r.reason()).isEqualTo("connection refused or unreachable");
        });
    }

    @Test
    void aProxyEchoingTheKeyBackDoesNotPutItInTheReason() {
        PushResult result = push(Answer.of(400, "{\"echo\":{\"X-Ometria-Auth\":\"" + KEY + "\"}}"));

        assertThat(result).isInstanceOfSatisfying(PushResult.BadRequest.class,
                r -> assertThat(r.reason()).contains("****").doesNotContain(KEY));
    }

    @Test
    void recentErrorsWithAnUnexpectedBodyFailWithAClearMessage() {
        server.answer(Answer.of(200, "{\"errors\":[]}"));

        assertThatThrownBy(() -> client.recentErrors().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(OmetriaRequestException.class)
                .hasMessageContaining("not a JSON array")
                .hasMessageContaining("expected a JSON array of {error_message, error_path} objects");
    }

    @Test
    void recentErrorsToleratesMissingAndExtraFields() {
        server.answer(Answer.of(200, "[{\"error_message\":\"not a valid value\",\"error_path\":\"root > lastname\","
                + "\"ts\":1},{\"error_path\":\"root > email\"}]"));

        List<PushError> errors = client.recentErrors().join();

        assertThat(errors).containsExactly(
                new PushError("not a valid value", "root > lastname"),
                new PushError(null, "root > email"));
        assertThat(server.received().get(0).path()).isEqualTo("/v2/push/_errors");
        assertThat(server.received().get(0).method()).isEqualTo("GET");
        assertThat(server.received().get(0).header("X-Ometria-Auth")).isEqualTo(KEY);
    }
}
