package dev.ometriasync.hibernate.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Where the captured changes of a SessionFactory go: the one thing that differs between the sync modes. The
 * runtime records changes per transaction and hands them to its one sink at the end of the transaction; it never
 * asks which mode it runs in. {@link OutboxSink} writes rows in the transaction and leaves the sending to the
 * relay; {@link DirectSink} keeps the changes in memory and sends the committed state.
 *
 * <p>The cut follows Hibernate Search's coordination strategies (an outbox-polling one and one without
 * coordination behind one interface): a per-transaction step that may use the transaction, a step after commit
 * that must never hold up the application, and a lifecycle of its own.
 */
interface ChangeSink {

    /** What to do once the transaction committed. */
    @FunctionalInterface
    interface AfterCommit {
        /** Does nothing: nothing to wake, nothing to note. */
        AfterCommit NOTHING = () -> {
        };

        /** Runs on the application's thread right after the commit: it must return at once and never throw. */
        void run();
    }

    /**
     * Fails the start when something this sink needs is missing (the outbox tables).
     *
     * @param runtime the runtime that holds the sink
     */
    void verifyAtStartup(OmetriaSyncRuntime runtime);

    /** Starts the sink's own threads, once the SessionFactory is built. */
    void start();

    /**
     * The transaction's changes, after its final flush and before it commits. May use the transaction's connection;
     * an exception fails the commit (the runtime's capture guard decides whether it reaches the application).
     *
     * @param session the session whose transaction is about to commit
     * @param changes the transaction's net changes, one per entity, not empty
     * @return what to do once it committed
     */
    AfterCommit beforeCommit(SharedSessionContractImplementor session, List<CapturedChange> changes);

    /**
     * A change made outside any transaction: an autocommit write, committed when its statement ran. (Also a
     * stateless write whose session could not be found because the {@link StatelessWriteTracker} is not installed;
     * the start-up log warns about that case.)
     *
     * @param change the change
     */
    void recordedOutsideTransaction(CapturedChange change);

    /**
     * Full-state changes asked for outside any transaction ({@code OmetriaSync.touch(Class, ids)}).
     *
     * @param changes the changes
     */
    void touch(List<CapturedChange> changes);

    /**
     * Waits until what the sink holds was handed to the pipeline and the pipeline drained.
     *
     * @param timeout the longest wait
     * @return true when drained in time
     */
    boolean flush(Duration timeout);

    /**
     * Stops the sink's own work within the timeout, before the runtime closes the pipeline.
     *
     * @param timeout the shutdown timeout (the whole of it: the sink takes only its share)
     */
    void stop(Duration timeout);

    /**
     * The mode, in words, for the start-up log line.
     *
     * @return e.g. "outbox mode (durable; …)"
     */
    String describe();

    /**
     * The outbox, for operators and health checks.
     *
     * @return the outbox, or empty when this sink has none
     */
    Optional<Outbox> outbox();

    /**
     * Changes this sink gave up without sending because its queue was full, since start.
     *
     * @return the count (always 0 for a sink that never drops)
     */
    long droppedChanges();

    /**
     * Changes this sink gave up because their entity's committed state could not be read or serialized, even after
     * retries, since start.
     *
     * @return the count (always 0 for a sink that keeps such changes as dead rows instead)
     */
    long unreadableChanges();

    /**
     * Changed entities held in memory and not yet handed to the pipeline.
     *
     * @return the count (always 0 for a sink that keeps its changes in a table)
     */
    long waitingChanges();

    /** What an outbox offers operators: counts, dead letters, replay, and the relay's state. */
    interface Outbox {
        /**
         * Rows by status.
         *
         * @param status {@code PENDING} or {@code DEAD}
         * @return the count
         */
        long rows(String status);

        /** @return the operator's view (figures, dead letters, purge) */
        OutboxInspector inspector();

        /**
         * Makes dead rows pending again and wakes the relay.
         *
         * @param ids the rows, or null for all dead rows
         * @return rows replayed
         */
        int replay(List<Long> ids);

        /** @return whether this instance's relay holds the lease */
        boolean holdsLease();

        /** @return rows this instance's relay delivered since start */
        long deliveredRows();

        /** @return whether this instance runs a relay */
        boolean relayEnabled();

        /** @return whether this instance's relay thread is alive */
        boolean relayRunning();

        /** @return relay rounds that failed in a row */
        int relayFailedRounds();

        /** @return the last failed round's error, or null */
        String relayLastFailure();
    }
}
