package dev.ometriasync.runtime;

import static dev.ometriasync.runtime.SimulatorHarness.allDone;
import static dev.ometriasync.runtime.SimulatorHarness.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** More of the pipeline's behaviour against the simulator, on one manual clock. */
@Timeout(300)
class PipelineBehaviourTest {

    private final SimulatorHarness harness = new SimulatorHarness();
    private final ManualTime time = harness.time;

    @AfterEach
    void close() {
        harness.close();
    }

    private void warmUp(OmetriaPipeline pipeline) {
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up"));
        Await.until("the warm-up record took the permit", () -> warmUp.toCompletableFuture().isDone());
    }

    @Test
    void liveRecordsAreSentBeforeBackfillRecordsThatWaitedLonger() {
        OmetriaPipeline pipeline = harness.pipeline();
        warmUp(pipeline);
        List<CompletionStage<Outcome>> all = new ArrayList<>();
        // Fewer than a full batch: they wait one interval after the warm-up record, and the live record comes meanwhile.
        for (int i = 0; i < 60; i++) {
            all.add(pipeline.submit(Records.product("p" + i, "title", "\"T\""), Priority.BACKFILL));
        }
        all.add(pipeline.submit(Records.contact("live", "firstname", "\"L\""), Priority.LIVE));
        harness.driveUntil("everything is delivered", () -> allDone(all));

        List<RecordedRequest> requests = harness.ometria.pushRequests();
        assertThat(requests).extracting(RecordedRequest::types)
                .containsExactly(Set.of("contact"), Set.of("contact"), Set.of("product"));
        assertThat(requests.get(1).ids()).containsExactly("live");
        assertThat(requests).extracting(RecordedRequest::recordCount).containsExactly(1, 1, 60);
    }

    @Test
    void twoPipelinesOnOneAccountShareOneRateLimit() {
        OmetriaPipeline first = harness.pipeline(b -> b.name("first"));
        OmetriaPipeline second = harness.pipeline(b -> b.name("second"));
        List<CompletionStage<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(first.submit(Records.product("p" + i, "title", "\"T\"")));
            all.add(second.submit(Records.contact("c" + i, "firstname", "\"F\"")));
        }
        harness.driveUntil("everything is delivered", () -> allDone(all));

        assertThat(all).allSatisfy(o -> assertThat(outcome(o).isAccepted()).isTrue());
        assertThat(harness.ometria.rateLimitedCount()).isZero();
        assertThat(harness.ometria.maxPushRequestsInAnySecond()).isLessThanOrEqualTo(4);
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        for (int i = 4; i < requests.size(); i++) {
            // Any five requests of the account, whichever pipeline sent them, span more than a second.
            assertThat(Duration.between(requests.get(i - 4).arrival(), requests.get(i).arrival()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void a200WithRejectedRecordsIsReportedToTheListener() {
        OmetriaPipeline pipeline = harness.pipeline();
        harness.ometria.failNext(Fault.status(200)
                .withBody("{\"status\":\"OK\",\"request_id\":\"r-1\",\"accepted\":1,\"rejected\":1}"));
        CompletionStage<Outcome> a = pipeline.submit(Records.contact("a"));
        Await.until("the record has an outcome", () -> a.toCompletableFuture().isDone());

        assertThat(outcome(a)).isEqualTo(Outcome.accepted("r-1"));
        assertThat(harness.listener.copy(harness.listener.rejectedAtIntake)).containsExactly("1/1 contact");
    }

    @Test
    void aBatchThatKeepsFailingIsDeadLetteredOnceTheRetryBudgetIsSpent() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OmetriaPipeline pipeline = harness.pipeline(b -> b.retryMaxDuration(Duration.ofMinutes(10))
                .meterRegistry(meters));
        harness.ometria.failRequestsWithRecord(r -> r.path("id").asText().equals("doomed"), Fault.status(503));
        CompletionStage<Outcome> doomed = pipeline.submit(Records.contact("doomed"));
        List<String> retryWarnings;
        try (LoggedLines logged = LoggedLines.capture()) {
            harness.driveUntil("the record is given up", () -> doomed.toCompletableFuture().isDone());
            retryWarnings = logged.containing("; retrying with backoff");
        }
        CompletionStage<Outcome> fine = pipeline.submit(Records.contact("fine"));
        harness.driveUntil("the next record is delivered", () -> fine.toCompletableFuture().isDone());

        assertThat(outcome(doomed).status()).isEqualTo(Outcome.Status.DEAD_LETTERED);
        // the client's reason already starts with the status: it is named once (it read "HTTP 503 HTTP 503, body: ...")
        assertThat(outcome(doomed).reason()).contains("retry budget").contains("last failure: HTTP 503, body: ")
                .doesNotContain("HTTP 503 HTTP 503");
        assertThat(retryWarnings).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("WARN Sending ").contains(" failed (HTTP 503, body: ").doesNotContain("HTTP 503 HTTP 503"));
        assertThat(outcome(fine).isAccepted()).isTrue();
        assertThat(harness.listener.copy(harness.listener.deadLettered)).singleElement().asString()
                .startsWith("contact@webshop:doomed | ");
        List<RecordedRequest> requests = harness.ometria.pushRequests();
        Instant firstFailure = requests.get(0).arrival();
        Instant lastFailure = requests.get(requests.size() - 2).arrival();
        assertThat(Duration.between(firstFailure, lastFailure)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        // Backoff is capped at retryMaxDelay (5 min by default, +25% jitter): never a longer gap.
        for (int i = 1; i < requests.size() - 1; i++) {
            assertThat(Duration.between(requests.get(i - 1).arrival(), requests.get(i).arrival()))
                    .isLessThanOrEqualTo(Duration.ofMinutes(5).plusSeconds(75));
        }
        assertThat(meters.counter("ometria.pipeline.dead.letters", "pipeline", "default").count()).isEqualTo(1);
        assertThat(meters.counter("ometria.pipeline.requests", "pipeline", "default", "result", "retryable").count())
                .isEqualTo(requests.size() - 1);
        assertThat(meters.counter("ometria.pipeline.requests", "pipeline", "default", "result", "accepted").count())
                .isEqualTo(1);
    }

    @Test
    void metersShowQueueDepthAgeAnd429sAndAreRemovedOnClose() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OmetriaPipeline pipeline = harness.pipeline(b -> b.meterRegistry(meters).name("metered"));
        harness.ometria.failNext(Fault.status(429).withRetryAfter(Duration.ofSeconds(2)));
        CompletionStage<Outcome> a = pipeline.submit(Records.contact("a"));
        CompletionStage<Outcome> b = pipeline.submit(Records.contact("b"));
        harness.quiesce();
        time.advance(Duration.ofMillis(1500));
        System.gc(); // a gauge whose value source is only weakly held would now read NaN
        assertThat(meters.get("ometria.pipeline.queue.depth").tag("pipeline", "metered").gauge().value()).isEqualTo(2);
        assertThat(meters.get("ometria.pipeline.queue.oldest.age").timeGauge().value(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
        harness.driveUntil("both are delivered", () -> allDone(List.of(a, b)));

        assertThat(meters.get("ometria.pipeline.rate.limited").counter().count()).isEqualTo(1);
        assertThat(meters.get("ometria.pipeline.requests").tag("result", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(meters.get("ometria.pipeline.requests").tag("result", "accepted").counter().count()).isPositive();
        assertThat(meters.get("ometria.pipeline.queue.depth").gauge().value()).isZero();
        pipeline.close();
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void flushWaitsForEverythingSubmittedBeforeAndReportsATimeout() throws Exception {
        OmetriaPipeline pipeline = harness.pipeline();
        warmUp(pipeline);
        List<CompletionStage<Outcome>> queued = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            queued.add(pipeline.submit(Records.contact("c" + i)));
        }
        CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(() -> flush(pipeline, Duration.ofMinutes(1)));
        harness.driveUntil("flush returns", flushed::isDone);
        assertThat(flushed.get()).isTrue();
        assertThat(queued).allSatisfy(o -> assertThat(outcome(o).isAccepted()).isTrue());

        time.advance(Duration.ofSeconds(1)); // a permit is free again
        harness.ometria.failNext(Fault.hold());
        CompletionStage<Outcome> stuck = pipeline.submit(Records.contact("stuck"));
        assertThat(harness.ometria.awaitHeldRequests(1, Duration.ofSeconds(60))).isTrue();
        CompletableFuture<Boolean> timedOut = CompletableFuture.supplyAsync(() -> flush(pipeline, Duration.ofSeconds(5)));
        Await.until("flush waits on the clock", () -> time.nextDeadline().isPresent());
        time.advance(Duration.ofSeconds(5));
        assertThat(timedOut.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(stuck).isNotDone();
        harness.ometria.releaseHeldRequests();
        harness.driveUntil("the held record is delivered", () -> stuck.toCompletableFuture().isDone());
    }

    private static boolean flush(OmetriaPipeline pipeline, Duration timeout) {
        try {
            return pipeline.flush(timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
