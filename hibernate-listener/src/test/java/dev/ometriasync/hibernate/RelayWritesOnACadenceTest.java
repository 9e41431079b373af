package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.HeldRequestsBurst;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every commit that writes outbox rows wakes the relay. Its own bookkeeping — renewing the lease, extending the
 * claims of the rows in flight (up to a thousand) — must not follow those wake-ups: it once did, and on PostgreSQL
 * the relay wrote about a hundred WAL records per business commit under a burst. It now renews the lease once a poll
 * interval and extends the claims once a third of the lease, however often commits wake it.
 */
class RelayWritesOnACadenceTest {

    private static final int COMMITS = 200;
    private static final long POLL_MILLIS = 200;
    private static final long LEASE_MILLIS = 3_000;

    /** Counts the relay's lease renewals and claim extensions. */
    public static final class RelayWrites implements StatementInspector {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger LEASE_UPDATES = new AtomicInteger();
        static final AtomicInteger CLAIM_EXTENSIONS = new AtomicInteger();

        @Override
        public String inspect(String sql) {
            String lower = sql.toLowerCase(Locale.ROOT);
            if (lower.startsWith("update ometria_relay_lease")) {
                LEASE_UPDATES.incrementAndGet();
            } else if (lower.startsWith("update ometria_outbox") && lower.matches("(?s).* set claimed_until\\s*=.*")) {
                // the claim itself sets claimed_by first; only an extension sets claimed_until alone
                CLAIM_EXTENSIONS.incrementAndGet();
            }
            return sql;
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aBurstOfCommitsDoesNotMultiplyTheRelaysOwnWrites(Database database) throws InterruptedException {
        // Ometria holds every request unanswered: the relay has rows in flight for the whole burst, so that extensions
        // have rows to extend
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1).start()) {
            Map<String, String> settings = HeldRequestsBurst.settings(ometria, POLL_MILLIS, LEASE_MILLIS, 10, RelayWrites.class);
            try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop")) {
                OmetriaSync sync = OmetriaSync.of(factory);
                Eventually.await("the relay holds the lease", sync::isActiveRelay);
                ometria.failNext(COMMITS, Fault.hold());
                RelayWrites.LEASE_UPDATES.set(0);
                RelayWrites.CLAIM_EXTENSIONS.set(0);

                long start = System.nanoTime();
                HeldRequestsBurst.commitContacts(factory, 700_000, COMMITS, "cadence");
                // two claim-extension periods and a few rounds: an extension with rows in flight falls inside, however
                // late after the relay's start the counting began
                long minimumMillis = 2 * (LEASE_MILLIS / 3) + 3 * POLL_MILLIS;
                long soFar = (System.nanoTime() - start) / 1_000_000;
                if (soFar < minimumMillis) {
                    Thread.sleep(minimumMillis - soFar);
                }
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                int leaseUpdates = RelayWrites.LEASE_UPDATES.get();
                int claimExtensions = RelayWrites.CLAIM_EXTENSIONS.get();

                assertThat(sync.pendingOutboxRows()).as("rows still waiting: the relay had rows in flight")
                        .isGreaterThan(COMMITS / 2);
                assertThat(claimExtensions).as("claim extensions with rows in flight in %d ms", elapsedMillis)
                        .isBetween(1, (int) (elapsedMillis / (LEASE_MILLIS / 3)) + 2);
                assertThat(leaseUpdates).as("lease renewals in %d ms, %d commits", elapsedMillis, COMMITS)
                        .isBetween(1, (int) (elapsedMillis / POLL_MILLIS) + 2);
                ometria.clearFaults();
                ometria.releaseHeldRequests();
            }
        }
    }
}
