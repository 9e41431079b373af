package dev.ometriasync.hibernate.internal;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Reads the relay's state where {@code OmetriaSync.status()} cannot: its figures query the lease table, so it
 * fails while a test has that table away.
 */
public final class RelayProbe {

    private RelayProbe() {
    }

    /**
     * @param factory a factory running ometria-sync in outbox mode
     * @return the relay's rounds that failed in a row
     */
    public static int failedRounds(SessionFactory factory) {
        OmetriaSyncRuntime runtime = OmetriaRuntimes.of(factory.unwrap(SessionFactoryImplementor.class));
        return runtime.sink().outbox().orElseThrow().relayFailedRounds();
    }
}
