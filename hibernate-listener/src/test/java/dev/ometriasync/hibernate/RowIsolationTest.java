package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.PickyContact;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One row whose entity cannot be loaded does not hold back, or kill, the rows claimed with it: the relay
 * retries entity by entity, the healthy rows are delivered, and only the failing row counts attempts (and,
 * after the attempt limit, dies alone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowIsolationTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void anUnloadableRowFailsAloneAndItsNeighboursAreDelivered(Database database) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        settings.put(OmetriaSettings.RELAY_MAX_ATTEMPTS.key(), "2");
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop", PickyContact.class)) {
            // six contacts in one transaction, so that the relay claims and multi-loads them together
            factory.inTransaction(s -> {
                for (long id = 1; id <= 6; id++) {
                    s.persist(new PickyContact(id, id == 3 ? PickyContact.UNREADABLE : "Name " + id));
                }
            });

            Eventually.await("the five healthy contacts", Duration.ofSeconds(60), () -> List.of(1, 2, 4, 5, 6).stream()
                    .allMatch(id -> ometria.contact("picky", "" + id) != null));
            assertThat(ometria.contact("picky", "5").get("firstname").asText()).isEqualTo("Name 5");
            assertThat(ometria.contact("picky", "3")).isNull();

            // the unloadable row dies after the attempt limit; nothing else does
            Eventually.await("the unloadable row to die", Duration.ofSeconds(60),
                    () -> OmetriaSync.of(factory).deadOutboxRows() == 1);
            List<Object[]> rows = factory.fromTransaction(s -> s.createNativeQuery(
                    "select entity_id, status, attempts from ometria_outbox order by id", Object[].class).getResultList());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)[0]).isEqualTo("3");
            assertThat(rows.get(0)[1]).isEqualTo("DEAD");
            assertThat(((Number) rows.get(0)[2]).intValue()).isEqualTo(2);
        }
    }
}
