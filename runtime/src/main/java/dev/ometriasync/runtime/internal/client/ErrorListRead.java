package dev.ometriasync.runtime.internal.client;

import dev.ometriasync.runtime.PushError;
import dev.ometriasync.runtime.PushResult;
import java.util.List;

/**
 * What a read of {@code GET /v2/push/_errors} came back with: the entries, or the failure classified as a push's
 * would be (so that the pipeline treats a 401/403, a 429 or a TLS failure on a read as it treats them on a push).
 *
 * @param entries the entries in Ometria's order, or null when the read failed
 * @param failure why the read failed ({@link PushResult.Unauthorized}, {@link PushResult.RateLimited},
 *     {@link PushResult.TlsFailure}, {@link PushResult.Retryable} for anything else, an unreadable body included),
 *     or null when it worked
 */
public record ErrorListRead(List<PushError> entries, PushResult failure) {

    /**
     * Checks that exactly one part is set.
     *
     * @param entries the entries, or null
     * @param failure the failure, or null
     */
    public ErrorListRead {
        if ((entries == null) == (failure == null)) {
            throw new IllegalArgumentException("an _errors read has either entries or a failure");
        }
        entries = entries == null ? null : List.copyOf(entries);
    }

    /**
     * A read that worked.
     *
     * @param entries the entries
     * @return the read
     */
    public static ErrorListRead listed(List<PushError> entries) {
        return new ErrorListRead(entries, null);
    }

    /**
     * A read that failed.
     *
     * @param failure why
     * @return the read
     */
    public static ErrorListRead failed(PushResult failure) {
        return new ErrorListRead(null, failure);
    }
}
