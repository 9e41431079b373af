package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.ConnectionFailureInjector;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.FaultyContact;
import dev.ometriasync.hibernate.fixtures.PickyContact;
import dev.ometriasync.hibernate.fixtures.Stderr;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Direct mode, an entity that cannot be read after commit: its neighbours are sent all the same, it is read again
 * alone with backoff, and after five failures in a row its change is given up — counted
 * ({@link OmetriaSync#unreadableChanges()}, the status) and logged once at ERROR with its type and id, e-mails masked.
 * A failure that heals before that, and a database outage of any length, give nothing up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectModeUnreadableEntityTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();

    @AfterEach
    void heal() {
        FaultyContact.heal();
        ConnectionFailureInjector.reset();
    }

    @AfterAll
    void close() {
        ometria.close();
    }

    private Map<String, String> directSettings() {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        settings.put(OmetriaSettings.MODE.key(), "direct");
        return settings;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void anUnreadableEntityIsGivenUpAloneCountedAndLoggedOnceWhileItsNeighboursArrive(Database database) {
        String refused = PickyContact.UNREADABLE + " jane.doe@example.com";
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), directSettings(), "create-drop", PickyContact.class);
                Stderr stderr = Stderr.capture()) {
            // six contacts in one transaction, so that the reader loads them together
            factory.inTransaction(s -> {
                for (long id = 1; id <= 6; id++) {
                    s.persist(new PickyContact(id, id == 3 ? refused : "Name " + id));
                }
            });

            Eventually.await("the five healthy contacts", Duration.ofSeconds(60), () -> List.of(1, 2, 4, 5, 6).stream()
                    .allMatch(id -> ometria.contact("picky", "" + id) != null));
            assertThat(ometria.contact("picky", "5").get("firstname").asText()).isEqualTo("Name 5");

            OmetriaSync sync = OmetriaSync.of(factory);
            Eventually.await("the unreadable contact given up", Duration.ofSeconds(60), () -> sync.unreadableChanges() == 1);
            assertThat(ometria.contact("picky", "3")).isNull();
            assertThat(sync.status().unreadableChanges()).isEqualTo(1);
            assertThat(sync.droppedChanges()).isZero();

            // after it, the reader goes on: a later change of a neighbour arrives, and nothing else is given up
            factory.inTransaction(s -> s.persist(new PickyContact(7L, "Name 7")));
            Eventually.await("a contact committed after", Duration.ofSeconds(60), () -> ometria.contact("picky", "7") != null);
            assertThat(sync.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(sync.unreadableChanges()).isEqualTo(1);

            List<String> errors = stderr.lines("ERROR");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0))
                    .contains("gave up a committed change of " + PickyContact.class.getName() + "#3")
                    .contains("5 times in a row")
                    .contains("j***@example.com")
                    .doesNotContain("jane.doe@example.com");
            assertThat(stderr.lines("could not read or serialize " + PickyContact.class.getName() + "#3"))
                    .as("the retries are warned about").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).doesNotContain("jane.doe@example.com"));
        }
    }

    @Test
    void aFailureThatHealsBeforeTheAttemptLimitGivesNothingUp() {
        try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), directSettings(), "create-drop", FaultyContact.class);
                Stderr stderr = Stderr.capture()) {
            FaultyContact.nameFault = new NoSuchMethodError("injected into the reader's serialization");
            factory.inTransaction(s -> s.persist(new FaultyContact(1L, "a@example.com", "Ada")));
            Eventually.await("a failed read", Duration.ofSeconds(30),
                    () -> !stderr.lines("could not read or serialize " + FaultyContact.class.getName() + "#1").isEmpty());
            FaultyContact.heal();

            Eventually.await("the contact, read again", Duration.ofSeconds(60), () -> ometria.contact("faults", "1") != null);
            assertThat(ometria.contact("faults", "1").get("firstname").asText()).isEqualTo("Ada");
            assertThat(OmetriaSync.of(factory).unreadableChanges()).isZero();
            assertThat(stderr.lines("ERROR")).isEmpty();
        }
    }

    @Test
    void aDatabaseOutageIsRetriedWithBackoffAndGivesNothingUp() {
        Map<String, String> settings = directSettings();
        settings.put("hibernate.session_factory.statement_inspector", ConnectionFailureInjector.class.getName());
        try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop", Customer.class)) {
            ConnectionFailureInjector.failing(true);
            factory.inTransaction(s -> s.persist(new Customer(1L, "outage@example.com", "Out", "Age")));
            // more failed reads than the attempt limit of an entity's own failures: an outage is no entity's fault
            Eventually.await("six failed reads", Duration.ofSeconds(60), () -> ConnectionFailureInjector.failures() >= 6);
            assertThat(ometria.contact("webshop", "1")).isNull();
            ConnectionFailureInjector.failing(false);

            Eventually.await("the contact after the outage", Duration.ofSeconds(60), () -> ometria.contact("webshop", "1") != null);
            assertThat(OmetriaSync.of(factory).unreadableChanges()).isZero();
        }
    }
}
