package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.FaultyContact;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.hibernate.internal.RelayProbe;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox relay survives unexpected errors of its own work — an {@link Error} thrown while it serializes a
 * record, its lease table gone for a while — logs them, backs off, and delivers once the cause is gone. (The
 * first version's relay thread died on the first {@code Error} and was never restarted.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayRecoveryTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();
    private final SessionFactory factory = build();

    private SessionFactory build() {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        return TestFactories.build(Database.H2.createEmpty(), settings, "create-drop", FaultyContact.class);
    }

    @AfterEach
    void heal() {
        FaultyContact.heal();
    }

    @AfterAll
    void close() {
        factory.close();
        ometria.close();
    }

    @Test
    void anErrorWhileSerializingDoesNotKillTheRelay() {
        FaultyContact.nameFault = new NoSuchMethodError("injected into the relay's serialization");
        factory.inTransaction(s -> s.persist(new FaultyContact(1L, "a@example.com", "Ada")));

        // the relay claims the row and fails on it at least once: the row is rescheduled, not lost, not dead
        Eventually.await("a failed relay attempt", () -> attempts(1L) >= 1);
        assertThat(ometria.contact("faults", "1")).isNull();
        FaultyContact.heal();

        Eventually.await("delivery after the fault", Duration.ofSeconds(60), () -> ometria.contact("faults", "1") != null);
        assertThat(ometria.contact("faults", "1").get("firstname").asText()).isEqualTo("Ada");
        Eventually.await("an empty outbox", () -> OmetriaSync.of(factory).pendingOutboxRows() == 0);
        assertThat(OmetriaSync.of(factory).deadOutboxRows()).isZero();
    }

    @Test
    void theRelayKeepsRunningWhileItsLeaseTableIsGone() {
        Eventually.await("the relay holds its lease", () -> OmetriaSync.of(factory).isActiveRelay());
        factory.inTransaction(s -> s.createNativeMutationQuery("alter table ometria_relay_lease rename to ometria_relay_lease_away")
                .executeUpdate());
        try {
            // A round that renewed the lease just before the rename may still claim and send for the rest of its valid
            // lease (that is allowed): the row is written only once the relay knows it cannot renew.
            Eventually.await("the relay notices", () -> !OmetriaSync.of(factory).isActiveRelay());
            factory.inTransaction(s -> s.persist(new FaultyContact(2L, "b@example.com", "Grace")));
            int failedBefore = RelayProbe.failedRounds(factory);
            // two more failed rounds: at least one began after the row was committed, and could not send it
            Eventually.await("two more failed relay rounds", Duration.ofSeconds(60),
                    () -> RelayProbe.failedRounds(factory) >= failedBefore + 2);
            assertThat(OmetriaSync.of(factory).isActiveRelay()).isFalse();
            assertThat(ometria.contact("faults", "2")).isNull();
            assertThat(OmetriaSync.of(factory).pendingOutboxRows()).as("row 2 waits in the outbox").isEqualTo(1);
        } finally {
            factory.inTransaction(s -> s.createNativeMutationQuery("alter table ometria_relay_lease_away rename to ometria_relay_lease")
                    .executeUpdate());
        }
        Eventually.await("delivery after the table is back", Duration.ofSeconds(60), () -> ometria.contact("faults", "2") != null);
        assertThat(ometria.contact("faults", "2").get("firstname").asText()).isEqualTo("Grace");
    }

    private int attempts(long id) {
        return factory.fromTransaction(s -> {
            Object value = s.createNativeQuery("select max(attempts) from ometria_outbox where entity_id = :id", Object.class)
                    .setParameter("id", "" + id)
                    .getSingleResult();
            return value == null ? 0 : ((Number) value).intValue();
        });
    }
}
