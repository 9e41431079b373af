package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.ClaimCounter;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Ometria refuses the API key (401): the relay stops claiming instead of looping claim, abandon, release; it
 * keeps renewing its lease; the rows stay pending (none dead), and a restart with a valid key sends them.
 */
class RefusedKeyTest {

    @Test
    void aRefusedKeyPausesTheRelayWithoutLosingOrChurningRows() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(50).start()) {
            Map<String, String> jdbc = Database.H2.createEmpty();
            Map<String, String> revoked = TestFactories.ometriaSettings(ometria);
            revoked.put(OmetriaSettings.API_KEY.key(), "revoked-key");
            revoked.put("hibernate.session_factory.statement_inspector", ClaimCounter.class.getName());
            try (SessionFactory factory = TestFactories.build(jdbc, revoked, "create")) {
                factory.inTransaction(s -> {
                    for (long id = 1; id <= 3; id++) {
                        s.persist(new Customer(id, "c" + id + "@example.com", "C" + id, "Three"));
                    }
                });
                Eventually.await("the refused request", () -> ometria.pushRequests().stream().anyMatch(r -> r.status() == 401));
                int refused = ometria.pushRequests().size();
                Eventually.await("the refused rows released", () -> factory.fromTransaction(s -> s.createNativeQuery(
                        "select count(*) from ometria_outbox where claimed_by is not null", Long.class).getSingleResult()) == 0);
                ClaimCounter.reset();

                Thread.sleep(2_000); // ten relay rounds at the test's 200 ms poll interval: none may claim again

                assertThat(ClaimCounter.claims()).as("claims after the refusal").isZero();
                assertThat(ometria.pushRequests()).as("no request after the refusal").hasSize(refused);
                assertThat(OmetriaSync.of(factory).pendingOutboxRows()).isEqualTo(3);
                assertThat(OmetriaSync.of(factory).deadOutboxRows()).isZero();
                assertThat(OmetriaSync.of(factory).isActiveRelay()).as("the lease is still renewed").isTrue();
            }
            // a restart with the right key sends every row
            try (SessionFactory restarted = TestFactories.build(jdbc, TestFactories.ometriaSettings(ometria), "none")) {
                Eventually.await("the rows after the restart", () -> OmetriaSync.of(restarted).pendingOutboxRows() == 0);
                assertThat(ometria.contact("webshop", "2").get("firstname").asText()).isEqualTo("C2");
            }
        }
    }
}
