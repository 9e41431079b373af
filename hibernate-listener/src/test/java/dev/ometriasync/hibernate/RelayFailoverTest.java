package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.hibernate.process.ChildJvm;
import dev.ometriasync.hibernate.process.RelayOnly;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import dev.ometriasync.hibernate.internal.OmetriaRuntimes;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.Priority;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (a child JVM and this one) share one PostgreSQL outbox and one Ometria account.
 * Only the lease holder sends, so together they stay within the account's rate and never send a row at the
 * same time; when the sender is killed mid-run, the other takes over once the lease expired and delivers
 * every row.
 */
class RelayFailoverTest {

    private static final int ROWS = 60;
    private static final long FIRST_ID = 700_000;
    /** The rate each instance is configured with. */
    private static final int RATE = 2;
    /**
     * The account's limit in the simulator: one sender at {@link #RATE} stays under it even when network jitter
     * bunches two of its requests, while two instances sending at once (2 x RATE) would exceed it.
     */
    private static final int ACCOUNT_LIMIT = 3;

    @Test
    void secondInstanceTakesOverWhenTheSenderDies() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(ACCOUNT_LIMIT).start()) {
            Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
            Map<String, String> writerSettings = relaySettings(ometria, "writer");
            writerSettings.put(OmetriaSettings.RELAY_ENABLED.key(), "false");
            Map<String, String> childProperties = new HashMap<>(relaySettings(ometria, "relay-A"));
            childProperties.put("jdbc.url", jdbc.get("hibernate.connection.url"));
            childProperties.put("jdbc.user", jdbc.get("hibernate.connection.username"));
            childProperties.put("jdbc.password", jdbc.get("hibernate.connection.password"));
            try (SessionFactory writer = TestFactories.build(jdbc, writerSettings, "create");
                    ChildJvm relayA = ChildJvm.start(RelayOnly.class, childProperties)) {
                // one row first, so that A's HTTP connection is open before the bulk arrives: while a connection is
                // being opened the pipeline's paced requests can leave together and arrive bunched (seen: three
                // requests within 70 ms at 2 requests/s in a fresh JVM on a loaded machine)
                insertCustomers(writer, FIRST_ID, FIRST_ID + 1);
                Eventually.await("relay A sending", Duration.ofSeconds(90), () -> ometria.pushRequestCount() >= 1 || !relayA.isAlive());
                assertThat(relayA.isAlive()).as(relayA.output()).isTrue();
                try (SessionFactory instanceB = TestFactories.build(jdbc, relaySettings(ometria, "relay-B"), "none")) {
                    // B's HTTP connection is opened now too, while the outbox is empty, by one record through its pipeline
                    // (its warm-up read, then the push). A's first requests (its warm-up read and push) leave the
                    // simulator's one-second window first: B is not the relay, and this scaffolding is not relay traffic.
                    Thread.sleep(1_100);
                    OmetriaRecord warmUp = writer.fromTransaction(s -> OmetriaRecords.toRecord(s.find(Customer.class, FIRST_ID), null));
                    assertThat(OmetriaRuntimes.of(instanceB.unwrap(SessionFactoryImplementor.class)).pipeline()
                            .submit(warmUp, Priority.LIVE).toCompletableFuture().get(60, TimeUnit.SECONDS).isAccepted()).isTrue();
                    int warmUpRequests = ometria.pushRequestCount();
                    // B's warm-up request is scaffolding, not relay traffic: let it leave the simulator's one-second
                    // window before A's bulk starts, so the account-rate assertion below judges the relays alone.
                    Thread.sleep(1_100);
                    insertCustomers(writer, FIRST_ID + 1, FIRST_ID + ROWS);

                    OmetriaSync b = OmetriaSync.of(instanceB);
                    Eventually.await("relay A further along", () -> ometria.pushRequestCount() >= 5);
                    assertThat(b.isActiveRelay()).as("B must not send while A holds the lease").isFalse();
                    assertThat(OmetriaRuntimes.of(instanceB.unwrap(SessionFactoryImplementor.class)).deliveredRows())
                            .as("rows B sent while A held the lease").isZero();
                    assertThat(leaseHolder(instanceB)).isEqualTo("relay-A");
                    assertThat(b.pendingOutboxRows()).as("A was killed mid-run").isPositive();

                    relayA.kill();
                    Instant killedAt = Instant.now();

                    Eventually.await("every row delivered", Duration.ofSeconds(60), () ->
                            LongStream.range(FIRST_ID, FIRST_ID + ROWS).allMatch(id -> ometria.contact("webshop", "" + id) != null));
                    Eventually.await("an empty outbox", () -> b.pendingOutboxRows() == 0);
                    assertThat(b.isActiveRelay()).isTrue();
                    assertThat(leaseHolder(instanceB)).isEqualTo("relay-B");
                    assertThat(b.deadOutboxRows()).isZero();

                    List<RecordedRequest> requests = ometria.pushRequests();
                    System.out.println("killed at " + killedAt);
                    requests.forEach(r -> System.out.println(r.arrival() + " " + r.status() + " " + r.outcome() + " " + r.ids()));
                    assertThat(ometria.rateLimitedCount()).as("the account's rate was never exceeded").isZero();
                    assertThat(ometria.maxPushRequestsInAnySecond()).isLessThanOrEqualTo(ACCOUNT_LIMIT);
                    assertNoRowSentTwiceByTheSameLeaseTerm(requests.subList(warmUpRequests, requests.size()), killedAt);
                }
            }
        }
    }

    /**
     * While A was alive only A sent, so no id may arrive twice before the kill; an id may be sent again
     * only after the kill (a row A had in flight when it died, re-sent by B: harmless, Ometria upserts).
     */
    private static void assertNoRowSentTwiceByTheSameLeaseTerm(List<RecordedRequest> requests, Instant killedAt) {
        Set<String> seenBeforeKill = new HashSet<>();
        for (RecordedRequest request : requests) {
            if (request.status() != 200 || !request.arrival().isBefore(killedAt)) {
                continue;
            }
            for (String id : request.ids()) {
                assertThat(seenBeforeKill.add(id)).as("id " + id + " sent twice while only A was sending").isTrue();
            }
        }
        assertThat(seenBeforeKill).isNotEmpty();
    }

    private static void insertCustomers(SessionFactory writer, long from, long to) {
        for (long id = from; id < to; id++) {
            long customerId = id;
            writer.inTransaction(s -> s.persist(new Customer(customerId, "relay" + customerId + "@example.com", "Re", "Lay")));
        }
    }

    private static String leaseHolder(SessionFactory factory) {
        return factory.fromTransaction(s -> s.createNativeQuery("select holder from ometria_relay_lease", String.class).getSingleResult());
    }

    private static Map<String, String> relaySettings(OmetriaSimulator ometria, String instanceId) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "" + RATE);
        settings.put(OmetriaSettings.MAX_BATCH_SIZE.key(), "5");
        settings.put(OmetriaSettings.RELAY_BATCH_SIZE.key(), "5");
        settings.put(OmetriaSettings.RELAY_LEASE_DURATION.key(), "6s");
        settings.put(OmetriaSettings.RELAY_INSTANCE_ID.key(), instanceId);
        return settings;
    }
}
