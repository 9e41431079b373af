package dev.ometriasync.runtime;

import static dev.ometriasync.runtime.SimulatorHarness.allDone;
import static dev.ometriasync.runtime.SimulatorHarness.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pipeline end to end: the real HTTP client against the {@code OmetriaSimulator} over loopback HTTP,
 * with one manual clock shared by both. No test depends on real-time speed.
 */
@Timeout(60)
class PipelineAgainstSimulatorTest {

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
        // An idle pipeline sends a lone record at once; while its permit is spent the burst accumulates.
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
        // Smooth spacing: each request one permit interval (1 s / (4 × 0.97)) after the previous one.
        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.between(requests.get(i - 1).arrival(), requests.get(i).arrival()))
                    .as("gap before request %d of %s", i, requests.stream().map(r -> r.arrival() + " " + r.recordCount()).toList())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(257));
        }
    }
}
