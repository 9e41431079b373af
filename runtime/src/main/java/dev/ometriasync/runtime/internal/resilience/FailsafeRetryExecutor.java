package dev.ometriasync.runtime.internal.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ometriasync.runtime.resilience.Backoff;
import dev.ometriasync.runtime.spi.TimeSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link RetryExecutor} on Failsafe: exponential backoff with jitter between transient failures, the
 * caller's pause (with no backoff growth and no budget spent) after rate limiting, and an abort once the
 * {@link RetryBudget} is spent. Delays run on the pipeline's {@link TimeSource}, not on Failsafe's own
 * scheduler, so a manual clock drives them.
 */
public final class FailsafeRetryExecutor implements RetryExecutor {

    private final TimeSource time;
    private final Backoff backoff;
    private final DoubleSupplier random;
    private final TimeSourceScheduler scheduler;

    /**
     * Creates the executor.
     *
     * @param time measures delays and the budget
     * @param executor runs the attempts
     * @param backoff the delays between transient failures, with the retry budget ({@link Backoff#budget()})
     */
    public FailsafeRetryExecutor(TimeSource time, Executor executor, Backoff backoff) {
        this(time, executor, backoff, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Creates the executor with a given source of jitter.
     *
     * @param time measures delays and the budget
     * @param executor runs the attempts
     * @param backoff the delays between transient failures, with the retry budget ({@link Backoff#budget()})
     * @param random uniform in [0, 1), for the jitter
     */
    FailsafeRetryExecutor(TimeSource time, Executor executor, Backoff backoff, DoubleSupplier random) {
        this.time = time;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = random;
        if (backoff.budget() == null) {
            throw new IllegalArgumentException("the backoff needs a retry budget: " + backoff);
        }
        this.scheduler = new TimeSourceScheduler(time, executor);
    }

    @Override
    public <R> CompletableFuture<R> execute(Supplier<? extends CompletionStage<R>> attempt,
            Function<? super R, RetryDecision> classifier) {
        RetryBudget budget = new RetryBudget(time, backoff.budget());
        // Transient failures so far: the n of the n-th backoff delay. A 429's pause does not count, so the backoff
        // does not grow while Ometria asks us to wait.
        AtomicInteger failures = new AtomicInteger();
        RetryPolicy<R> policy = RetryPolicy.<R>builder()
                .handleResultIf(result -> !(classifier.apply(result) instanceof RetryDecision.Done))
                .abortIf(result -> classifier.apply(result) instanceof RetryDecision.Backoff && budget.exhausted())
                .withMaxRetries(-1)
                .withDelayFn(context -> classifier.apply(context.getLastResult()) instanceof RetryDecision.After after
                        ? after.pause()
                        : backoff.delay(Math.max(1, failures.get()), random.getAsDouble()))
                .build();
        return Failsafe.with(policy).with(scheduler).getStageAsync(() -> attempt.get().thenApply(result -> {
            RetryDecision decision = classifier.apply(result);
            budget.record(decision);
            if (decision instanceof RetryDecision.Backoff) {
                failures.incrementAndGet();
            }
            return result;
        }));
    }
}
