package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.GatedContact;
import dev.ometriasync.hibernate.fixtures.Stderr;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Direct mode when its queue is full: the committing thread never waits for ometria-sync; a change that finds no
 * room is dropped, counted ({@link OmetriaSync#droppedChanges()}, the status) and reported by one warning, not one
 * per change; shutting down with a full queue logs one line, not one per change. The reader is held still by an
 * entity whose committed state cannot be loaded until the test opens a gate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectModeBackPressureTest {

    private static final int MAX_PENDING = 5;

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000).start();

    @AfterEach
    void openTheGate() {
        GatedContact.openGate();
        GatedContact.gate = null;
    }

    @AfterAll
    void close() {
        ometria.close();
    }

    private SessionFactory factory(Database database, int maxPending) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "100");
        settings.put(OmetriaSettings.DIRECT_MAX_PENDING.key(), "" + maxPending);
        return TestFactories.build(database.createEmpty(), settings, "create-drop", GatedContact.class);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aFullQueueNeverHoldsUpTheCommitAndDropsWithACounterAndOneWarning(Database database) throws Exception {
        long base = 10_000L * (database.ordinal() + 1);
        try (SessionFactory factory = factory(database, MAX_PENDING); Stderr stderr = Stderr.capture()) {
            OmetriaSync sync = OmetriaSync.of(factory);
            GatedContact.closeGate();
            factory.inTransaction(s -> s.persist(new GatedContact(base, GatedContact.GATED)));
            assertThat(GatedContact.reached.await(30, TimeUnit.SECONDS)).as("the reader waits at the gate").isTrue();

            // with the reader held, 25 more contacts commit: 5 fit into the queue, 20 find it full
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (long i = 1; i <= 25; i++) {
                    long id = base + i;
                    factory.inTransaction(s -> s.persist(new GatedContact(id, "Contact " + id)));
                }
            }, "a commit waited for ometria-sync");
            assertThat(GatedContact.gate.getCount()).as("the reader was held all along").isEqualTo(1);

            assertThat(sync.droppedChanges()).isEqualTo(20);
            assertThat(sync.status().droppedChanges()).isEqualTo(20);
            assertThat(sync.status().waitingChanges()).as("5 waiting and the one being read").isEqualTo(MAX_PENDING + 1);
            assertThat(stderr.lines("direct mode dropped")).as("warnings about dropped changes").hasSize(1);
            assertThat(stderr.lines("direct mode dropped").get(0)).contains("WARN").contains(OmetriaSettings.DIRECT_MAX_PENDING.key())
                    .contains("dropped 1 committed change(s) of " + GatedContact.class.getName())
                    .doesNotContain("Contact 1"); // no entity data in the log

            GatedContact.openGate();
            assertThat(sync.flush(Duration.ofSeconds(30))).isTrue();
            for (long i = 0; i <= 25; i++) {
                boolean noted = i <= MAX_PENDING;
                assertThat(ometria.contact("gated", "" + (base + i))).as("contact %d (%s)", i, noted ? "noted" : "dropped")
                        .matches(record -> noted == (record != null));
            }
            assertThat(stderr.lines("direct mode dropped")).as("still one warning").hasSize(1);
            assertThat(sync.status().waitingChanges()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void closingWithAFullQueueLogsOneLineNotOnePerChange(Database database) throws Exception {
        long base = 100_000L * (database.ordinal() + 1);
        int waiting = 1_000;
        SessionFactory factory = factory(database, waiting);
        try (Stderr stderr = Stderr.capture()) {
            try {
                GatedContact.closeGate();
                factory.inTransaction(s -> s.persist(new GatedContact(base, GatedContact.GATED)));
                assertThat(GatedContact.reached.await(30, TimeUnit.SECONDS)).isTrue();
                factory.inTransaction(s -> {
                    for (long i = 1; i <= waiting; i++) {
                        s.persist(new GatedContact(base + i, "Contact " + i));
                    }
                });
                assertThat(OmetriaSync.of(factory).droppedChanges()).isZero();
            } finally {
                factory.close(); // the reader is still held: the 1,000 changes are not sent
            }
            List<String> lines = stderr.lines("dev.ometriasync");
            assertThat(lines).as("lines logged about the unsent changes").filteredOn(line -> line.contains("WARN")).hasSizeLessThan(5);
            // the 1,000 waiting, and the gated one whose read the close cut short: it waits to be read again, unsent too
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("WARN").contains((waiting + 1) + " changed entities not yet read"));
        }
        assertThat(ometria.contact("gated", "" + (base + 1))).as("a change that waited when the factory closed").isNull();
    }

    /**
     * One transaction that changes more entities than the queue holds, with nothing else waiting: what fits is noted
     * and sent, the rest dropped and counted (the inbox takes the transaction's list whole; the reader's merge keeps
     * what fits among the waiting entities).
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void aTransactionLargerThanTheQueueKeepsWhatFits(Database database) throws Exception {
        long base = 200_000L * (database.ordinal() + 1);
        int changed = MAX_PENDING + 3;
        try (SessionFactory factory = factory(database, MAX_PENDING); Stderr stderr = Stderr.capture()) {
            OmetriaSync sync = OmetriaSync.of(factory);
            factory.inTransaction(s -> {
                for (long i = 1; i <= changed; i++) {
                    s.persist(new GatedContact(base + i, "Contact " + i));
                }
            });
            assertThat(sync.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(sync.droppedChanges()).isEqualTo(changed - MAX_PENDING);
            for (long i = 1; i <= changed; i++) {
                boolean kept = i <= MAX_PENDING;
                assertThat(ometria.contact("gated", "" + (base + i))).as("contact %d (%s)", i, kept ? "kept" : "dropped")
                        .matches(record -> kept == (record != null));
            }
            assertThat(stderr.lines("direct mode dropped")).hasSize(1);
        }
    }
}
