package dev.ometriasync.runtime;

import dev.ometriasync.testkit.ManualClock;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A simulator and a pipeline on one {@link ManualTime}: the simulator's rate window, arrival times and
 * {@code Retry-After}, and the pipeline's permits, pauses, backoff and timeouts all read the same clock, which
 * moves only when the test says.
 */
final class SimulatorHarness implements AutoCloseable {

    final ManualTime time = new ManualTime(ManualClock.DEFAULT_START);
    final RecordingListener listener = new RecordingListener();
    final OmetriaSimulator ometria;
    private final List<TestPipelines.Started> pipelines = new ArrayList<>();

    SimulatorHarness(Consumer<OmetriaSimulator.Builder> simulatorOptions) {
        OmetriaSimulator.Builder builder = OmetriaSimulator.builder().clock(time).https(false).requestsPerSecond(4);
        simulatorOptions.accept(builder);
        ometria = builder.start();
    }

    SimulatorHarness() {
        this(b -> { });
    }

    /** A pipeline pointed at the simulator, on the shared clock, with the recording listener. */
    OmetriaPipeline pipeline(Consumer<OmetriaPipeline.Builder> options) {
        OmetriaPipeline.Builder builder = OmetriaPipeline.builder()
                .apiKey(ometria.apiKey())
                .endpoint(ometria.baseUri())
                .timeSource(time)
                .listener(listener)
                .requestsPerSecond(4)
                // The clock only moves when a test moves it: a close() that had to wait would wait forever.
                .shutdownTimeout(Duration.ZERO);
        options.accept(builder);
        TestPipelines.Started started = TestPipelines.start(builder);
        pipelines.add(started);
        return started.pipeline();
    }

    OmetriaPipeline pipeline() {
        return pipeline(b -> { });
    }

    /** Waits (real time, for asynchrony only) until no pipeline has a request in flight or work queued. */
    void quiesce() {
        for (TestPipelines.Started started : pipelines) {
            Await.until("the pipeline is quiescent", started::quiescent);
        }
    }

    /**
     * Moves the clock from deadline to deadline, letting the pipelines settle before each step, until
     * {@code done}; fails when nobody waits for the clock and {@code done} is still false.
     */
    void driveUntil(String what, BooleanSupplier done) {
        quiesce();
        int steps = 0;
        while (!done.getAsBoolean()) {
            // Work that ends outside the pipeline (a closing thread, say) may need a moment of real time.
            Await.until(() -> "something is scheduled on the clock at " + time.now() + ", or " + what,
                    () -> done.getAsBoolean() || time.nextDeadline().isPresent());
            if (done.getAsBoolean()) {
                return;
            }
            time.advanceToNextDeadline();
            quiesce();
            if (++steps > 100_000) {
                throw new AssertionError("Gave up driving the clock: " + what);
            }
        }
    }

    static boolean allDone(List<? extends CompletionStage<Outcome>> outcomes) {
        return outcomes.stream().allMatch(o -> o.toCompletableFuture().isDone());
    }

    static Outcome outcome(CompletionStage<Outcome> stage) {
        CompletableFuture<Outcome> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            throw new AssertionError("not completed yet");
        }
        return future.join();
    }

    @Override
    public void close() {
        for (TestPipelines.Started started : pipelines) {
            started.pipeline().close();
        }
        ometria.close();
    }
}
