package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing the SessionFactory while Ometria does not answer: the whole shutdown (relay stop, then pipeline close)
 * stays within {@code ometria.shutdown-timeout}, not one timeout per stage, and in outbox mode nothing committed
 * is lost — the rows stay in the outbox and the next start sends them.
 *
 * <p>The bound asserted is the configured timeout with half of it again as slack for a busy machine; the defect
 * this guards against took twice the timeout.
 */
class ShutdownTimeoutTest {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(4);

    @ParameterizedTest
    @EnumSource(SyncMode.class)
    void shutdownWithOmetriaUnresponsiveStaysWithinTheTimeout(SyncMode mode) {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(50).start()) {
            Map<String, String> jdbc = Database.H2.createEmpty();
            SessionFactory factory = TestFactories.build(jdbc, settings(ometria, mode), "create");
            ometria.failNext(10_000, Fault.hold()); // every request is held unanswered
            for (long id = 1; id <= 50; id++) {
                long customer = id;
                factory.inTransaction(s -> s.persist(new Customer(customer, "c" + customer + "@example.com", "Ada", "v1")));
            }
            assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(30))).as("a request is in flight").isTrue();

            long started = System.nanoTime();
            factory.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("close() with Ometria unresponsive")
                    .isLessThan(SHUTDOWN_TIMEOUT.plus(SHUTDOWN_TIMEOUT.dividedBy(2)));
            ometria.clearFaults();
            ometria.releaseHeldRequests();

            if (mode == SyncMode.OUTBOX) {
                // nothing committed is lost: a new start sends every customer from the rows left in the outbox
                try (SessionFactory restarted = TestFactories.build(jdbc, settings(ometria, mode), "none")) {
                    Eventually.await("all 50 customers in Ometria after the restart", Duration.ofSeconds(90),
                            () -> ometria.recordCount("contact") == 50
                                    && OmetriaSync.of(restarted).pendingOutboxRows() == 0);
                }
            }
        }
    }

    private static Map<String, String> settings(OmetriaSimulator ometria, SyncMode mode) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), mode.name().toLowerCase(java.util.Locale.ROOT));
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "20");
        settings.put(OmetriaSettings.REQUEST_TIMEOUT.key(), "8s"); // longer than the close: the held request stays unanswered through it
        settings.put(OmetriaSettings.SHUTDOWN_TIMEOUT.key(), SHUTDOWN_TIMEOUT.toSeconds() + "s");
        return settings;
    }
}
