package dev.ometriasync.hibernate.internal;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Registers the per-transaction callbacks on a session.
 *
 * <p>Hibernate's own transaction-completion SPI moved between the supported lines
 * ({@code ActionQueue.registerProcess} up to 7.1, {@code registerCallback} with
 * {@code TransactionCompletionCallbacks} from 7.2). A {@link Synchronization} registered through
 * {@code Transaction.registerSynchronization} is available, unchanged, on every line, for stateful and
 * stateless sessions, with resource-local and JTA transactions. Its {@code beforeCompletion} runs after the
 * session's final flush (Hibernate flushes first, then notifies synchronizations), so every change of the
 * transaction has been seen; it runs only when the transaction is about to commit, and an exception thrown
 * there marks the transaction for rollback. {@code afterCompletion} runs on commit and on rollback, and
 * Hibernate clears its synchronizations afterwards, so each registration serves exactly one transaction.
 */
final class TransactionCallbacks {

    /** What to do at the end of a transaction. */
    interface Completion {
        /**
         * Runs after the final flush, before commit, on the transaction's connection; may throw to fail the commit.
         *
         * @param session the session whose transaction it is
         */
        void beforeCompletion(SharedSessionContractImplementor session);

        /**
         * Runs after commit or rollback. Must not throw: an exception here would skip other synchronizations.
         *
         * @param session the session whose transaction it is
         * @param committed true when the transaction committed
         */
        void afterCompletion(SharedSessionContractImplementor session, boolean committed);
    }

    private TransactionCallbacks() {
    }

    /**
     * Registers the callbacks for the session's current transaction.
     *
     * @param session the session, with a transaction in progress; handed to the callbacks, so that they need not hold
     *     it themselves (the synchronization is reachable only from the session's transaction)
     * @param completion the callbacks
     */
    static void register(SharedSessionContractImplementor session, Completion completion) {
        session.accessTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                completion.beforeCompletion(session);
            }

            @Override
            public void afterCompletion(int status) {
                completion.afterCompletion(session, status == Status.STATUS_COMMITTED);
            }
        });
    }
}
