package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.PushResult;
import java.time.Duration;

/**
 * One attempt's result with what the pipeline decided from it.
 *
 * @param result the classified HTTP result
 * @param accountPause for a 429, how long the account was paused; otherwise zero
 */
record AttemptResult(PushResult result, Duration accountPause) {

    static AttemptResult of(PushResult result) {
        return new AttemptResult(result, Duration.ZERO);
    }
}
