package dev.ometriasync.runtime.internal.resilience;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs an asynchronous attempt again and again until its result is final or the retry budget is spent. */
public interface RetryExecutor {

    /**
     * Starts an execution.
     *
     * @param <R> the result type
     * @param attempt starts one attempt; its stage must not complete exceptionally (the caller turns
     *     errors into results it can classify)
     * @param classifier decides after each attempt; must be side-effect free, it may be called more than once
     *     per result
     * @return completes with the first result classified {@link RetryDecision#DONE}, or with the last
     *     {@link RetryDecision#BACKOFF} result once the budget is spent; cancelling it stops any scheduled
     *     retry
     */
    <R> CompletableFuture<R> execute(Supplier<? extends CompletionStage<R>> attempt,
            Function<? super R, RetryDecision> classifier);
}
