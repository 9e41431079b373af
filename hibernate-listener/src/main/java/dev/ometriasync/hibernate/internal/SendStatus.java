package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.runtime.QueueState;
import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the pipeline reported, for health and metrics: whether Ometria refused the API key (401/403) and how many
 * records it accepted, rejected or dead-lettered, and how many validation errors the {@code _errors} poller reported. Forwards every callback to the application's listener, if any.
 */
public final class SendStatus implements OmetriaListener {

    /**
     * A refused API key.
     *
     * @param statusCode 401 or 403, or -1 when the TLS handshake failed on the certificate
     * @param message what happened (never holds the key)
     * @param at when
     */
    public record AuthFailure(int statusCode, String message, Instant at) {
    }

    private static final OmetriaListener NONE = new OmetriaListener() {
    };

    private final OmetriaListener delegate;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong pushErrors = new AtomicLong();
    private volatile AuthFailure authFailure;

    SendStatus(OmetriaListener delegate) {
        this.delegate = delegate == null ? NONE : delegate;
    }

    /** @return the 401/403 the pipeline stopped on, or null */
    public AuthFailure authFailure() {
        return authFailure;
    }

    /** @return records Ometria acknowledged, since start */
    public long sentRecords() {
        return sent.get();
    }

    /** @return records refused locally or by Ometria, since start */
    public long rejectedRecords() {
        return rejected.get();
    }

    /** @return records given up after the retry budget, since start */
    public long deadLetteredRecords() {
        return deadLettered.get();
    }

    /** @return validation errors Ometria listed at GET /v2/push/_errors since start (0 while the poller is off) */
    public long pushErrorsListed() {
        return pushErrors.get();
    }

    @Override
    public void pushErrorListed(PushErrorReport report) {
        pushErrors.incrementAndGet();
        delegate.pushErrorListed(report);
    }

    @Override
    public void sent(List<OmetriaRecord> records, String requestId) {
        sent.addAndGet(records.size());
        delegate.sent(records, requestId);
    }

    @Override
    public void rejectedAtIntake(RecordType type, int rejectedCount, int sentCount, String requestId) {
        delegate.rejectedAtIntake(type, rejectedCount, sentCount, requestId);
    }

    @Override
    public void rejected(OmetriaRecord record, String reason) {
        rejected.incrementAndGet();
        delegate.rejected(record, reason);
    }

    @Override
    public void invalidFieldDropped(OmetriaRecord record, String reason) {
        delegate.invalidFieldDropped(record, reason);
    }

    @Override
    public void fieldTruncated(OmetriaRecord record, String reason) {
        delegate.fieldTruncated(record, reason);
    }

    @Override
    public void queueState(QueueState state) {
        delegate.queueState(state);
    }

    @Override
    public void deadLettered(OmetriaRecord record, String reason) {
        deadLettered.incrementAndGet();
        delegate.deadLettered(record, reason);
    }

    @Override
    public void rateLimited(Duration pause, boolean retryAfterHint) {
        delegate.rateLimited(pause, retryAfterHint);
    }

    @Override
    public void authenticationFailed(int statusCode, String message) {
        authFailure = new AuthFailure(statusCode, message, Instant.now());
        delegate.authenticationFailed(statusCode, message);
    }

    @Override
    public void abandoned(OmetriaRecord record, String reason) {
        delegate.abandoned(record, reason);
    }
}
