package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A key accepted after an unanswered attempt is "in doubt": the unanswered copy may still be processed later. Here
 * it is: the first request carrying v1 gets no answer within the request timeout, the retry is accepted, v2 is
 * committed and delivered, and then the first request lands late — Ometria holds v1 again. Once the in-doubt window
 * has passed, the relay reloads the entity and re-sends its current database state, and Ometria ends equal to the
 * database. H2, the outbox relay, the simulator over real HTTP, real time.
 */
class InDoubtRepairTest {

    @Test
    void aLateCopyOfAnInDoubtKeyIsRepairedFromTheDatabaseOnceTheWindowPassed() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(20).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "10");
            settings.put(OmetriaSettings.REQUEST_TIMEOUT.key(), "1s");
            // the in-doubt window is the request timeout plus the lease's safety margin (a tenth: 2 s)
            settings.put(OmetriaSettings.RELAY_LEASE_DURATION.key(), "20s");
            try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create")) {
                ometria.failNext(Fault.hold()); // the first push gets no answer in time
                factory.inTransaction(s -> s.persist(new Customer(1L, "ada@example.com", "v1", "Lovelace")));
                assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(30))).as("the first request is held").isTrue();

                // The attempt times out; its retry is answered: accepted, but in doubt.
                Eventually.await("v1 accepted by the retry", () -> ometria.contact("webshop", "1") != null);
                Eventually.await("the row turned into a later re-send", () -> "TOUCH".equals(row(factory)[0]));
                Object[] inDoubt = row(factory);
                assertThat(String.valueOf(inDoubt[1])).startsWith("in doubt");

                factory.inTransaction(s -> s.find(Customer.class, 1L).setFirstName("v2"));
                // Ometria holds v2 as soon as it processed the request; the relay deletes v2's row when the answer is
                // back, a moment later: wait for both, so that only the in-doubt row is left
                Eventually.await("v2 delivered and its row deleted", () -> "v2".equals(firstName(ometria))
                        && OmetriaSync.of(factory).pendingOutboxRows() == 1);

                ometria.releaseHeldRequests(); // the unanswered first request is processed now, late
                Eventually.await("Ometria holds v1 again, from the late request", () -> "v1".equals(firstName(ometria)));
                assertThat(OmetriaSync.of(factory).pendingOutboxRows()).as("the in-doubt row waits for its window").isEqualTo(1);

                Eventually.await("Ometria ends equal to the database", Duration.ofSeconds(60),
                        () -> "v2".equals(firstName(ometria)) && OmetriaSync.of(factory).pendingOutboxRows() == 0);
                String stored = factory.fromTransaction(s -> s.find(Customer.class, 1L).getFirstName());
                assertThat(stored).isEqualTo("v2");
                // The repair is the entity's full current state, reloaded, not a replay of the row.
                assertThat(ometria.contact("webshop", "1").get("lastname").asText()).isEqualTo("Lovelace");
                assertThat(ometria.contact("webshop", "1").get("email").asText()).isEqualTo("ada@example.com");
                List<String> firstNames = ometria.pushRequests().stream().filter(r -> r.status() == 200)
                        .map(r -> r.body().contains("\"v2\"") ? "v2" : "v1").toList();
                // v1 twice (the late first attempt and its retry), v2 twice (the change and the repair): the log is in
                // order of receipt, so the late request sits first there; the store's states above show the order processed
                assertThat(firstNames).as("accepted pushes").containsExactlyInAnyOrder("v1", "v1", "v2", "v2");
            } finally {
                ometria.clearFaults();
            }
        }
    }

    private static String firstName(OmetriaSimulator ometria) {
        return ometria.contact("webshop", "1") == null ? null : ometria.contact("webshop", "1").path("firstname").asText();
    }

    private static Object[] row(SessionFactory factory) {
        List<Object[]> rows = factory.fromTransaction(s -> s.createNativeQuery(
                "select operation, last_error from ometria_outbox order by id", Object[].class).getResultList());
        return rows.isEmpty() ? new Object[] {null, null} : rows.get(0);
    }
}
