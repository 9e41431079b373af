package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window request limit and the backlog cap, driven by a {@link ManualClock}: no test here waits for
 * real time.
 */
class RateLimitTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void admitsTheConfiguredRequestsPerSlidingSecondAndAnswers429Beyond() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock).start()) {
            PushClient client = new PushClient(simulator);
            for (int i = 0; i < 8; i++) {
                assertThat(client.push(PushClient.orders("A" + i + "-", 1)).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> ninth = client.push(PushClient.orders("REFUSED-", 1));

            assertThat(ninth.statusCode()).isEqualTo(429);
            assertThat(ninth.headers().firstValue("Retry-After")).as("off by default: Ometria does not document it")
                    .isEmpty();
            assertThat(PushClient.json(ninth).get("message").asText()).contains("at most 8 push requests per second");
            assertThat(simulator.rateLimitedCount()).isEqualTo(1);
            assertThat(simulator.record("order", "REFUSED-0")).isNull();

            clock.advance(Duration.ofMillis(999));
            assertThat(client.push(PushClient.orders("STILL-", 1)).statusCode()).isEqualTo(429);

            clock.advance(Duration.ofMillis(1));
            assertThat(client.push(PushClient.orders("AFTER-", 1)).statusCode()).isEqualTo(200);
            assertThat(simulator.rateLimitedCount()).isEqualTo(2);
        }
    }

    @Test
    void windowSlidesRatherThanResettingOnWholeSeconds() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .requestsPerSecond(4).start()) {
            PushClient client = new PushClient(simulator);
            clock.advance(Duration.ofMillis(900));
            for (int i = 0; i < 4; i++) {
                assertThat(client.push(PushClient.orders("A" + i + "-", 1)).statusCode()).isEqualTo(200);
            }
            // A fixed window would reset at t = 1.000 s; the sliding window still holds the four from t = 0.9 s.
            clock.advance(Duration.ofMillis(200));

            assertThat(client.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(429);
            clock.advance(Duration.ofMillis(700));
            assertThat(client.push(PushClient.orders("C", 1)).statusCode()).isEqualTo(429);
            clock.advance(Duration.ofMillis(100));
            assertThat(client.push(PushClient.orders("D", 1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sendsRetryAfterInWholeSecondsUntilASlotFreesWhenEnabled() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .rateLimit(2, Duration.ofSeconds(3)).sendRetryAfter(true).start()) {
            PushClient client = new PushClient(simulator);
            client.push(PushClient.orders("A", 1));
            clock.advance(Duration.ofMillis(500));
            client.push(PushClient.orders("B", 1));
            clock.advance(Duration.ofMillis(1000));

            HttpResponse<String> limited = client.push(PushClient.orders("C", 1));

            // The first request leaves the window at t = 3.0 s; now is 1.5 s: 1.5 s rounds up to 2.
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        }
    }

    @Test
    void rateLimitedRequestsDoNotConsumeTheWindow() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .requestsPerSecond(1).start()) {
            PushClient client = new PushClient(simulator);
            assertThat(client.push(PushClient.orders("A", 1)).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMillis(500));
            assertThat(client.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(429);
            clock.advance(Duration.ofMillis(500));

            assertThat(client.push(PushClient.orders("C", 1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requestsRefusedAfterTheRateCheckStillConsumeTheWindow() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .requestsPerSecond(2).backlogCap(1, Duration.ofMinutes(1)).start()) {
            PushClient client = new PushClient(simulator);

            assertThat(client.push("[not json").statusCode()).isEqualTo(400);
            assertThat(client.push(PushClient.orders("A", 2)).statusCode()).as("backlog cap of 1 record").isEqualTo(429);
            HttpResponse<String> third = client.push(PushClient.orders("B", 1));

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(simulator.pushRequests()).extracting(RecordedRequest::outcome)
                    .containsExactly("invalid-payload", "backlog-full", "rate-limited");
        }
    }

    @Test
    void theBacklogIsAQueueThatDrainsAndEveryAnswerCarriesBothQueueHeaders() {
        // Ometria documents a backlog of records "waiting to be processed", a queue that drains, with
        // X-QueueSize-Limit and X-QueueSize-Remaining for clients to read.
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .backlog(240, 10).start()) {
            PushClient client = new PushClient(simulator);
            HttpResponse<String> first = client.push(PushClient.orders("A", 100));
            clock.advance(Duration.ofSeconds(5)); // 50 records processed
            HttpResponse<String> second = client.push(PushClient.orders("B", 100));
            HttpResponse<String> third = client.push(PushClient.orders("C", 100));
            HttpResponse<String> badBody = client.push("[not json");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("X-QueueSize-Limit")).hasValue("240");
            assertThat(first.headers().firstValue("X-QueueSize-Remaining")).hasValue("140");
            assertThat(second.headers().firstValue("X-QueueSize-Remaining")).as("50 + 100 waiting").hasValue("90");
            assertThat(third.statusCode()).as("150 waiting + 100 > 240").isEqualTo(429);
            assertThat(PushClient.json(third).get("message").asText())
                    .isEqualTo("Too many asynchronous import records: at most 240 records may wait to be processed");
            assertThat(third.headers().firstValue("X-QueueSize-Limit")).hasValue("240");
            assertThat(third.headers().firstValue("X-QueueSize-Remaining")).hasValue("90");
            assertThat(badBody.statusCode()).isEqualTo(400);
            assertThat(badBody.headers().firstValue("X-QueueSize-Remaining")).hasValue("90");

            clock.advance(Duration.ofSeconds(1)); // 10 more processed: exactly 100 fit now
            HttpResponse<String> fourth = client.push(PushClient.orders("D", 100));
            assertThat(fourth.statusCode()).isEqualTo(200);
            assertThat(fourth.headers().firstValue("X-QueueSize-Remaining")).hasValue("0");

            clock.advance(Duration.ofSeconds(60)); // drained empty, never below zero
            HttpResponse<String> fifth = client.push(PushClient.orders("E", 10));
            assertThat(fifth.headers().firstValue("X-QueueSize-Remaining")).hasValue("230");
            assertThat(simulator.pushRequests()).extracting(RecordedRequest::outcome)
                    .containsExactly("accepted", "accepted", "backlog-full", "invalid-payload", "accepted", "accepted");
            assertThat(simulator.recordCount("order")).isEqualTo(310);
        }
    }

    @Test
    void aBacklog429SaysWhenEnoughWillHaveDrained() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .backlog(100, 20).sendRetryAfter(true).start()) {
            PushClient client = new PushClient(simulator);
            client.push(PushClient.orders("A", 90));

            HttpResponse<String> refused = client.push(PushClient.orders("B", 50));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as("40 records at 20 a second").hasValue("2");
            assertThat(refused.headers().firstValue("X-QueueSize-Remaining")).hasValue("10");
        }
    }

    @Test
    void anUnauthenticatedAnswerAndAnInjectedFaultCarryNoQueueHeaders() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock).start()) {
            PushClient client = new PushClient(simulator);
            HttpResponse<String> unauthenticated = client.send(java.net.http.HttpRequest.newBuilder(
                    simulator.baseUri().resolve("/v2/push")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(PushClient.orders("A", 1))).build());
            simulator.failNext(Fault.status(503));
            HttpResponse<String> faulted = client.push(PushClient.orders("B", 1));

            assertThat(unauthenticated.statusCode()).isEqualTo(401);
            assertThat(unauthenticated.headers().firstValue("X-QueueSize-Remaining")).isEmpty();
            assertThat(faulted.statusCode()).isEqualTo(503);
            assertThat(faulted.headers().firstValue("X-QueueSize-Limit")).isEmpty();
        }
    }

    @Test
    void reportsTheMostPushRequestsSeenInAnySlidingSecond() {
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).clock(clock)
                .requestsPerSecond(100).start()) {
            PushClient client = new PushClient(simulator);
            // Arrivals at 0.0, 0.4, 0.8, 1.2, 1.3, 1.9 s: the busiest half-open second [0.8, 1.8) holds 3,
            // [0.4, 1.4) holds 4, [1.2, 2.2) holds 3.
            long[] arrivalsMillis = {0, 400, 800, 1200, 1300, 1900};
            long previous = 0;
            for (long at : arrivalsMillis) {
                clock.advance(Duration.ofMillis(at - previous));
                previous = at;
                client.push(PushClient.orders("R" + at + "-", 1));
            }
            client.errors(); // not a push: never counted

            assertThat(simulator.maxPushRequestsInAnySecond()).isEqualTo(4);
            assertThat(simulator.maxPushRequestsInAnyWindow(Duration.ofMillis(100))).isEqualTo(1);
            assertThat(simulator.maxPushRequestsInAnyWindow(Duration.ofMillis(101))).isEqualTo(2);
            assertThat(simulator.requests()).extracting(RecordedRequest::arrival)
                    .containsSubsequence(ManualClock.DEFAULT_START, ManualClock.DEFAULT_START.plusMillis(1900));
        }
    }
}
