package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.Pushes;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SentRecords;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Live changes committed while a backfill runs share its pipeline and go out before the backfill's remaining
 * chunks: the backfill hands the pipeline one chunk at a time, and a live change queued meanwhile is sent before
 * the next chunk is even read (and, with the runtime's priority queue, before the rest of the current one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillLiveChangesTest {

    private static final int CUSTOMERS = 3_000;
    private static final int CHUNK = 500;

    private static int indexOfFirst(List<String> ids, java.util.function.Predicate<String> matches) {
        for (int i = 0; i < ids.size(); i++) {
            if (matches.test(ids.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @Test
    void liveChangesCommittedDuringABackfillAreDeliveredBeforeItsRemainingChunks() throws Exception {
        Map<String, String> jdbc = Database.H2.createEmpty();
        Map<String, String> settings = BackfillFactories.settings(ometria, 1_000);
        settings.put(OmetriaSettings.MODE.key(), "direct"); // read and queued right after commit by the direct-mode reader: no relay polling involved
        try (SessionFactory factory = BackfillFactories.build(jdbc, settings, "create")) {
            try (Seeder seeder = Seeder.open(jdbc)) {
                seeder.customers(1, CUSTOMERS, 20);
            }
            // hold the third request of the third chunk (ids 1001-1500): the backfill is mid-chunk
            ometria.failRequestsWithRecord(record -> "1201".equals(record.path("id").asText()), Fault.hold());
            CompletableFuture<BackfillSummary> backfill = CompletableFuture.supplyAsync(() ->
                    OmetriaBackfill.forSessionFactory(factory).chunkSize(CHUNK).createCheckpointTable().run());
            assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(120))).isTrue();

            factory.inTransaction(s -> s.find(Customer.class, 2_900L).setEmail("new.address@example.com"));
            factory.inTransaction(s -> s.persist(new Customer(9_001L, "signed.up@example.com", "New", "Customer")));
            Eventually.await("the direct-mode reader handed both changes to the pipeline",
                    () -> OmetriaSync.of(factory).status().waitingChanges() == 0);
            ometria.clearFaults();
            BackfillSummary summary = backfill.get(180, TimeUnit.SECONDS);

            assertThat(summary.complete()).isTrue();
            assertThat(summary.sent()).as("the new customer is in the table when the backfill reaches it").isEqualTo(CUSTOMERS + 1);

            // every contact record in the order it reached Ometria: request by request, in body order
            List<RecordedRequest> requests = ometria.pushRequests();
            List<String> arrivals = Pushes.ids(requests, "contact");
            int firstOfRemainingChunks = indexOfFirst(arrivals, id -> !id.equals("2900") // the live update itself
                    && Long.parseLong(id) > 1_500 && Long.parseLong(id) <= CUSTOMERS);
            assertThat(firstOfRemainingChunks).isPositive();
            assertThat(arrivals.indexOf("2900")).as("the live update arrives before the chunks the backfill had not read yet")
                    .isBetween(0, firstOfRemainingChunks - 1);
            assertThat(arrivals.indexOf("9001")).as("so does the live insert").isBetween(0, firstOfRemainingChunks - 1);

            JsonNode update = SentRecords.of(requests, "contact", "2900").get(0);
            assertThat(update).as("the live change is the partial update").isEqualTo(SentRecords.parse(
                    "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"2900\",\"email\":\"new.address@example.com\"}"));
            assertThat(ometria.contact("webshop", "2900").get("email").asText())
                    .as("the backfill read the row after the change: its full record carries the new address too")
                    .isEqualTo("new.address@example.com");
        }
    }
}
