package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler's decisions against a scripted transport and a manual clock: what is sent when, in which
 * batches. End-to-end behaviour over HTTP is proven by the simulator tests.
 */
@Timeout(300)
class PipelineSchedulingTest {

    private final ManualTime time = new ManualTime(Instant.parse("2025-01-01T00:00:00Z"));
    private ScriptedTransport transport;
    private OmetriaPipeline pipeline;

    private OmetriaPipeline start(ScriptedTransport scripted, java.util.function.Consumer<OmetriaPipeline.Builder> options) {
        transport = scripted;
        OmetriaPipeline.Builder builder = OmetriaPipeline.builder()
                .apiKey("key-" + System.nanoTime())
                .timeSource(time)
                .shutdownTimeout(Duration.ZERO);
        options.accept(builder);
        pipeline = TestPipelines.start(builder, settings -> scripted).pipeline();
        return pipeline;
    }

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void idlePipelineSendsAtOnceAndABurstGoesInFullBatchesOfOneTypeWithinTheRate() {
        start(new ScriptedTransport(time, ScriptedTransport::ok), b -> b.requestsPerSecond(4));
        Instant start = time.now();
        pipeline.submit(Records.contact("warm-up", "firstname", "\"A\""));
        Await.until("the lone record is sent without the clock moving", () -> transport.count() == 1);

        List<CompletionStage<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(pipeline.submit(Records.contact("c" + i, "firstname", "\"N" + i + "\"")));
        }
        for (int i = 0; i < 50; i++) {
            outcomes.add(pipeline.submit(Records.product("p" + i, "title", "\"T" + i + "\"")));
        }
        // The idle account has three more slots this second: full batches take them at once.
        Await.until("both full batches sent without the clock moving", () -> transport.count() == 3);
        // The batch that is not full waits one interval after the last request, for records that may still come.
        Await.until("the partial batch waits", () -> time.nextDeadline().isPresent());
        assertThat(time.nextDeadline()).contains(start.plusMillis(250));
        time.advanceToNextDeadline();
        Await.until("the partial batch sent", () -> transport.count() == 4);
        outcomes.forEach(o -> Await.until("accepted", () -> o.toCompletableFuture().isDone()));

        List<ScriptedTransport.Request> burst = transport.requests().subList(1, 4);
        assertThat(burst).extracting(r -> r.records().size()).containsExactly(100, 100, 50);
        assertThat(burst.get(0).records()).allMatch(r -> r.type() == RecordType.CONTACT);
        assertThat(burst.get(1).records()).allMatch(r -> r.type() == RecordType.CONTACT);
        assertThat(burst.get(2).records()).allMatch(r -> r.type() == RecordType.PRODUCT);
        assertThat(transport.requests()).extracting(ScriptedTransport.Request::at)
                .containsExactly(start, start, start, start.plusMillis(250));
        assertThat(outcomes).allMatch(o -> o.toCompletableFuture().join().isAccepted());
    }

    @Test
    void noMoreRequestsThanTheRateInAnySecondEvenWhenAnswersAreInstant() {
        start(new ScriptedTransport(time, ScriptedTransport::ok), b -> b.requestsPerSecond(4).maxBatchSize(1));
        List<CompletionStage<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(pipeline.submit(Records.contact("c" + i)));
        }
        while (transport.count() < 20) {
            Await.until("a wait or all sent", () -> time.nextDeadline().isPresent() || transport.count() == 20);
            time.advanceToNextDeadline();
        }
        outcomes.forEach(o -> Await.until("accepted", () -> o.toCompletableFuture().isDone()));
        List<Instant> times = transport.requests().stream().map(ScriptedTransport.Request::at).toList();
        for (int i = 4; i < times.size(); i++) {
            // Each slot is held until a second after its answer (here: the same instant as the request).
            assertThat(Duration.between(times.get(i - 4), times.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void updatesToOneKeyWhileNoPermitIsFreeBecomeOneMergedRecord() {
        start(new ScriptedTransport(time, ScriptedTransport::ok), b -> { });
        pipeline.submit(Records.contact("warm-up"));
        Await.until("warm-up sent", () -> transport.count() == 1);

        List<CompletionStage<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(pipeline.submit(Records.contact("42", "field" + (i % 4), "\"v" + i + "\"")));
        }
        Await.until("permit wait", () -> time.nextDeadline().isPresent());
        time.advanceToNextDeadline();
        Await.until("second request", () -> transport.count() == 2);

        List<OmetriaRecord> sent = transport.requests().get(1).records();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).fields()).containsExactly(
                java.util.Map.entry("field0", "\"v8\""), java.util.Map.entry("field1", "\"v9\""),
                java.util.Map.entry("field2", "\"v6\""), java.util.Map.entry("field3", "\"v7\""));
        for (CompletionStage<Outcome> outcome : outcomes) {
            assertThat(outcome.toCompletableFuture().join()).isEqualTo(Outcome.accepted("req-1"));
        }
    }

    @Test
    void aNewerChangeWaitsBehindTheRequestInFlightForItsKey() {
        start(new ScriptedTransport(time, records -> null), b -> { });
        CompletionStage<Outcome> first = pipeline.submit(Records.contact("42", "firstname", "\"old\""));
        Await.until("first request in flight", () -> transport.count() == 1);
        CompletionStage<Outcome> second = pipeline.submit(Records.contact("42", "firstname", "\"new\""));
        // Permits are free after one interval, but the key is in flight: nothing else may be sent.
        time.advance(Duration.ofSeconds(5));
        assertThat(transport.count()).isEqualTo(1);

        transport.requests().get(0).response().complete(new PushResult.Retryable(503, "Service Unavailable"));
        Await.until("retry scheduled", () -> time.nextDeadline().isPresent());
        transport.script(ScriptedTransport::ok);
        time.advanceToNextDeadline();
        Await.until("retry sent", () -> transport.count() == 2);
        assertThat(transport.requests().get(1).records().get(0).fields()).containsEntry("firstname", "\"old\"");
        Await.until("first accepted", () -> first.toCompletableFuture().isDone());
        assertThat(first.toCompletableFuture().join().isAccepted()).isTrue();
        while (transport.count() < 3) {
            Await.until("permit wait", () -> time.nextDeadline().isPresent() || transport.count() == 3);
            time.advanceToNextDeadline();
        }
        assertThat(transport.requests().get(2).records().get(0).fields()).containsEntry("firstname", "\"new\"");
        Await.until("second accepted", () -> second.toCompletableFuture().isDone());
        assertThat(second.toCompletableFuture().join().isAccepted()).isTrue();
    }

    @Test
    void a429PausesTheAccountForRetryAfterWithoutSpendingTheBudget() {
        start(new ScriptedTransport(time, records -> new PushResult.RateLimited(
                Optional.of(Duration.ofSeconds(30)), Optional.empty())),
                b -> b.retryMaxDuration(Duration.ofSeconds(1)));
        Instant start = time.now();
        CompletionStage<Outcome> outcome = pipeline.submit(Records.contact("1"));
        Await.until("first request", () -> transport.count() == 1);
        transport.script(ScriptedTransport::ok);
        while (transport.count() < 2) {
            Await.until("something scheduled", () -> time.nextDeadline().isPresent() || transport.count() == 2);
            time.advanceToNextDeadline();
        }
        Await.until("accepted", () -> outcome.toCompletableFuture().isDone());
        assertThat(outcome.toCompletableFuture().join().isAccepted()).isTrue();
        assertThat(transport.requests().get(1).at()).isAfterOrEqualTo(start.plusSeconds(30));
    }

    @Test
    void transientFailuresEndInADeadLetterOnceTheBudgetIsSpent() {
        List<String> deadLetters = new ArrayList<>();
        start(new ScriptedTransport(time, records -> new PushResult.Retryable(502, "Bad Gateway")),
                b -> b.retryMaxDuration(Duration.ofMinutes(2)).listener(new OmetriaListener() {
                    @Override
                    public void deadLettered(OmetriaRecord record, String reason) {
                        deadLetters.add(record.id() + ": " + reason);
                    }
                }));
        CompletionStage<Outcome> outcome = pipeline.submit(Records.contact("1"));
        while (!outcome.toCompletableFuture().isDone()) {
            Await.until("retry scheduled", () -> time.nextDeadline().isPresent() || outcome.toCompletableFuture().isDone());
            time.advanceToNextDeadline();
        }
        Outcome result = outcome.toCompletableFuture().join();
        assertThat(result.status()).isEqualTo(Outcome.Status.DEAD_LETTERED);
        // a transport's reason without the status gets it in front, once
        assertThat(result.reason()).endsWith("last failure: HTTP 502: Bad Gateway");
        assertThat(transport.count()).isGreaterThan(3);
        assertThat(deadLetters).singleElement().asString().startsWith("1: ");
        assertThat(Duration.between(transport.requests().get(0).at(), time.now()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aFullQueueBlocksTheCallerUntilTheTimeoutThenReportsTheRecordAbandoned() throws Exception {
        start(new ScriptedTransport(time, records -> null), b -> b.maxQueuedRecords(2)
                .enqueueTimeout(Duration.ofSeconds(5)));
        CompletionStage<Outcome> a = pipeline.submit(Records.contact("a"));
        Await.until("a in flight", () -> transport.count() == 1);
        CompletionStage<Outcome> b = pipeline.submit(Records.contact("b"));
        CompletableFuture<CompletionStage<Outcome>> c = CompletableFuture.supplyAsync(
                () -> pipeline.submit(Records.contact("c")));
        Await.until("the third submission waits for room", () -> time.deadlines().size() >= 2);
        assertThat(c).isNotDone();
        time.advance(Duration.ofSeconds(5));
        Outcome refused = c.get().toCompletableFuture().join();
        assertThat(refused.status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(refused.reason()).contains("queue is full").contains("not queued");
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();
    }

    @Test
    void aSubmissionFromACallbackIntoAFullQueueIsReportedAtOnceInsteadOfDeadlocking() {
        CompletableFuture<CompletionStage<Outcome>> fromCallback = new CompletableFuture<>();
        OmetriaPipeline[] self = new OmetriaPipeline[1];
        start(new ScriptedTransport(time, ScriptedTransport::ok), b -> b.maxQueuedRecords(1)
                .enqueueTimeout(Duration.ofMinutes(5))
                .listener(new OmetriaListener() {
                    @Override
                    public void sent(List<OmetriaRecord> records, String requestId) {
                        // The sent record is still held while its callback runs: the queue is full.
                        if (!fromCallback.isDone()) {
                            fromCallback.complete(self[0].submit(Records.contact("from-callback")));
                        }
                    }
                }));
        self[0] = pipeline;
        CompletionStage<Outcome> first = pipeline.submit(Records.contact("first"));
        Await.until("the callback submitted", fromCallback::isDone);

        Outcome refused = fromCallback.join().toCompletableFuture().join();
        assertThat(refused.status()).isEqualTo(Outcome.Status.ABANDONED);
        assertThat(refused.reason()).contains("queue is full");
        Await.until("the first record completes", () -> first.toCompletableFuture().isDone());
        assertThat(first.toCompletableFuture().join().isAccepted()).isTrue();
    }
}
