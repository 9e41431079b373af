package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rolling deploy: instance A is shut down while its request carrying v1 is still unanswered; instance B takes
 * over and the entity changes to v2; A's v1 then lands late. Ometria must end holding v2, as the database does:
 * B never sends an entity whose row A may still have in flight, and once A's claim lapsed the current state is
 * re-sent from the database.
 */
class RollingDeployTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void aLateRequestOfTheStoppedInstanceNeverLeavesOmetriaBehindTheDatabase(Database database) {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(20).start()) {
            Map<String, String> jdbc = database.createEmpty();
            SessionFactory instanceA = TestFactories.build(jdbc, settings(ometria, "instance-A"), "create");
            Eventually.await("A holds the lease", () -> OmetriaSync.of(instanceA).isActiveRelay());
            try (SessionFactory instanceB = TestFactories.build(jdbc, settings(ometria, "instance-B"), "none")) {
                assertThat(OmetriaSync.of(instanceB).isActiveRelay()).isFalse();
                ometria.failRequestsWithRecord(r -> "v1".equals(r.path("firstname").asText()), Fault.hold());
                instanceA.inTransaction(s -> s.persist(new Customer(1L, "ada@example.com", "v1", "Lovelace")));
                assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(30))).as("A's request for v1 is held").isTrue();
                assertThat(OmetriaSync.of(instanceA).isActiveRelay()).as("A sent v1, as the lease holder").isTrue();

                instanceA.close(); // the deploy stops A while v1 is unanswered

                instanceB.inTransaction(s -> s.find(Customer.class, 1L).setFirstName("v2"));
                Eventually.await("B holds the lease", () -> OmetriaSync.of(instanceB).isActiveRelay());
                ometria.clearFaults(); // v1 lands late (and nothing is held any more)
                Eventually.await("Ometria holds v1 from the late request", () -> ometria.contact("webshop", "1") != null);

                Eventually.await("Ometria ends equal to the database", Duration.ofSeconds(90), () ->
                        "v2".equals(ometria.contact("webshop", "1").path("firstname").asText())
                                && OmetriaSync.of(instanceB).pendingOutboxRows() == 0);
                String stored = instanceB.fromTransaction(s -> s.find(Customer.class, 1L).getFirstName());
                assertThat(stored).isEqualTo("v2");
                assertThat(ometria.contact("webshop", "1").get("lastname").asText()).isEqualTo("Lovelace");
            } finally {
                ometria.clearFaults();
            }
        }
    }

    private static Map<String, String> settings(OmetriaSimulator ometria, String instance) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.RELAY_INSTANCE_ID.key(), instance);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "10");
        settings.put(OmetriaSettings.RELAY_LEASE_DURATION.key(), "10s");
        settings.put(OmetriaSettings.REQUEST_TIMEOUT.key(), "1s");
        settings.put(OmetriaSettings.SHUTDOWN_TIMEOUT.key(), "2s");
        return settings;
    }
}
