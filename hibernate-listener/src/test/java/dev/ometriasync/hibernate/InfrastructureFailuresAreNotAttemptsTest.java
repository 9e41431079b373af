package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.ClaimCounter;
import dev.ometriasync.hibernate.fixtures.ConnectionFailureInjector;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failures of the infrastructure during the relay's work are not the rows' fault: they never count an attempt,
 * so that an outage, however long, cannot kill healthy rows. With {@code relay.max-attempts = 1} a single counted
 * attempt would mark a row DEAD.
 */
class InfrastructureFailuresAreNotAttemptsTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();

    @AfterEach
    void close() {
        ConnectionFailureInjector.reset();
        ometria.close();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.RELAY_MAX_ATTEMPTS.key(), "1");
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        return settings;
    }

    private static List<Object[]> rows(SessionFactory factory) {
        return factory.fromTransaction(s -> s.createNativeQuery(
                "select entity_id, status, attempts, claimed_by from ometria_outbox order by id", Object[].class).getResultList());
    }

    @Test
    void aDatabaseConnectionFailureWhileTheRelayLoadsTheRowsCountsNoAttempt() {
        Map<String, String> settings = settings();
        settings.put("hibernate.session_factory.statement_inspector", ConnectionFailureInjector.class.getName());
        try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create")) {
            ConnectionFailureInjector.failing(true);
            factory.inTransaction(s -> {
                for (long id = 1; id <= 3; id++) {
                    s.persist(new Customer(id, "c" + id + "@example.com", "C" + id, "Outage"));
                }
            });
            // Several relay rounds claim the rows and fail to load them: more failures than max-attempts allows.
            Eventually.await("three failed loads", () -> ConnectionFailureInjector.failures() >= 3);
            Eventually.await("the rows released", () -> rows(factory).stream().allMatch(r -> r[3] == null));

            List<Object[]> during = rows(factory);
            assertThat(during).hasSize(3).allSatisfy(r -> {
                assertThat(r[1]).isEqualTo("PENDING");
                assertThat(((Number) r[2]).intValue()).as("attempts of row %s", r[0]).isZero();
            });
            assertThat(OmetriaSync.of(factory).deadOutboxRows()).isZero();
            assertThat(ometria.pushRequestCount()).isZero();

            ConnectionFailureInjector.failing(false); // the database is back
            Eventually.await("every row delivered", () -> OmetriaSync.of(factory).pendingOutboxRows() == 0);
            assertThat(ometria.contact("webshop", "2").get("firstname").asText()).isEqualTo("C2");
            assertThat(OmetriaSync.of(factory).deadOutboxRows()).isZero();
        }
    }

    @Test
    void aPipelineThatStoppedOnAnUntrustedCertificateCountsNoAttemptAndARestartSendsTheRows() throws Exception {
        Map<String, String> jdbc = Database.H2.createEmpty();
        Map<String, String> untrusted = settings();
        // The simulator's HTTPS listener has a self-signed certificate this JVM does not trust.
        untrusted.put(OmetriaSettings.ENDPOINT.key(), ometria.httpsBaseUri().toString());
        untrusted.put("hibernate.session_factory.statement_inspector", ClaimCounter.class.getName());
        try (SessionFactory factory = TestFactories.build(jdbc, untrusted, "create")) {
            factory.inTransaction(s -> {
                for (long id = 1; id <= 3; id++) {
                    s.persist(new Customer(id, "c" + id + "@example.com", "C" + id, "Tls"));
                }
            });
            Eventually.await("the pipeline stopped and reported", () -> OmetriaSync.of(factory).status().authFailureStatus() != 0);
            Eventually.await("the rows released", () -> rows(factory).stream().allMatch(r -> r[3] == null));
            ClaimCounter.reset();
            Thread.sleep(1_000); // five relay rounds at the test's 200 ms poll interval: the paused relay claims nothing

            assertThat(ClaimCounter.claims()).as("claims after the pipeline stopped").isZero();
            OmetriaSyncStatus status = OmetriaSync.of(factory).status();
            assertThat(status.authFailureStatus()).isEqualTo(-1);
            assertThat(status.authFailureMessage()).contains("TLS handshake failed").contains("trust store");
            assertThat(rows(factory)).hasSize(3).allSatisfy(r -> {
                assertThat(r[1]).isEqualTo("PENDING");
                assertThat(((Number) r[2]).intValue()).as("attempts of row %s", r[0]).isZero();
            });
            assertThat(OmetriaSync.of(factory).deadOutboxRows()).isZero();
            assertThat(ometria.pushRequestCount()).isZero();
        }
        // Fixed configuration (here: the plain-HTTP endpoint), restarted: every row goes out.
        try (SessionFactory restarted = TestFactories.build(jdbc, settings(), "none")) {
            Eventually.await("the rows after the restart", () -> OmetriaSync.of(restarted).pendingOutboxRows() == 0);
            assertThat(ometria.contact("webshop", "3").get("lastname").asText()).isEqualTo("Tls");
        }
    }
}
