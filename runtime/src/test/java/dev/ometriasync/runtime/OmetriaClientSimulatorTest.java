package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.ManualClock;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OmetriaClient} against the {@link OmetriaSimulator} over real HTTP and HTTPS: one test per
 * classification, with the simulator producing each answer the way Ometria would (its own limits and key
 * check where it can, armed faults otherwise).
 */
class OmetriaClientSimulatorTest {

    /** Never advances: the simulator's rate window only moves when a test moves it. */
    private static final ManualClock CLOCK = new ManualClock();
    private static OmetriaSimulator ometria;

    enum Transport { HTTP, HTTPS }

    @BeforeAll
    static void startSimulator() {
        ometria = OmetriaSimulator.builder().clock(CLOCK).requestsPerSecond(1_000).start();
    }

    @AfterAll
    static void stopSimulator() {
        ometria.close();
    }

    @BeforeEach
    void freshSimulator() {
        ometria.reset();
    }

    private static OmetriaClient client(Transport transport) {
        OmetriaClient.Builder builder = OmetriaClient.builder().apiKey(ometria.apiKey()).clock(CLOCK);
        return switch (transport) {
            case HTTP -> builder.endpoint(ometria.baseUri()).build();
            case HTTPS -> builder.endpoint(ometria.httpsBaseUri())
                    .httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build())
                    .build();
        };
    }

    private static OmetriaClient client() {
        return client(Transport.HTTP);
    }

    private static OmetriaRecord order(String id) {
        return OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"" + id + "\",\"currency\":\"EUR\",\"grand_total\":12.50,"
                + "\"customer\":{\"id\":\"C-1\",\"email\":\"jane@example.com\"}}", true);
    }

    private static List<OmetriaRecord> orders(int count) {
        return IntStream.range(0, count).mapToObj(i -> order("ORD-" + i)).toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void acceptedRecordsAreStoredByOmetria(Transport transport) {
        PushResult result = client(transport).push(orders(3)).join();

        assertThat(result).isInstanceOfSatisfying(PushResult.Accepted.class, accepted -> {
            assertThat(accepted.requestId()).isNotBlank();
            assertThat(accepted.accepted()).isEqualTo(3);
            assertThat(accepted.rejected()).isZero();
            assertThat(ometria.pushRequests()).singleElement()
                    .satisfies(request -> assertThat(request.requestId()).isEqualTo(accepted.requestId()));
        });
        assertThat(ometria.record("order", "ORD-2").toString())
                .isEqualTo("{\"@type\":\"order\",\"id\":\"ORD-2\",\"currency\":\"EUR\",\"grand_total\":12.50,"
                        + "\"customer\":{\"id\":\"C-1\",\"email\":\"jane@example.com\"}}");
    }

    @Test
    void recordsRefusedAtIntakeAreCountedAsRejected() {
        OmetriaRecord noId = new OmetriaRecord(new RecordKey(RecordType.ORDER, null, ""), true, Map.of("currency", "\"EUR\""));

        PushResult result = client().push(List.of(order("ORD-1"), noId)).join();

        assertThat(result).isInstanceOfSatisfying(PushResult.Accepted.class, accepted -> {
            assertThat(accepted.accepted()).isEqualTo(1);
            assertThat(accepted.rejected()).isEqualTo(1);
        });
    }

    @Test
    void theSlidingWindowLimitGivesRateLimitedWithBothHints() {
        try (OmetriaSimulator strict = OmetriaSimulator.builder().clock(CLOCK).requestsPerSecond(1)
                .sendRetryAfter(true).https(false).start()) {
            OmetriaClient client = OmetriaClient.builder().apiKey(strict.apiKey()).endpoint(strict.baseUri()).clock(CLOCK).build();

            PushResult first = client.push(orders(10)).join();
            PushResult second = client.push(orders(1)).join();

            assertThat(first).isInstanceOf(PushResult.Accepted.class);
            assertThat(second).isEqualTo(new PushResult.RateLimited(Optional.of(Duration.ofSeconds(1)),
                    Optional.of(new QueueState(50_000 - 10, OptionalLong.of(50_000)))));
            assertThat(first.queueState()).hasValue(new QueueState(50_000 - 10, OptionalLong.of(50_000)));
            assertThat(strict.rateLimitedCount()).isEqualTo(1);
        }
    }

    @Test
    void aTooManyRequestsWithoutHintsIsRateLimitedWithNone() {
        ometria.failNext(Fault.status(429));

        assertThat(client().push(orders(1)).join())
                .isEqualTo(new PushResult.RateLimited(Optional.empty(), Optional.empty()));
    }

    @Test
    void retryAfterInSecondsIsRead() {
        ometria.failNext(Fault.status(429).withRetryAfter(Duration.ofSeconds(17)));

        assertThat(client().push(orders(1)).join())
                .isEqualTo(new PushResult.RateLimited(Optional.of(Duration.ofSeconds(17)), Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aServerErrorIsRetryable(Transport transport) {
        ometria.failNext(Fault.status(503));

        assertThat(client(transport).push(orders(1)).join()).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.reason()).startsWith("HTTP 503").contains("Simulated failure");
        });
    }

    @Test
    void anInternalServerErrorIsRetryable() {
        ometria.failNext(Fault.status(500));

        assertThat(client().push(orders(1)).join()).isInstanceOfSatisfying(PushResult.Retryable.class,
                r -> assertThat(r.statusCode()).isEqualTo(500));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aDroppedConnectionIsRetryable(Transport transport) {
        ometria.failNext(Fault.dropConnection());

        assertThat(client(transport).push(orders(1)).join()).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
            assertThat(r.statusCode()).isEqualTo(-1);
            assertThat(r.reason()).startsWith("I/O error, connection dropped");
        });
        assertThat(ometria.pushRequests()).singleElement().satisfies(request -> assertThat(request.dropped()).isTrue());
    }

    @Test
    void aRequestTimeoutIsRetryable() {
        OmetriaClient impatient = OmetriaClient.builder().apiKey(ometria.apiKey()).endpoint(ometria.baseUri())
                .requestTimeout(Duration.ofMillis(200)).build();
        ometria.failNext(Fault.hold());
        try {
            assertThat(impatient.push(orders(1)).join()).isInstanceOfSatisfying(PushResult.Retryable.class, r -> {
                assertThat(r.statusCode()).isEqualTo(-1);
                assertThat(r.reason()).isEqualTo("no response within the request timeout of PT0.2S");
            });
        } finally {
            // Under load the request can reach the simulator only after the client gave up; wait for it to be
            // held before releasing, so it cannot arrive late and show up in the next test's request log.
            ometria.awaitHeldRequests(1, Duration.ofSeconds(30));
            ometria.releaseHeldRequests();
            // The released request is logged when the simulator answers it; wait for that too.
            awaitLoggedPushRequests(1);
        }
    }

    @Test
    void anOversizedRecordIsABadRequestWithOmetriasMessage() {
        OmetriaRecord huge = OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"BIG\",\"web_id\":\"" + "x".repeat(70_000) + "\"}", true);

        assertThat(client().push(List.of(order("ORD-1"), huge)).join()).isInstanceOfSatisfying(PushResult.BadRequest.class, r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.reason()).contains("Record is too large");
        });
    }

    @Test
    void aPayloadTooLargeIsABadRequest() {
        ometria.failNext(Fault.status(413));

        assertThat(client().push(orders(2)).join()).isInstanceOfSatisfying(PushResult.BadRequest.class,
                r -> assertThat(r.statusCode()).isEqualTo(413));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWrongKeyIsUnauthorized(Transport transport) {
        OmetriaClient.Builder builder = OmetriaClient.builder().apiKey("not-the-key");
        OmetriaClient wrongKey = transport == Transport.HTTP ? builder.endpoint(ometria.baseUri()).build()
                : builder.endpoint(ometria.httpsBaseUri()).httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build()).build();

        assertThat(wrongKey.push(orders(1)).join()).isEqualTo(new PushResult.Unauthorized(401));
        assertThat(ometria.recordCount()).isZero();
    }

    @Test
    void aForbiddenKeyIsUnauthorized() {
        try (OmetriaSimulator forbidding = OmetriaSimulator.builder().authFailureStatus(403).https(false).start()) {
            OmetriaClient wrongKey = OmetriaClient.builder().apiKey("not-the-key").endpoint(forbidding.baseUri()).build();

            assertThat(wrongKey.push(orders(1)).join()).isEqualTo(new PushResult.Unauthorized(403));
        }
    }

    @Test
    void httpsVerifiesTheCertificateAndAnUntrustedOneIsNotRetryable() {
        OmetriaClient trustingNobody = OmetriaClient.builder().apiKey(ometria.apiKey()).endpoint(ometria.httpsBaseUri()).build();

        assertThat(trustingNobody.push(orders(1)).join()).isInstanceOfSatisfying(PushResult.TlsFailure.class, r ->
                assertThat(r.reason()).contains("SSLHandshakeException").contains("PKIX").contains("trust store"));
        assertThat(ometria.pushRequestCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void recentErrorsListsWhatOmetriaFoundInvalidAfterAccepting(Transport transport) {
        OmetriaClient client = client(transport);
        OmetriaRecord badCurrency = OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"ORD-9\",\"currency\":\"EURO\"}", true);
        OmetriaRecord badPhone = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"C-9\",\"phone_number\":\"0770 0900\"}", true);

        assertThat(client.push(List.of(badCurrency)).join()).isInstanceOf(PushResult.Accepted.class);
        assertThat(client.push(List.of(badPhone)).join()).isInstanceOf(PushResult.Accepted.class);
        ometria.awaitIdle();
        List<PushError> errors = client.recentErrors().join();

        assertThat(errors).containsExactlyInAnyOrder(
                new PushError("not a valid value", "root > currency"),
                new PushError("not a valid value", "root > phone_number"));
        assertThat(ometria.requests()).last().satisfies(request -> assertThat(request.path()).isEqualTo("/v2/push/_errors"));
    }

    @Test
    void recentErrorsWithAWrongKeyFailsWithTheStatus() {
        OmetriaClient wrongKey = OmetriaClient.builder().apiKey("not-the-key").endpoint(ometria.baseUri()).build();

        assertThatThrownBy(() -> wrongKey.recentErrors().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(OmetriaRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("/v2/push/_errors answered HTTP 401").doesNotContain("not-the-key");
                });
    }

    @Test
    void concurrentPushesShareOneClient() {
        OmetriaClient client = client();

        List<CompletableFuture<PushResult>> results = IntStream.range(0, 20)
                .mapToObj(i -> client.push(List.of(order("ORD-" + i)))).toList();

        assertThat(results).allSatisfy(result -> assertThat(result.join()).isInstanceOf(PushResult.Accepted.class));
        assertThat(ometria.recordCount("order")).isEqualTo(20);
    }

    private static void awaitLoggedPushRequests(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ometria.pushRequestCount() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
