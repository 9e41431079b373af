package dev.ometriasync.runtime.internal.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link RetryExecutor} on Failsafe: exponential backoff with jitter between transient failures, the
 * caller's pause (with no backoff growth and no budget spent) after rate limiting, and an abort once the
 * {@link RetryBudget} is spent. Delays run on the pipeline's {@link TimeSource}, not on Failsafe's own
 * scheduler, so a manual clock drives them.
 */
public final class FailsafeRetryExecutor implements RetryExecutor {

    /** Negative: tells Failsafe to use its backoff instead of a computed delay. */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

    private final TimeSource time;
    private final RetrySettings settings;
    private final TimeSourceScheduler scheduler;

    /**
     * Creates the executor.
     *
     * @param time measures delays and the budget
     * @param executor runs the attempts
     * @param settings backoff and budget
     */
    public FailsafeRetryExecutor(TimeSource time, Executor executor, RetrySettings settings) {
        this.time = time;
        this.settings = settings;
        this.scheduler = new TimeSourceScheduler(time, executor);
    }

    @Override
    public <R> CompletableFuture<R> execute(Supplier<? extends CompletionStage<R>> attempt,
            Function<? super R, RetryDecision> classifier) {
        RetryBudget budget = new RetryBudget(time, settings.maxDuration());
        RetryPolicy<R> policy = RetryPolicy.<R>builder()
                .handleResultIf(result -> !(classifier.apply(result) instanceof RetryDecision.Done))
                .abortIf(result -> classifier.apply(result) instanceof RetryDecision.Backoff && budget.exhausted())
                .withMaxRetries(-1)
                .withBackoff(settings.initialDelay(), settings.maxDelay())
                .withJitter(settings.jitterFactor())
                .withDelayFn(context -> classifier.apply(context.getLastResult()) instanceof RetryDecision.After after
                        ? after.pause()
                        : USE_BACKOFF)
                .build();
        return Failsafe.with(policy).with(scheduler).getStageAsync(() -> attempt.get().thenApply(result -> {
            budget.record(classifier.apply(result));
            return result;
        }));
    }
}
