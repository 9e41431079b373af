package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From Hibernate 7.2 on, a {@code StatelessSession} write joins its transaction: a batch transaction longer than
 * {@code ometria.stateless.capture-delay} no longer loses its update, and a rolled-back one sends nothing. (On 6.6
 * and 7.1 Hibernate gives listeners no session and the documented capture delay applies; these tests do not run
 * there.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessCaptureTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();
    private SessionFactory factory;

    @BeforeAll
    void start() {
        assumeTrue(HibernateLine.running().statelessEventsCarrySession(),
                "stateless writes join their transaction from Hibernate ORM 7.2 on; this is " + HibernateLine.running());
        Map<String, String> settings = TestFactories.ometriaSettings(ometria); // capture delay 500 ms
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop");
    }

    @AfterAll
    void close() {
        if (factory != null) {
            factory.close();
        }
        ometria.close();
    }

    @Test
    void aStatelessTransactionLongerThanTheCaptureDelayKeepsItsUpdate() throws Exception {
        factory.inTransaction(s -> s.persist(new Customer(1L, "batch@example.com", "Before", "Batch")));
        Eventually.await("the first state", () -> ometria.contact("webshop", "1") != null);

        try (StatelessSession session = factory.openStatelessSession()) {
            session.beginTransaction();
            Customer customer = session.get(Customer.class, 1L);
            customer.setFirstName("After");
            session.update(customer);
            Thread.sleep(1_500); // a batch job's transaction: three times the test's capture delay
            session.getTransaction().commit();
        }

        Eventually.await("the update", () -> "After".equals(ometria.contact("webshop", "1").path("firstname").asText())
                && OmetriaSync.of(factory).pendingOutboxRows() == 0);
    }

    @Test
    void aRolledBackStatelessTransactionWritesNoOutboxRow() {
        try (StatelessSession session = factory.openStatelessSession()) {
            session.beginTransaction();
            session.insert(new Customer(2L, "gone@example.com", "Never", "Committed"));
            session.getTransaction().rollback();
        }

        long rows = factory.fromTransaction(s -> s.createNativeQuery(
                "select count(*) from ometria_outbox where entity_id = '2'", Long.class).getSingleResult());
        assertThat(rows).isZero();
    }
}
