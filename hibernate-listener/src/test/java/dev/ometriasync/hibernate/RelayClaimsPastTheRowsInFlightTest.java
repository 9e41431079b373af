package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.ClaimCounter;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.HeldRequestsBurst;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A claim reads the outbox in id order and skips every row it cannot take. With many rows in flight (a backlog at the
 * account's rate) a claim that starts at the beginning of the table scans past all of them, and on PostgreSQL that
 * scan was most of the relay's database work. While at least a batch of rows is in flight the relay now claims past
 * the last row it claimed, and looks at the whole table once a poll interval (rows below that point can become
 * claimable: released, due for a retry, committed late with an earlier id). Every row is still sent.
 */
class RelayClaimsPastTheRowsInFlightTest {

    private static final int COMMITS = 200;
    private static final long POLL_MILLIS = 200;
    private static final int BATCH = 10;

    @ParameterizedTest
    @EnumSource(Database.class)
    void withABatchInFlightClaimsStartPastTheLastRowClaimedAndEveryRowIsStillSent(Database database) throws InterruptedException {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000).start()) {
            Map<String, String> settings = HeldRequestsBurst.settings(ometria, POLL_MILLIS, 3_000, BATCH, ClaimCounter.class);
            try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop")) {
                OmetriaSync sync = OmetriaSync.of(factory);
                Eventually.await("the relay holds the lease", sync::isActiveRelay);
                // Ometria holds every request unanswered: the rows claimed stay in flight for the whole burst
                ometria.failNext(COMMITS, Fault.hold());
                ClaimCounter.reset();

                long start = System.nanoTime();
                HeldRequestsBurst.commitContacts(factory, 720_000, COMMITS, "past"); // each commit wakes the relay, which claims its row
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                int pastTheCursor = ClaimCounter.claimsPastARow();
                int wholeTable = ClaimCounter.claims() - pastTheCursor;

                assertThat(pastTheCursor).as("claims past the last row claimed (%d read the whole table) in %d ms", wholeTable,
                        elapsedMillis).isGreaterThan(wholeTable);
                // one a poll interval, plus those before a batch was in flight: each commit wakes the relay, which
                // claims its row and claims again until a claim comes back empty (two claims a commit; the relay as it
                // was read the whole table every time, about 2 * COMMITS)
                assertThat(wholeTable).as("claims of the whole table in %d ms", elapsedMillis)
                        .isBetween(1, (int) (elapsedMillis / POLL_MILLIS) + 2 * BATCH + 3);

                ometria.clearFaults();
                ometria.releaseHeldRequests();
                Eventually.await("every contact in Ometria", () -> {
                    for (int i = 0; i < COMMITS; i++) {
                        if (ometria.contact("webshop", "" + (720_000 + i)) == null) {
                            return false;
                        }
                    }
                    return true;
                });
                // rows are deleted as the relay applies the outcomes, shortly after Ometria accepted their records
                Eventually.await("the outbox drained", () -> sync.pendingOutboxRows() == 0);
                assertThat(sync.deadOutboxRows()).isZero();
            }
        }
    }
}
