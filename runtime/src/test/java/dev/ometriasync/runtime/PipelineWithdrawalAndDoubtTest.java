package dev.ometriasync.runtime;

import static dev.ometriasync.runtime.SimulatorHarness.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.RecordedRequest;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a submitter that must stop sending (an outbox relay losing its lease) relies on: a withdrawn record that
 * is still queued is never sent, and an acceptance that followed an unanswered attempt is reported in doubt.
 */
@Timeout(300)
class PipelineWithdrawalAndDoubtTest {

    private final SimulatorHarness harness = new SimulatorHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    /** A pipeline whose first record was sent: the manual clock stands still, so the next ones wait in the queue. */
    private OmetriaPipeline pipelineAfterAWarmUpRecord() {
        OmetriaPipeline pipeline = harness.pipeline(b -> b.requestsPerSecond(4));
        CompletionStage<Outcome> warmUp = pipeline.submit(Records.contact("warm-up", "firstname", "\"W\""));
        Await.until("the warm-up record is accepted", () -> warmUp.toCompletableFuture().isDone());
        return pipeline;
    }

    @Test
    void aWithdrawnQueuedRecordIsNeverSent() {
        OmetriaPipeline pipeline = pipelineAfterAWarmUpRecord();
        // the warm-up spent the permit and the manual clock stands still: this record waits in the queue
        CompletionStage<Outcome> stale = pipeline.submit(Records.contact("stale", "firstname", "\"v1\""));
        assertThat(stale.toCompletableFuture().cancel(false)).isTrue();
        CompletionStage<Outcome> next = pipeline.submit(Records.contact("next", "firstname", "\"N\""));
        harness.driveUntil("the next record is accepted", () -> next.toCompletableFuture().isDone());

        assertThat(outcome(next).isAccepted()).isTrue();
        assertThat(harness.ometria.contact("webshop", "stale")).isNull();
        assertThat(harness.ometria.pushRequests()).extracting(RecordedRequest::recordCount).containsExactly(1, 1);
    }

    @Test
    void closingCountsOnlyTheRecordsItWillSend() {
        OmetriaPipeline pipeline = pipelineAfterAWarmUpRecord();
        // the manual clock stands still: these three wait in the queue; the relay withdraws two of them
        CompletionStage<Outcome> kept = pipeline.submit(Records.contact("kept", "firstname", "\"K\""));
        for (String id : List.of("withdrawn-1", "withdrawn-2")) {
            assertThat(pipeline.submit(Records.contact(id, "firstname", "\"X\"")).toCompletableFuture().cancel(false))
                    .isTrue();
        }

        List<String> closing;
        List<String> abandoned;
        try (LoggedLines logged = LoggedLines.capture()) {
            pipeline.close(); // the harness's shutdown timeout is zero: what is held is abandoned at once
            closing = logged.containing("Closing Ometria pipeline");
            abandoned = logged.containing("Abandoned ");
        }

        // it read "sending the 3 record(s) it holds" and "Abandoned 3 record(s)"
        assertThat(closing).singleElement().asString().contains("sending the 1 record(s) it holds");
        assertThat(abandoned).singleElement().asString().startsWith("WARN Abandoned 1 record(s): ");
        assertThat(outcome(kept).status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(harness.listener.copy(harness.listener.abandoned)).singleElement().asString().contains("kept");
        assertThat(harness.ometria.pushRequests()).extracting(RecordedRequest::recordCount).containsExactly(1);
    }

    @Test
    void anAcceptanceAfterAnUnansweredAttemptIsInDoubt() {
        OmetriaPipeline pipeline = harness.pipeline();
        CompletionStage<Outcome> answered = pipeline.submit(Records.contact("answered", "firstname", "\"A\""));
        harness.driveUntil("the first record is accepted", () -> answered.toCompletableFuture().isDone());
        assertThat(outcome(answered).isAccepted()).isTrue();
        assertThat(outcome(answered).inDoubt()).isFalse();

        harness.ometria.failNext(Fault.dropConnection());
        CompletionStage<Outcome> retried = pipeline.submit(Records.contact("retried", "firstname", "\"B\""));
        harness.driveUntil("the retried record is accepted", () -> retried.toCompletableFuture().isDone());

        assertThat(outcome(retried).isAccepted()).isTrue();
        assertThat(outcome(retried).inDoubt()).as("the dropped attempt may still be processed").isTrue();
    }
}
