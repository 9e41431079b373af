package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on demand: statuses, Retry-After, dropped connections, delays, holds and poison records. */
class FaultInjectionTest {

    private final ManualClock clock = new ManualClock();
    private final OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock).start();
    private final PushClient client = new PushClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void answersTheNextRequestsWithTheArmedStatusesInOrderThenNormally() {
        simulator.failNext(2, Fault.status(503));
        simulator.failNext(Fault.status(500));

        assertThat(client.push(PushClient.orders("A", 1)).statusCode()).isEqualTo(503);
        assertThat(client.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(503);
        HttpResponse<String> third = client.push(PushClient.orders("C", 1));
        assertThat(third.statusCode()).isEqualTo(500);
        assertThat(PushClient.json(third).get("message").asText()).isEqualTo("Simulated failure (HTTP 500)");
        assertThat(client.push(PushClient.orders("D", 1)).statusCode()).isEqualTo(200);

        assertThat(simulator.record("order", "A0")).isNull();
        assertThat(simulator.record("order", "C0")).isNull();
        assertThat(simulator.record("order", "D0")).isNotNull();
        assertThat(simulator.pushRequests()).extracting(RecordedRequest::outcome).containsExactly(
                "fault: status 503", "fault: status 503", "fault: status 500", "accepted");
    }

    @Test
    void injectedFaultsDoNotConsumeTheRateWindow() {
        try (OmetriaSimulator oneRps = OmetriaSimulator.builder().https(false).clock(clock).requestsPerSecond(1).start()) {
            PushClient oneRpsClient = new PushClient(oneRps);
            oneRps.failNext(Fault.status(502));

            assertThat(oneRpsClient.push(PushClient.orders("A", 1)).statusCode()).isEqualTo(502);
            assertThat(oneRpsClient.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void plays429WithAndWithoutRetryAfterAndAuthAnd413Faults() {
        simulator.failNext(Fault.status(429).withRetryAfter(Duration.ofMillis(2500)));
        simulator.failNext(Fault.status(429));
        simulator.failNext(Fault.status(401));
        simulator.failNext(Fault.status(413).withBody("{\"status\":\"ERROR\",\"message\":\"too big\"}"));

        HttpResponse<String> withRetryAfter = client.push(PushClient.orders("A", 1));
        HttpResponse<String> without = client.push(PushClient.orders("B", 1));
        HttpResponse<String> unauthorized = client.push(PushClient.orders("C", 1));
        HttpResponse<String> tooLarge = client.push(PushClient.orders("D", 1));

        assertThat(withRetryAfter.statusCode()).isEqualTo(429);
        assertThat(withRetryAfter.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(without.statusCode()).isEqualTo(429);
        assertThat(without.headers().firstValue("Retry-After")).isEmpty();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"status\":\"ERROR\",\"message\":\"too big\"}");
        assertThat(simulator.rateLimitedCount()).isEqualTo(2);
        assertThat(simulator.recordCount()).isZero();
    }

    @Test
    void dropsTheConnectionWithoutAResponse() {
        simulator.failNext(Fault.dropConnection());

        assertThatThrownBy(() -> client.sendOrThrow(client.pushRequest(PushClient.orders("A", 1))
                .header("X-Ometria-Auth", simulator.apiKey()).build()))
                .isInstanceOf(IOException.class);

        assertThat(client.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(200);
        assertThat(simulator.pushRequests()).extracting(RecordedRequest::dropped).containsExactly(true, false);
        assertThat(simulator.pushRequests().get(0).status()).isEqualTo(RecordedRequest.NO_RESPONSE);
        assertThat(simulator.record("order", "A0")).isNull();
    }

    @Test
    void aDelayLongerThanTheClientTimeoutMakesTheClientTimeOut() {
        simulator.failNext(Fault.delay(Duration.ofSeconds(30)));
        HttpClient impatient = HttpClient.newHttpClient();
        PushClient impatientClient = new PushClient(impatient, simulator.baseUri(), simulator.apiKey());

        assertThatThrownBy(() -> impatientClient.sendOrThrow(impatientClient.pushRequest(PushClient.orders("A", 1))
                .header("X-Ometria-Auth", simulator.apiKey()).timeout(Duration.ofMillis(200)).build()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void holdsARequestInFlightUntilReleasedThenHandlesItNormally() throws Exception {
        simulator.failNext(Fault.hold());
        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> client.push(PushClient.orders("HELD", 1)));

        assertThat(simulator.awaitHeldRequests(1, Duration.ofSeconds(10))).isTrue();
        assertThat(inFlight).isNotDone();
        clock.advance(Duration.ofMillis(5));
        assertThat(client.push(PushClient.orders("PASSING", 1)).statusCode()).isEqualTo(200);
        assertThat(simulator.pushRequests()).as("a held request is listed once answered")
                .extracting(RecordedRequest::ids).containsExactly(java.util.List.of("PASSING0"));
        simulator.releaseHeldRequests();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(simulator.record("order", "HELD0")).isNotNull();
        assertThat(simulator.pushRequests()).as("listed in arrival order, the held one first, with its arrival time")
                .extracting(RecordedRequest::ids, RecordedRequest::sequence, RecordedRequest::arrival).containsExactly(
                        tuple(java.util.List.of("HELD0"), 1L, ManualClock.DEFAULT_START),
                        tuple(java.util.List.of("PASSING0"), 2L, ManualClock.DEFAULT_START.plusMillis(5)));
    }

    @Test
    void holdsAndThenFailsWhenBothAreAsked() throws Exception {
        simulator.failNext(Fault.status(503).afterHold());
        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> client.push(PushClient.orders("A", 1)));
        assertThat(simulator.awaitHeldRequests(1, Duration.ofSeconds(10))).isTrue();

        simulator.releaseHeldRequests();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }

    @Test
    void answers400ToEveryRequestHoldingAPoisonRecordUntilCleared() {
        simulator.rejectRequestsWithRecord(record -> "POISON".equals(record.path("id").asText()));
        String withPoison = "[{\"@type\":\"order\",\"id\":\"OK-1\"},{\"@type\":\"order\",\"id\":\"POISON\"}]";

        HttpResponse<String> first = client.push(withPoison);
        HttpResponse<String> withoutPoison = client.push("[{\"@type\":\"order\",\"id\":\"OK-1\"}]");
        HttpResponse<String> again = client.push("[{\"@type\":\"order\",\"id\":\"POISON\"}]");
        simulator.clearFaults();
        HttpResponse<String> afterClear = client.push("[{\"@type\":\"order\",\"id\":\"POISON\"}]");

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(withoutPoison.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(afterClear.statusCode()).isEqualTo(200);
        assertThat(simulator.pushRequests()).extracting(RecordedRequest::recordCount).containsExactly(2, 1, 1, 1);
    }

    @Test
    void resetForgetsRecordsErrorsRequestsFaultsAndRateHistory() {
        try (OmetriaSimulator oneRps = OmetriaSimulator.builder().https(false).clock(clock).requestsPerSecond(1).start()) {
            PushClient oneRpsClient = new PushClient(oneRps);
            oneRpsClient.push("[{\"@type\":\"order\",\"id\":\"O\",\"currency\":\"nope\"},{\"@type\":\"order\",\"id\":\"K\"}]");
            oneRps.failNext(Fault.status(500));
            oneRps.awaitIdle();
            assertThat(oneRps.errors()).hasSize(1);

            oneRps.reset();

            assertThat(oneRps.recordCount()).isZero();
            assertThat(oneRps.errors()).isEmpty();
            assertThat(oneRps.requestCount()).isZero();
            HttpResponse<String> next = oneRpsClient.push(PushClient.orders("N", 1));
            assertThat(next.statusCode()).as("neither the fault nor the rate window survived").isEqualTo(200);
            assertThat(oneRps.pushRequests()).singleElement().extracting(RecordedRequest::sequence).isEqualTo(1L);
        }
    }

    @Test
    void aSlowAnswerStoresTheRecordsAtOnceCountsAtArrivalAndAnswersLate() {
        try (OmetriaSimulator oneRps = OmetriaSimulator.builder().https(false).clock(clock).requestsPerSecond(1).start()) {
            PushClient oneRpsClient = new PushClient(oneRps);
            oneRps.failNext(Fault.slowAnswer(Duration.ofSeconds(30)));
            HttpClient impatient = HttpClient.newHttpClient();
            PushClient impatientClient = new PushClient(impatient, oneRps.baseUri(), oneRps.apiKey());

            assertThatThrownBy(() -> impatientClient.sendOrThrow(impatientClient.pushRequest(PushClient.orders("LATE", 1))
                    .header("X-Ometria-Auth", oneRps.apiKey()).timeout(Duration.ofMillis(300)).build()))
                    .as("the client gives up on the slow answer").isInstanceOf(HttpTimeoutException.class);

            assertThat(oneRps.record("order", "LATE0")).as("yet Ometria holds the records").isNotNull();
            assertThat(oneRps.pushRequests()).singleElement().satisfies(request -> {
                assertThat(request.status()).isEqualTo(200);
                assertThat(request.outcome()).isEqualTo("accepted, answer delayed PT30S");
            });
            assertThat(oneRpsClient.push(PushClient.orders("NEXT", 1)).statusCode())
                    .as("the slow request took the second's only slot when it arrived").isEqualTo(429);
        }
    }

    @Test
    void aSlowAnswerArrivesAfterItsDelay() {
        simulator.failNext(Fault.slowAnswer(Duration.ofMillis(400)));

        long started = System.nanoTime();
        HttpResponse<String> answer = client.push(PushClient.orders("A", 1));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(tookMillis).as("held back at least the delay").isGreaterThanOrEqualTo(400);
        assertThat(Fault.slowAnswer(Duration.ofMillis(400))).hasToString("slow answer PT0.4S");
        assertThatThrownBy(() -> Fault.slowAnswer(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomFaultsHitTheirShareOfRequestsReproduciblyUntilCleared() {
        java.util.List<Integer> first = statusesWithRandomFaults(150);
        java.util.List<Integer> again = statusesWithRandomFaults(150);

        assertThat(again).as("same seeds, same faults on the same requests").isEqualTo(first);
        long unavailable = first.stream().filter(status -> status == 503).count();
        long limited = first.stream().filter(status -> status == 429).count();
        assertThat(unavailable).as("about 20 % of 150").isBetween(15L, 50L);
        assertThat(limited).as("about 8 % of 150").isBetween(3L, 25L);
        assertThat(first).containsOnly(200, 429, 503);

        simulator.clearFaults();
        assertThat(client.push(PushClient.orders("AFTER", 1)).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> simulator.failAtRandom(0, Fault.status(503), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.failAtRandom(1.5, Fault.status(503), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<Integer> statusesWithRandomFaults(int requests) {
        simulator.reset();
        simulator.failAtRandom(0.2, Fault.status(503), 7);
        simulator.failAtRandom(0.1, Fault.status(429), 8);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            clock.advance(Duration.ofSeconds(1)); // stay clear of the rate limit
            statuses.add(client.push(PushClient.orders("R" + i + "-", 1)).statusCode());
        }
        return statuses;
    }
}
