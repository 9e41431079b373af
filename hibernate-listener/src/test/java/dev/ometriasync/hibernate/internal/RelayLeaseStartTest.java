package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.Stderr;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Instances that start together all try to create the lease row; all but one meet its primary key. That is the
 * expected outcome and must not be logged as a failure (Hibernate logged {@code duplicate key ...
 * ometria_relay_lease_pkey} as a WARN and an ERROR for each loser), and exactly one instance holds the lease.
 */
@Timeout(120)
class RelayLeaseStartTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Database.class)
    void twoInstancesStartingTogetherLogNothingAndOneHoldsTheLease(Database database) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (SessionFactory factory = factoryWithoutRelay(database); Stderr stderr = Stderr.capture();
                HibernateWarnings hibernate = HibernateWarnings.capture()) {
            OutboxStore store = new OutboxStore(factory);
            for (int start = 0; start < 10; start++) {
                factory.inTransaction(s -> s.createMutationQuery("delete from " + RelayLease.ENTITY_NAME).executeUpdate());
                RelayLeaseKeeper first = new RelayLeaseKeeper(store, "first-" + start, LEASE);
                RelayLeaseKeeper second = new RelayLeaseKeeper(store, "second-" + start, LEASE);
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Boolean>> held = new ArrayList<>();
                for (RelayLeaseKeeper keeper : List.of(first, second)) {
                    held.add(CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return keeper.acquireOrRenew();
                    }, threads));
                }
                boolean firstHolds = held.get(0).get(60, TimeUnit.SECONDS);
                boolean secondHolds = held.get(1).get(60, TimeUnit.SECONDS);

                assertThat(firstHolds ^ secondHolds).as("exactly one of the two holds the lease (start %d)", start).isTrue();
                assertThat(holder(factory)).isEqualTo((firstHolds ? "first-" : "second-") + start);
            }
            assertThat(problems(stderr, hibernate)).as("WARN or ERROR lines").isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void anInstanceThatMeetsTheOtherOnesNewLeaseRowLogsNothingAndDoesNotHoldIt(Database database) throws Exception {
        // The collision for certain: the other instance has inserted the row and not committed yet, so this one finds
        // no row, inserts too and waits on the key until the other commits.
        try (SessionFactory factory = factoryWithoutRelay(database); Stderr stderr = Stderr.capture();
                HibernateWarnings hibernate = HibernateWarnings.capture()) {
            RelayLeaseKeeper late = new RelayLeaseKeeper(new OutboxStore(factory), "late", LEASE);
            CompletableFuture<Boolean> lateHolds;
            try (Session other = factory.openSession()) {
                Transaction starting = other.beginTransaction();
                other.persist(new RelayLease(RelayLease.OUTBOX_LEASE, "other", Instant.now().plus(LEASE)));
                other.flush();
                lateHolds = CompletableFuture.supplyAsync(late::acquireOrRenew);
                Eventually.await("the late instance waits on the lease row's key", () -> waitingInserts(factory, database) > 0);
                starting.commit();
            }

            assertThat(lateHolds.get(60, TimeUnit.SECONDS)).isFalse();
            assertThat(late.isHolding()).isFalse();
            assertThat(holder(factory)).isEqualTo("other");
            assertThat(problems(stderr, hibernate)).as("WARN or ERROR lines").isEmpty();
        }
    }

    private static SessionFactory factoryWithoutRelay(Database database) {
        Map<String, String> jdbc = new HashMap<>(database.createEmpty());
        if (database == Database.H2) {
            // H2 gives up waiting for a row lock after a second by default; the collision test holds one longer
            jdbc.put("hibernate.connection.url", jdbc.get("hibernate.connection.url") + ";LOCK_TIMEOUT=30000");
        }
        return TestFactories.build(jdbc, Map.of(OmetriaSettings.API_KEY.key(), "lease-test",
                OmetriaSettings.ENDPOINT.key(), "http://127.0.0.1:9", OmetriaSettings.RELAY_ENABLED.key(), "false"),
                "create-drop");
    }

    private static String holder(SessionFactory factory) {
        return factory.fromTransaction(s -> s.find(RelayLease.class, RelayLease.OUTBOX_LEASE).getHolder());
    }

    /** Sessions running an insert into the lease table, which waits while another transaction holds the key. */
    private static long waitingInserts(SessionFactory factory, Database database) {
        String sql = switch (database) {
            case H2 -> "select count(*) from information_schema.sessions"
                    + " where lower(executing_statement) like 'insert into ometria_relay_lease%'";
            case POSTGRESQL -> "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database() and lower(query) like 'insert into ometria_relay_lease%'";
        };
        return factory.fromTransaction(s -> ((Number) s.createNativeQuery(sql, Object.class).getSingleResult()).longValue());
    }

    /** Lines at WARN or above: ours through slf4j-simple on standard error, Hibernate's through java.util.logging. */
    private static List<String> problems(Stderr stderr, HibernateWarnings hibernate) {
        List<String> lines = new ArrayList<>(stderr.lines("WARN"));
        lines.addAll(stderr.lines("ERROR"));
        lines.addAll(hibernate.lines());
        return lines;
    }

    /**
     * What Hibernate logs at WARN or above while a test runs: JBoss Logging writes to java.util.logging here, whose
     * console handler keeps the standard error it found at start, so a capture of {@code System.err} misses it.
     */
    private static final class HibernateWarnings extends Handler implements AutoCloseable {
        private final List<String> lines = new ArrayList<>();
        private final Logger logger = Logger.getLogger("org.hibernate");

        static HibernateWarnings capture() {
            HibernateWarnings warnings = new HibernateWarnings();
            warnings.setLevel(Level.WARNING);
            warnings.logger.addHandler(warnings);
            return warnings;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (isLoggable(record)) {
                lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
