package dev.ometriasync.runtime;

import static dev.ometriasync.runtime.SimulatorHarness.allDone;
import static dev.ometriasync.runtime.SimulatorHarness.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pipeline end to end: the real HTTP client against the {@code OmetriaSimulator} over loopback HTTP,
 * with one manual clock shared by both. No test depends on real-time speed.
 */
@Timeout(300)
class PipelineAgainstSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorHarness harness = new SimulatorHarness();
    private final ManualTime time = harness.time;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aLoneRecordIsSentAtOnceWithoutWaitingForTheClock() {
        OmetriaPipeline pipeline = harness.pipeline();
        CompletionStage<Outcome> outcome = pipeline.submit(Records.contact("7", "email", "\"ann@example.com\"",
                "firstname", "\"Ann\""), Priority.LIVE);

        Await.until("the record is accepted", () -> outcome.toCompletableFuture().isDone());
        assertThat(outcome(outcome).status()).isEqualTo(Outcome.Status.ACCEPTED);
        assertThat(outcome(outcome).requestId()).isNotBlank();
        assertThat(harness.ometria.contact("webshop", "7").get("firstname").asText()).isEqualTo("Ann");
        assertThat(harness.ometria.pushRequests()).singleElement()
                .satisfies(r -> assertThat(r.arrival()).isEqualTo(time.now()));
    }

    @Test
    void aBurstOf250RecordsArrivesAsThreeFullRequestsOfOneTypeWithinTheRate() {
        OmetriaPipeline pipeline = harness.pipeline(b -> b.requestsPerSecond(4));
        // An idle pipeline sends a lone record at once; full batches go while slots are free, a partial one waits.
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up", "firstname", "\"W\""));
        Await.until("the warm-up record is accepted", () -> warmUp.toCompletableFuture().isDone());

        List<CompletionStage<Outcome>> burst = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            burst.add(pipeline.submit(Records.contact("c" + i, "firstname", "\"N" + i + "\"")));
        }
        for (int i = 0; i < 50; i++) {
            burst.add(pipeline.submit(Records.product("p" + i, "title", "\"T" + i + "\"")));
        }
        harness.driveUntil("the burst is delivered", () -> allDone(burst));

        assertThat(burst).allSatisfy(o -> assertThat(outcome(o).isAccepted()).isTrue());
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        List<RecordedRequest> burstRequests = requests.subList(1, requests.size());
        assertThat(burstRequests).extracting(RecordedRequest::recordCount).containsExactly(100, 100, 50);
        assertThat(burstRequests).extracting(RecordedRequest::types)
                .containsExactly(Set.of("contact"), Set.of("contact"), Set.of("product"));
        assertThat(requests).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(harness.ometria.maxPushRequestsInAnySecond()).isLessThanOrEqualTo(4);
        assertThat(harness.ometria.rateLimitedCount()).isZero();
        assertThat(harness.ometria.recordCount("contact")).isEqualTo(201);
        assertThat(harness.ometria.recordCount("product")).isEqualTo(50);
        // The partial batch waited one interval (1 s / 4) after the request before it.
        assertThat(Duration.between(requests.get(2).arrival(), requests.get(3).arrival()))
                .as("requests %s", requests.stream().map(r -> r.arrival() + " " + r.recordCount()).toList())
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void tenUpdatesToOneRecordWhilePermitsAreHeldBecomeOneRecordWithTheMergedFields() throws Exception {
        OmetriaPipeline pipeline = harness.pipeline();
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up"));
        Await.until("the warm-up record took the permit", () -> warmUp.toCompletableFuture().isDone());

        List<CompletionStage<Outcome>> updates = new ArrayList<>();
        String[] fields = {"firstname", "lastname", "gender", "timezone"};
        for (int i = 0; i < 10; i++) {
            updates.add(pipeline.submit(Records.contact("42", fields[i % 4], "\"v" + i + "\"")));
        }
        harness.driveUntil("the updates are delivered", () -> allDone(updates));

        List<RecordedRequest> requests = harness.ometria.pushRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).recordCount()).isEqualTo(1);
        JsonNode sent = JSON.readTree(requests.get(1).body()).get(0);
        assertThat(sent.get("id").asText()).isEqualTo("42");
        assertThat(sent.get("firstname").asText()).isEqualTo("v8");
        assertThat(sent.get("lastname").asText()).isEqualTo("v9");
        assertThat(sent.get("gender").asText()).isEqualTo("v6");
        assertThat(sent.get("timezone").asText()).isEqualTo("v7");
        String requestId = requests.get(1).requestId();
        assertThat(updates).allSatisfy(u -> assertThat(outcome(u)).isEqualTo(Outcome.accepted(requestId)));
        assertThat(harness.ometria.contact("webshop", "42").get("firstname").asText()).isEqualTo("v8");
    }

    @Test
    void aRetriedOlderValueNeverOverwritesANewerOne() throws Exception {
        OmetriaPipeline pipeline = harness.pipeline();
        harness.ometria.failNext(Fault.status(503).afterHold());
        CompletionStage<Outcome> older = pipeline.submit(Records.contact("42", "firstname", "\"old\""));
        assertThat(harness.ometria.awaitHeldRequests(1, Duration.ofSeconds(60))).isTrue();

        CompletionStage<Outcome> newer = pipeline.submit(Records.contact("42", "firstname", "\"new\""));
        // Permits come free meanwhile, but the key is in flight: the newer value must wait behind the older one.
        time.advance(Duration.ofSeconds(5));
        harness.ometria.releaseHeldRequests();
        harness.driveUntil("both updates are delivered", () -> allDone(List.of(older, newer)));

        assertThat(outcome(older).isAccepted()).isTrue();
        assertThat(outcome(newer).isAccepted()).isTrue();
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        assertThat(requests).extracting(RecordedRequest::status).containsExactly(503, 200, 200);
        assertThat(requests).extracting(r -> JSON.readTree(r.body()).get(0).get("firstname").asText())
                .containsExactly("old", "old", "new");
        assertThat(harness.ometria.contact("webshop", "42").get("firstname").asText()).isEqualTo("new");
    }

    @Test
    void a429WithRetryAfterPausesTheWholeAccountAndTheRecordsStillArrive() {
        OmetriaPipeline pipeline = harness.pipeline();
        harness.ometria.failNext(Fault.status(429).withRetryAfter(Duration.ofSeconds(3)));
        CompletionStage<Outcome> first = pipeline.submit(Records.contact("1", "firstname", "\"A\""));
        harness.driveUntil("the 429 is answered", () -> !harness.listener.copy(harness.listener.rateLimited).isEmpty());
        java.time.Instant limitedAt = harness.ometria.pushRequests().get(0).arrival();
        CompletionStage<Outcome> second = pipeline.submit(Records.product("p1", "title", "\"B\""));
        harness.driveUntil("both records are delivered", () -> allDone(List.of(first, second)));

        assertThat(outcome(first).isAccepted()).isTrue();
        assertThat(outcome(second).isAccepted()).isTrue();
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        assertThat(requests.get(0).status()).isEqualTo(429);
        assertThat(requests.subList(1, requests.size()))
                .allSatisfy(r -> assertThat(r.arrival()).isAfterOrEqualTo(limitedAt.plusSeconds(3)))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(harness.listener.copy(harness.listener.rateLimited)).singleElement()
                .satisfies(pause -> assertThat(pause).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
        assertThat(harness.ometria.contact("webshop", "1").get("firstname").asText()).isEqualTo("A");
        assertThat(harness.ometria.record("product", "p1").get("title").asText()).isEqualTo("B");
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedUntilTheRecordIsAccepted() {
        OmetriaPipeline pipeline = harness.pipeline();
        harness.ometria.failNext(Fault.status(500));
        harness.ometria.failNext(Fault.dropConnection());
        harness.ometria.failNext(Fault.status(503));
        harness.ometria.failNext(Fault.dropConnection());
        CompletionStage<Outcome> outcome = pipeline.submit(Records.contact("9", "firstname", "\"Zoe\""));
        harness.driveUntil("the record is accepted", () -> outcome.toCompletableFuture().isDone());

        assertThat(outcome(outcome).isAccepted()).isTrue();
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        assertThat(requests).extracting(RecordedRequest::status)
                .containsExactly(500, RecordedRequest.NO_RESPONSE, 503, RecordedRequest.NO_RESPONSE, 200);
        // Exponential backoff: each wait is longer than the one before (1 s doubling, ±25% jitter).
        for (int i = 2; i < requests.size(); i++) {
            Duration before = Duration.between(requests.get(i - 2).arrival(), requests.get(i - 1).arrival());
            Duration after = Duration.between(requests.get(i - 1).arrival(), requests.get(i).arrival());
            assertThat(after).isGreaterThan(before);
        }
        assertThat(harness.ometria.contact("webshop", "9").get("firstname").asText()).isEqualTo("Zoe");
        assertThat(harness.listener.copy(harness.listener.deadLettered)).isEmpty();
    }

    @Test
    void aPoisonRecordInABatchOf100IsIsolatedAndReportedWhileTheOther99AreAccepted() {
        OmetriaPipeline pipeline = harness.pipeline();
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up"));
        Await.until("the warm-up record took the permit", () -> warmUp.toCompletableFuture().isDone());
        harness.ometria.rejectRequestsWithRecord(record -> record.path("id").asText().equals("c37"));

        List<CompletionStage<Outcome>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(pipeline.submit(Records.contact("c" + i, "firstname", "\"N" + i + "\"")));
        }
        harness.driveUntil("every record has an outcome", () -> allDone(batch));

        Outcome poison = outcome(batch.get(37));
        assertThat(poison.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(poison.reason()).startsWith("Ometria refused contact@webshop:c37 with HTTP 400, body: ")
                .doesNotContain("HTTP 400: HTTP 400");
        for (int i = 0; i < 100; i++) {
            if (i != 37) {
                assertThat(outcome(batch.get(i)).isAccepted()).as("c%d", i).isTrue();
            }
        }
        assertThat(harness.listener.copy(harness.listener.rejected)).singleElement().asString()
                .startsWith("contact@webshop:c37 | ");
        assertThat(harness.ometria.recordCount("contact")).isEqualTo(100); // 99 + the warm-up record
        assertThat(harness.ometria.contact("webshop", "c37")).isNull();
        // Warm-up, the refused 100, then two halves per level: 50, 25, 13, 6, 3 and finally c37 alone.
        assertThat(harness.ometria.pushRequestCount()).isEqualTo(14);
    }

    @Test
    void a401StopsThePipelineAndReportsAClearError() {
        OmetriaPipeline pipeline = harness.pipeline(b -> b.apiKey("not-the-right-key"));
        CompletionStage<Outcome> first = pipeline.submit(Records.contact("1"));
        CompletionStage<Outcome> queued = pipeline.submit(Records.contact("2"));
        harness.driveUntil("the pipeline stops", () -> allDone(List.of(first, queued)));

        assertThat(outcome(first).status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(outcome(first).reason()).contains("HTTP 401").contains("API key");
        assertThat(outcome(queued).status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(harness.listener.copy(harness.listener.authFailures)).singleElement().asString()
                .startsWith("401 | ").contains("refused the API key");
        CompletionStage<Outcome> later = pipeline.submit(Records.contact("3"));
        assertThat(later.toCompletableFuture()).isCompleted();
        assertThat(outcome(later).status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(outcome(later).reason()).contains("HTTP 401");
        assertThat(harness.ometria.pushRequestCount()).isEqualTo(1);
        assertThat(outcome(first).reason()).doesNotContain("not-the-right-key");
    }

    @Test
    void closeDeliversWhatIsQueued() throws Exception {
        OmetriaPipeline pipeline = harness.pipeline(b -> b.shutdownTimeout(Duration.ofMinutes(1)));
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up"));
        Await.until("the warm-up record took the permit", () -> warmUp.toCompletableFuture().isDone());
        List<CompletionStage<Outcome>> queued = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            queued.add(pipeline.submit(Records.product("p" + i, "title", "\"T" + i + "\"")));
        }
        // A full batch goes at once; the other 50 wait one interval on the stopped clock: still queued at close().
        Await.until("the full batch is delivered", () -> allDone(queued.subList(0, 100)));
        assertThat(harness.ometria.pushRequestCount()).isEqualTo(2);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(pipeline::close);
        harness.driveUntil("close() returns", closing::isDone);
        closing.get();

        assertThat(queued).allSatisfy(o -> assertThat(outcome(o).isAccepted()).isTrue());
        assertThat(harness.ometria.recordCount("product")).isEqualTo(150);
        assertThat(harness.ometria.pushRequests()).extracting(RecordedRequest::recordCount).containsExactly(1, 100, 50);
        CompletionStage<Outcome> afterClose = pipeline.submit(Records.contact("late"));
        assertThat(outcome(afterClose).status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(outcome(afterClose).reason()).contains("closed");
    }

    @Test
    void aFullQueueBlocksTheCallerThenReportsTheRecordAndLosesNothingSilently() throws Exception {
        OmetriaPipeline pipeline = harness.pipeline(b -> b.maxQueuedRecords(3).enqueueTimeout(Duration.ofSeconds(5)));
        harness.ometria.failNext(2, Fault.hold()); // a alone, then b and c together
        List<CompletionStage<Outcome>> held = new ArrayList<>();
        held.add(pipeline.submit(Records.contact("a")));
        assertThat(harness.ometria.awaitHeldRequests(1, Duration.ofSeconds(60))).isTrue();
        held.add(pipeline.submit(Records.contact("b")));
        held.add(pipeline.submit(Records.contact("c")));
        CompletableFuture<CompletionStage<Outcome>> blocked = CompletableFuture.supplyAsync(
                () -> pipeline.submit(Records.contact("d")));
        Await.until("the fourth submission waits for room", () -> time.deadlines().contains(time.now().plusSeconds(5)));
        assertThat(blocked).isNotDone();

        time.advance(Duration.ofSeconds(5));
        Outcome refused = outcome(blocked.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(refused.status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(refused.reason()).contains("queue is full").contains("not queued");
        assertThat(harness.listener.copy(harness.listener.abandoned)).singleElement().asString()
                .startsWith("contact@webshop:d | ");

        assertThat(harness.ometria.awaitHeldRequests(2, Duration.ofSeconds(60))).isTrue();
        harness.ometria.releaseHeldRequests();
        harness.driveUntil("the held records are delivered", () -> allDone(held));
        assertThat(held).allSatisfy(o -> assertThat(outcome(o).isAccepted()).isTrue());
        assertThat(harness.ometria.recordCount("contact")).isEqualTo(3);
        assertThat(harness.ometria.contact("webshop", "d")).isNull();
    }
}
