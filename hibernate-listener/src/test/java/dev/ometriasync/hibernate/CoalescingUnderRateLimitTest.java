package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SentRecords;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An account limited to 1 request per second and a burst of 500 committed updates to 5 entities: the
 * changes coalesce into a handful of records per entity, and Ometria ends up holding exactly what the
 * database holds.
 */
class CoalescingUnderRateLimitTest {

    private static final int ENTITIES = 5;
    private static final int UPDATES = 500;

    @ParameterizedTest
    @EnumSource(Database.class)
    void burstOfUpdatesCoalescesAndConverges(Database database) {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND, "1");
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

                // The burst must look instantaneous to Ometria even on a loaded build machine, where 500 commits
                // take longer than 2 s: the first request of the burst is held in flight until the burst is over,
                // so everything after it has to coalesce behind it (no sleeping, no timing assumption).
                ometria.failNext(Fault.hold());
                long start = System.nanoTime();
                for (int i = 0; i < UPDATES; i++) {
                    if (i == 1) {
                        assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(30))).as("first burst request in flight").isTrue();
                    }
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
                ometria.releaseHeldRequests();
                Eventually.await("the outbox drained", Duration.ofSeconds(60), () -> sync.pendingOutboxRows() == 0);
                List<RecordedRequest> burst = ometria.pushRequests().subList(requestsBeforeBurst, ometria.pushRequestCount());
                for (long id = firstId; id < firstId + ENTITIES; id++) {
                    assertThat(SentRecords.of(burst, "contact", "" + id)).as("records sent for customer " + id).hasSizeBetween(1, 5);
                    long customerId = id;
                    String fromDatabase = factory.fromTransaction(s -> OmetriaRecords.toJson(s.find(Customer.class, customerId)));
                    assertThat(ometria.contact("webshop", "" + id)).as("Ometria's merged record of " + id)
                            .isEqualTo(SentRecords.parse(fromDatabase));
                }
                // (429s may occur here: the simulator counts the held request when it is released, right before the
                // next one; they are retried, and the convergence above shows nothing was lost to them)
                assertThat(sync.deadOutboxRows()).isZero();
            }
        }
    }
}
