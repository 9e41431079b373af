package dev.ometriasync.runtime.internal.resilience;

import java.time.Duration;
import java.util.Objects;

/** What to do after one attempt, as decided by the caller's classifier. */
public sealed interface RetryDecision {

    /** The result is final (success, or a failure that retrying cannot fix). */
    RetryDecision DONE = new Done();
    /** A transient failure: retry with exponential backoff and jitter, spending the retry budget. */
    RetryDecision BACKOFF = new Backoff();

    /**
     * Retry after a pause that someone else decided (a 429's account pause); the pause does not spend the
     * retry budget.
     *
     * @param pause how long to wait before the next attempt
     * @return the decision
     */
    static RetryDecision after(Duration pause) {
        return new After(pause);
    }

    /** See {@link #DONE}. */
    record Done() implements RetryDecision {
    }

    /** See {@link #BACKOFF}. */
    record Backoff() implements RetryDecision {
    }

    /**
     * See {@link #after(Duration)}.
     *
     * @param pause the pause before the next attempt
     */
    record After(Duration pause) implements RetryDecision {
        /**
         * Checks the pause.
         *
         * @param pause the pause, not negative
         */
        public After {
            Objects.requireNonNull(pause, "pause");
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative: " + pause);
            }
        }
    }
}
