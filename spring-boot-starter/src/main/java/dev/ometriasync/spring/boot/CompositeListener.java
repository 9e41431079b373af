package dev.ometriasync.spring.boot;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.runtime.QueueState;
import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every {@link OmetriaListener} bean, in order; one that throws does not keep the others from their call. */
final class CompositeListener implements OmetriaListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);

    private final List<OmetriaListener> listeners;

    CompositeListener(List<OmetriaListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<OmetriaListener> call) {
        for (OmetriaListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("OmetriaListener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }

    @Override
    public void sent(List<OmetriaRecord> records, String requestId) {
        each(l -> l.sent(records, requestId));
    }

    @Override
    public void rejectedAtIntake(RecordType type, int rejected, int sent, String requestId) {
        each(l -> l.rejectedAtIntake(type, rejected, sent, requestId));
    }

    @Override
    public void rejected(OmetriaRecord record, String reason) {
        each(l -> l.rejected(record, reason));
    }

    @Override
    public void invalidFieldDropped(OmetriaRecord record, String reason) {
        each(l -> l.invalidFieldDropped(record, reason));
    }

    @Override
    public void deadLettered(OmetriaRecord record, String reason) {
        each(l -> l.deadLettered(record, reason));
    }

    @Override
    public void fieldTruncated(OmetriaRecord record, String reason) {
        each(l -> l.fieldTruncated(record, reason));
    }

    @Override
    public void queueState(QueueState state) {
        each(l -> l.queueState(state));
    }

    @Override
    public void pushErrorListed(PushErrorReport report) {
        each(l -> l.pushErrorListed(report));
    }

    @Override
    public void rateLimited(Duration pause, boolean retryAfterHint) {
        each(l -> l.rateLimited(pause, retryAfterHint));
    }

    @Override
    public void authenticationFailed(int statusCode, String message) {
        each(l -> l.authenticationFailed(statusCode, message));
    }

    @Override
    public void abandoned(OmetriaRecord record, String reason) {
        each(l -> l.abandoned(record, reason));
    }
}
