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
 * Direct mode's committing threads only append their changes to the reader's inbox and wake the reader when it is
 * idle; the reader merges the inbox itself. A note that lands while the reader is about to go idle must still be read:
 * otherwise it would wait, unsent, until some later commit or a flush happened to wake the reader. Each round two
 * threads commit at the same moment, right after the reader went idle, and the test waits for Ometria to hold both
 * changes <em>without</em> calling {@code flush} (which wakes the reader itself and would hide a lost wake-up).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectModeWakesItsReaderTest {

    private static final int ROUNDS = 60;

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyNoteIsReadWithoutAFlushToWakeTheReader(Database database) throws Exception {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "500");
        long base = 810_000L + 1_000L * database.ordinal();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop")) {
            OmetriaSync sync = OmetriaSync.of(factory);
            CyclicBarrier start = new CyclicBarrier(2);
            for (int round = 0; round < ROUNDS; round++) {
                long first = base + 2L * round;
                List<Future<?>> writers = new ArrayList<>();
                for (long id : new long[] {first, first + 1}) {
                    writers.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        factory.inTransaction(s -> s.persist(new Customer(id, "wake" + id + "@example.com", "Round", "Wake")));
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
                int shown = round;
                Eventually.await("both contacts of round " + shown + " in Ometria, no flush called", Duration.ofSeconds(20),
                        () -> ometria.contact("webshop", "" + first) != null && ometria.contact("webshop", "" + (first + 1)) != null);
                // let the reader go idle again before the next round's notes arrive
                Eventually.await("the reader idle", Duration.ofSeconds(20), () -> sync.status().waitingChanges() == 0);
            }
            assertThat(sync.droppedChanges()).isZero();
            assertThat(sync.status().waitingChanges()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
