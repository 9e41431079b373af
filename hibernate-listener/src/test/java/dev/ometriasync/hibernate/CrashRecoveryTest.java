package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.hibernate.process.ChildJvm;
import dev.ometriasync.hibernate.process.CommitThenHalt;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.Map;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A process commits changes while Ometria is unreachable and dies right after ({@code Runtime.halt}); a new
 * process on the same database starts. Outbox mode delivers every committed change; direct mode loses them,
 * which is what the documentation says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {

    private static final int N = 20;

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(50).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @Test
    void outboxModeDeliversEveryChangeCommittedBeforeTheCrash() throws Exception {
        Map<String, String> jdbc = preparedDatabase();
        crashAfterCommitting(jdbc, "outbox", 10_000);

        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        try (SessionFactory restarted = TestFactories.build(jdbc, settings, "none")) {
            Eventually.await("all " + N + " customers at Ometria", () ->
                    LongStream.range(10_000, 10_000 + N).allMatch(id -> ometria.contact("webshop", "" + id) != null));
            for (long id = 10_000; id < 10_000 + N; id++) {
                assertThat(ometria.contact("webshop", "" + id).get("email").asText()).isEqualTo("crash" + id + "@example.com");
            }
            OmetriaSync sync = OmetriaSync.of(restarted);
            Eventually.await("an empty outbox", () -> sync.pendingOutboxRows() == 0);
            assertThat(sync.deadOutboxRows()).isZero();
        }
    }

    @Test
    void directModeLosesWhatWasNotSentBeforeTheCrash() throws Exception {
        Map<String, String> jdbc = preparedDatabase();
        crashAfterCommitting(jdbc, "direct", 20_000);

        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");
        try (SessionFactory restarted = TestFactories.build(jdbc, settings, "none")) {
            restarted.inTransaction(s -> s.persist(new Customer(29_999L, "marker@example.com", "After", "Restart")));
            Eventually.await("the marker sent by the restarted process", () -> ometria.contact("webshop", "29999") != null);

            long delivered = LongStream.range(20_000, 20_000 + N).filter(id -> ometria.contact("webshop", "" + id) != null).count();
            assertThat(delivered).as("changes committed in direct mode while Ometria was unreachable, then the process died").isZero();
            Long committed = restarted.fromTransaction(s -> s.createSelectionQuery(
                    "select count(c) from Customer c where c.id < 29999", Long.class).getSingleResult());
            assertThat(committed).as("they are committed in the database").isEqualTo((long) N);
        }
    }

    /** A PostgreSQL database with the application and outbox tables, shared by the crashing and the restarted process. */
    private Map<String, String> preparedDatabase() {
        Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
        TestFactories.build(jdbc, Map.of(OmetriaSettings.API_KEY.key(), "schema-only", OmetriaSettings.RELAY_ENABLED.key(), "false",
                OmetriaSettings.ENDPOINT.key(), ometria.baseUri().toString()), "create").close();
        return jdbc;
    }

    private void crashAfterCommitting(Map<String, String> jdbc, String mode, long firstId) throws Exception {
        int requestsBefore = ometria.pushRequestCount();
        try (ChildJvm child = ChildJvm.start(CommitThenHalt.class, Map.of(
                "jdbc.url", jdbc.get("hibernate.connection.url"),
                "jdbc.user", jdbc.get("hibernate.connection.username"),
                "jdbc.password", jdbc.get("hibernate.connection.password"),
                "ometria.endpoint", "http://127.0.0.1:1",
                "ometria.mode", mode,
                "first.id", "" + firstId,
                "count", "" + N))) {
            child.waitForExit(120);
            assertThat(child.printed("COMMITTED " + N)).as(child.output()).isTrue();
        }
        assertThat(ometria.pushRequestCount()).as("Ometria was unreachable for the crashed process").isEqualTo(requestsBefore);
    }
}
