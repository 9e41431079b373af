package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.backfill.fixtures.BackfillChild;
import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.CheckpointRows;
import dev.ometriasync.hibernate.backfill.fixtures.ChildProcess;
import dev.ometriasync.hibernate.backfill.fixtures.Pushes;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A backfill in a child JVM is halted ({@code Runtime.halt}: no shutdown hook, nothing flushed) in the middle of
 * a chunk (the request holding id 1701 in flight) and a new run on the same database resumes
 * after the last confirmed chunk: no record is missing and at most one chunk is sent again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillResumeTest {

    private static final int CUSTOMERS = 4_000;
    private static final int CHUNK = 500;
    /** The chunk after the checkpoint: ids 1501-2000; the halt comes while the request holding id 1701 is in flight. */
    private static final long CHECKPOINT = 1_500;
    private static final String HELD_ID = "1701";

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @Test
    void aHaltedBackfillResumesAfterItsLastConfirmedChunkAndSendsAtMostThatChunkAgain() throws Exception {
        Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
        BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "create").close();
        try (Seeder seeder = Seeder.open(jdbc)) {
            seeder.customers(1, CUSTOMERS, 20);
        }
        ometria.failRequestsWithRecord(record -> HELD_ID.equals(record.path("id").asText()), Fault.hold());

        try (ChildProcess child = ChildProcess.start(BackfillChild.class, List.of("-Xmx256m"), Map.of(
                "jdbc.url", jdbc.get("hibernate.connection.url"),
                "jdbc.user", jdbc.get("hibernate.connection.username"),
                "jdbc.password", jdbc.get("hibernate.connection.password"),
                "ometria.endpoint", ometria.baseUri().toString(),
                "ometria.api-key", ometria.apiKey(),
                "chunk.size", Integer.toString(CHUNK),
                "child.task", "backfill"))) {
            assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(180))).as(child.output()).isTrue();
            child.send("halt");
            assertThat(child.waitForExit(60)).as(child.output()).isEqualTo(BackfillChild.HALT_STATUS);
        }

        // the checkpoint stopped at the last chunk whose records all had an outcome
        Map<String, CheckpointRows.Row> rows = CheckpointRows.of(jdbc, OmetriaBackfill.DEFAULT_NAME);
        CheckpointRows.Row halted = rows.get("Customer");
        assertThat(halted.lastId()).as(rows.toString()).isEqualTo(Long.toString(CHECKPOINT));
        assertThat(halted.status()).isEqualTo("RUNNING");
        assertThat(halted.recordsDone()).isEqualTo(CHECKPOINT);

        // the request that was in flight when the process died is answered now (Ometria may well have stored it)
        ometria.clearFaults();
        Eventually.await("the held request in the log", () -> Pushes.ids(ometria.pushRequests(), "contact").contains(HELD_ID));
        Instant secondRunStart = ometria.clock().instant();

        BackfillSummary resumed;
        try (SessionFactory factory = BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "none")) {
            resumed = OmetriaBackfill.forSessionFactory(factory).chunkSize(CHUNK).run();
        }

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.types()).extracting(BackfillSummary.TypeResult::recordType, BackfillSummary.TypeResult::status,
                BackfillSummary.TypeResult::resumedAfterId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RecordType.PRODUCT, BackfillSummary.TypeStatus.ALREADY_DONE, null),
                org.assertj.core.groups.Tuple.tuple(RecordType.CONTACT, BackfillSummary.TypeStatus.COMPLETED, Long.toString(CHECKPOINT)),
                org.assertj.core.groups.Tuple.tuple(RecordType.ORDER, BackfillSummary.TypeStatus.COMPLETED, null));
        assertThat(resumed.sent()).isEqualTo(CUSTOMERS - CHECKPOINT);
        assertThat(resumed.accepted()).isEqualTo(CUSTOMERS - CHECKPOINT);

        // the runs are told apart by arrival time: the simulator logs a request when it answers it
        List<RecordedRequest> requests = ometria.pushRequests();
        List<String> firstRun = Pushes.ids(requests.stream().filter(r -> r.arrival().isBefore(secondRunStart)).toList(), "contact");
        List<String> secondRun = Pushes.ids(requests.stream().filter(r -> !r.arrival().isBefore(secondRunStart)).toList(), "contact");
        String log = requests.stream().map(r -> r.sequence() + " " + r.arrival() + " " + r.status() + " " + r.recordCount() + " "
                + (r.ids().isEmpty() ? "" : r.ids().get(0) + ".." + r.ids().get(r.ids().size() - 1))).collect(Collectors.joining("\n"));
        assertThat(secondRun).as("the new run sends exactly the rows after the checkpoint, once each (in any order: requests run concurrently); request log:\n" + log)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(CHECKPOINT + 1, CUSTOMERS).mapToObj(Long::toString).toList());
        Set<String> all = new HashSet<>(firstRun);
        all.addAll(secondRun);
        assertThat(all).as("no record missing").hasSize(CUSTOMERS);
        assertThat(LongStream.rangeClosed(1, CUSTOMERS).mapToObj(Long::toString)).allMatch(all::contains);

        Set<String> sentTwice = new HashSet<>(firstRun);
        sentTwice.retainAll(new HashSet<>(secondRun));
        assertThat(sentTwice.size()).as("records sent by both runs: at most one chunk").isLessThanOrEqualTo(CHUNK);
        assertThat(sentTwice).as("... and only from the chunk after the checkpoint")
                .allMatch(id -> Long.parseLong(id) > CHECKPOINT && Long.parseLong(id) <= CHECKPOINT + CHUNK);
        assertThat(sentTwice).as("the halt came in the middle of that chunk: the request in flight reached Ometria too")
                .contains(HELD_ID);

        CheckpointRows.Row finished = CheckpointRows.of(jdbc, OmetriaBackfill.DEFAULT_NAME).get("Customer");
        assertThat(finished.status()).isEqualTo("DONE");
        assertThat(finished.recordsDone()).isEqualTo(CUSTOMERS);
        assertThat(finished.lastId()).isEqualTo(Integer.toString(CUSTOMERS));
    }
}
