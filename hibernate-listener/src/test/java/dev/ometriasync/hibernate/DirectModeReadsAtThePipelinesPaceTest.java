package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Direct mode reads committed state no earlier than the pipeline can use it: it keeps at most ten batches (at least
 * 1,000 records) handed to the pipeline and not yet finished. A burst of commits faster than Ometria accepts waits as
 * noted changes, which coalesce, instead of being read and serialized long before they can go, so the reader's CPU
 * (taken from the application) is bounded by the account's rate, and what waited is read once, with its newest state.
 */
class DirectModeReadsAtThePipelinesPaceTest {

    private static final int CONTACTS = 2_500;
    private static final int AHEAD = 1_000;

    @Test
    void aBurstWaitsAsNotedChangesWhileThePipelineHoldsTenBatchesAndIsReadOnceWithItsNewestState() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.MODE.key(), "direct");
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "100");
            settings.put(OmetriaSettings.RELAY_BATCH_SIZE.key(), "100");
            try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop", Customer.class)) {
                OmetriaSync sync = OmetriaSync.of(factory);
                // Ometria holds every request unanswered: nothing the pipeline was handed finishes
                ometria.failNext(1_000, Fault.hold());
                factory.inTransaction(s -> {
                    for (long id = 1; id <= CONTACTS; id++) {
                        s.persist(new Customer(id, "c" + id + "@example.com", "First", "Last " + id));
                    }
                });

                Eventually.await("the reader stops at ten batches ahead",
                        () -> sync.status().waitingChanges() == CONTACTS - AHEAD);
                Thread.sleep(500); // a reader that read on would have taken more by now
                assertThat(sync.status().waitingChanges()).as("changes noted and not read").isEqualTo(CONTACTS - AHEAD);
                assertThat(ometria.awaitHeldRequests(AHEAD / 100, Duration.ofSeconds(30))).isTrue();

                // every contact changes again while the burst waits: the 1,500 waiting merge, the 1,000 handed over
                // are noted anew
                factory.inTransaction(s -> {
                    for (long id = 1; id <= CONTACTS; id++) {
                        s.find(Customer.class, id).setFirstName("Second");
                    }
                });
                assertThat(sync.droppedChanges()).isZero();

                ometria.clearFaults();
                ometria.releaseHeldRequests();
                assertThat(sync.flush(Duration.ofSeconds(60))).isTrue();

                for (long id = 1; id <= CONTACTS; id++) {
                    assertThat(ometria.contact("webshop", "" + id).get("firstname").asText()).as("contact %d", id)
                            .isEqualTo("Second");
                }
                // the 1,000 read before the change, sent twice; the 1,500 that waited, read and sent once, changed
                long recordsSent = ometria.pushRequests().stream().filter(push -> push.status() == 200)
                        .mapToLong(RecordedRequest::recordCount).sum();
                assertThat(recordsSent).isEqualTo(AHEAD + CONTACTS);
            }
        }
    }
}
