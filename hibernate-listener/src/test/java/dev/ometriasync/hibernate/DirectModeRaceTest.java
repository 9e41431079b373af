package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Direct mode under racing transactions (issue 11, "direct mode reorders"): two threads commit different values to
 * one row at the same moment, round after round. Whatever order their after-commit callbacks run in, Ometria must
 * end each round holding what the database holds. Before direct mode read committed state, records were serialized
 * before commit and submitted in callback order, and the older value won in about one round in five.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectModeRaceTest {

    private static final int ROUNDS = 150;

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void ometriaEndsEveryRoundWithTheValueTheDatabaseEndedWith(Database database) throws Exception {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "200");
        long id = 700_000 + database.ordinal();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop")) {
            factory.inTransaction(s -> s.persist(new Customer(id, "race@example.com", "start", "Racer")));
            OmetriaSync sync = OmetriaSync.of(factory);
            Eventually.await("the insert", () -> ometria.contact("webshop", "" + id) != null);

            List<String> lost = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(2);
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<?>> writers = new ArrayList<>();
                for (String writer : List.of("a", "b")) {
                    String value = "r" + round + writer;
                    writers.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        factory.inTransaction(s -> s.find(Customer.class, id).setFirstName(value));
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
                assertThat(sync.flush(Duration.ofSeconds(30))).as("round %d flushed", round).isTrue();
                String inDatabase = factory.fromTransaction(s -> s.find(Customer.class, id).getFirstName());
                String inOmetria = ometria.contact("webshop", "" + id).get("firstname").asText();
                if (!inOmetria.equals(inDatabase)) {
                    lost.add("round " + round + ": database " + inDatabase + ", Ometria " + inOmetria);
                }
            }

            assertThat(lost).as("rounds that ended with Ometria holding another value than the database, of " + ROUNDS).isEmpty();
            assertThat(sync.droppedChanges()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
