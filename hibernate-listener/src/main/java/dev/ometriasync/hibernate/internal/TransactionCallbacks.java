package dev.ometriasync.hibernate.internal;

import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.spi.EventSource;

/**
 * Registers the per-transaction callbacks on a session. This is the one place that depends on
 * Hibernate's transaction-completion SPI, which moves between versions (7.1: {@code ActionQueue.registerProcess}
 * with {@link BeforeTransactionCompletionProcess} / {@link AfterTransactionCompletionProcess}, as Hibernate
 * Search does). Before-completion processes run after the session's final flush, so every change of the
 * transaction has been seen; they run only when the transaction is about to commit. After-completion
 * processes run on commit and on rollback.
 */
final class TransactionCallbacks {

    /** What to do at the end of a transaction. */
    interface Completion {
        /**
         * Runs after the final flush, before commit, on the transaction's connection.
         *
         * @param session the session, still usable
         */
        void beforeCompletion(SessionImplementor session);

        /**
         * Runs after commit or rollback.
         *
         * @param committed true when the transaction committed
         */
        void afterCompletion(boolean committed);
    }

    private TransactionCallbacks() {
    }

    /**
     * Registers the callbacks for the session's current transaction. Hibernate clears both queues when
     * the transaction ends, so this is called once per transaction.
     *
     * @param session the session
     * @param completion the callbacks
     */
    static void register(EventSource session, Completion completion) {
        session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) completion::beforeCompletion);
        session.getActionQueue().registerProcess(
                (AfterTransactionCompletionProcess) (success, ignored) -> completion.afterCompletion(success));
    }
}
