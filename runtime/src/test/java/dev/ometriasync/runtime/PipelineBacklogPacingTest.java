package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ometria's backlog headers slow the pipeline before the backlog fills, against the
 * simulator over real HTTP and real time: no clock is shared between the two.
 */
@Timeout(180)
class PipelineBacklogPacingTest {

    private static final int RECORDS = 2_000;
    private static final int BATCH = 20;

    @Test
    void theQueueHeadersSlowSendingSoThatTheBacklogNeverFills() throws Exception {
        // A backlog of 1,000 records draining 100 a second; the account's request rate is not the limit here. At its
        // full pace (20 requests of 20 records a second) the pipeline brings 400 records a second, four times the
        // drain: without slowing, the backlog is full within about three seconds and answers 429.
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(100)
                .backlog(1_000, 100).start()) {

            List<QueueState> states = new CopyOnWriteArrayList<>();
            AtomicInteger rateLimited = new AtomicInteger();
            OmetriaListener listener = new OmetriaListener() {
                @Override
                public void queueState(QueueState state) {
                    states.add(state);
                }

                @Override
                public void rateLimited(java.time.Duration pause, boolean retryAfterHint) {
                    rateLimited.incrementAndGet();
                }
            };
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            try (OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey(ometria.apiKey()).endpoint(ometria.baseUri())
                    .requestsPerSecond(20).maxBatchSize(BATCH).listener(listener).build()) {
                for (int i = 0; i < RECORDS; i++) {
                    outcomes.add(pipeline.submit(Records.product("P" + i, "title", "\"Lamp " + i + "\""))
                            .toCompletableFuture());
                }
                CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
            }

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.join().isAccepted()).isTrue());
            assertThat(ometria.recordCount("product")).isEqualTo(RECORDS);
            assertThat(ometria.pushRequests()).extracting(RecordedRequest::outcome).doesNotContain("backlog-full");
            assertThat(rateLimited).hasValue(0);
            // Every answer reported the backlog, and the pipeline ran into its slow half and slowed there.
            assertThat(states).hasSize(ometria.pushRequestCount())
                    .allSatisfy(state -> assertThat(state.limit()).hasValue(1_000));
            assertThat(states).anySatisfy(state -> assertThat(state.remaining()).isLessThan(500));
        }
    }
}
