package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SentRecords;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An account limited to 1 request per second and a burst of 500 committed updates to 5 entities: the
 * changes coalesce into at most 5 records per entity, and Ometria ends up holding exactly what the
 * database holds (the merged record equals the full record serialized from the database row).
 */
class CoalescingUnderRateLimitTest {

    private static final int ENTITIES = 5;
    private static final int UPDATES = 500;

    private static void holdLease(SessionFactory factory, String holder, Instant until) {
        factory.inTransaction(s -> s.createNativeMutationQuery("update ometria_relay_lease set holder = :holder, expires_at = :until")
                .setParameter("holder", holder).setParameter("until", until).executeUpdate());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void burstOfUpdatesCoalescesAndConverges(Database database) {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "1");
            try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop")) {
                long firstId = 500_000;
                factory.inTransaction(s -> {
                    for (long id = firstId; id < firstId + ENTITIES; id++) {
                        s.persist(new Customer(id, "burst" + id + "@example.com", "First", "Last"));
                    }
                });
                OmetriaSync sync = OmetriaSync.of(factory);
                Eventually.await("the inserts delivered", () -> sync.pendingOutboxRows() == 0);
                int requestsBeforeBurst = ometria.pushRequestCount();

                // 500 commits take longer than 2 s on a loaded 2-core build machine (measured: 10-18 s), and Ometria
                // must see them as one burst: while they commit, the relay lease is held by a maintenance job, so
                // that no instance sends; then the lease is released and the relay finds all 500 rows at once.
                holdLease(factory, "maintenance", Instant.parse("2999-01-01T00:00:00Z"));
                long start = System.nanoTime();
                for (int i = 0; i < UPDATES; i++) {
                    long id = firstId + i % ENTITIES;
                    int n = i;
                    factory.inTransaction(s -> {
                        Customer customer = s.find(Customer.class, id);
                        customer.setFirstName("First-" + n);
                        if (n % 3 == 0) {
                            customer.setLastName(n % 2 == 0 ? null : "Last-" + n);
                        }
                        if (n % 7 == 0) {
                            customer.setEmail("burst" + id + "-" + n + "@example.com");
                        }
                    });
                }
                System.out.println("burst of " + UPDATES + " updates took " + (System.nanoTime() - start) / 1_000_000 + " ms");
                assertThat(sync.pendingOutboxRows()).as("one row per committed update").isGreaterThanOrEqualTo(UPDATES - 5);
                holdLease(factory, "maintenance", Instant.EPOCH);

                Eventually.await("the outbox drained", Duration.ofSeconds(60), () -> sync.pendingOutboxRows() == 0);
                List<RecordedRequest> burst = ometria.pushRequests().subList(requestsBeforeBurst, ometria.pushRequestCount());
                for (RecordedRequest request : burst) {
                    assertThat(request.ids()).as("coalesced: one record per key in a request").doesNotHaveDuplicates();
                }
                for (long id = firstId; id < firstId + ENTITIES; id++) {
                    assertThat(SentRecords.of(burst, "contact", "" + id)).as("records sent for customer " + id).hasSizeBetween(1, 5);
                    long customerId = id;
                    String fromDatabase = factory.fromTransaction(s -> OmetriaRecords.toJson(s.find(Customer.class, customerId)));
                    assertThat(ometria.contact("webshop", "" + id)).as("Ometria's merged record of " + id)
                            .isEqualTo(SentRecords.parse(fromDatabase));
                }
                // (a 429 is possible when network jitter bunches two requests; the pipeline retries it, and the
                // convergence above shows nothing was lost. The pipeline's pacing has its own tests in runtime.)
                assertThat(sync.deadOutboxRows()).isZero();
            }
        }
    }
}
