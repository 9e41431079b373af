package dev.ometriasync.hibernate.internal;

import java.lang.ref.WeakReference;
import org.hibernate.StatelessSession;
import org.hibernate.engine.jdbc.mutation.MutationExecutor;
import org.hibernate.engine.jdbc.mutation.spi.BatchKeyAccess;
import org.hibernate.engine.jdbc.mutation.spi.MutationExecutorService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.spi.Stoppable;
import org.hibernate.sql.model.MutationOperationGroup;

/**
 * Remembers, per thread, the {@code StatelessSession} that last wrote a row, so that a change event which Hibernate
 * fires without a session can still join that session's transaction.
 *
 * <p>Why it is needed: a {@code StatelessSession} write fires the post-insert/update/delete events without a session
 * on Hibernate 6.6 and 7.1, and its collection events carry none on any line. Without the session the change cannot
 * be tied to the transaction's completion. Every entity and collection row a session writes goes through Hibernate's
 * {@link MutationExecutorService}, with the session as an argument, on the writing thread, right before the event
 * for that write fires on the same thread. This decorator of the service notes the stateless session there; the
 * listener then asks {@link #lastStatelessWriter()}. Nothing else is changed: the executor returned is Hibernate's own.
 *
 * <p>The session is held weakly: a pooled thread never keeps a closed session alive.
 */
final class StatelessWriteTracker implements MutationExecutorService, Stoppable {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<WeakReference<SharedSessionContractImplementor>> LAST_WRITER = new ThreadLocal<>();

    private final MutationExecutorService delegate;

    StatelessWriteTracker(MutationExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public MutationExecutor createExecutor(BatchKeyAccess batchKeySupplier, MutationOperationGroup operationGroup,
            SharedSessionContractImplementor session) {
        if (session instanceof StatelessSession) {
            WeakReference<SharedSessionContractImplementor> last = LAST_WRITER.get();
            if (last == null || last.get() != session) {
                LAST_WRITER.set(new WeakReference<>(session));
            }
        }
        return delegate.createExecutor(batchKeySupplier, operationGroup, session);
    }

    /**
     * The stateless session that last wrote a row on this thread: for an event fired without a session, the session
     * whose write fired it.
     *
     * @return the session, or null when no stateless session wrote on this thread (or it was collected)
     */
    static SharedSessionContractImplementor lastStatelessWriter() {
        WeakReference<SharedSessionContractImplementor> last = LAST_WRITER.get();
        return last == null ? null : last.get();
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }
}
