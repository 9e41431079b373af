package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.OrderLine;
import dev.ometriasync.hibernate.fixtures.PurchaseOrder;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * {@link OmetriaSettings#PUSH_ERRORS_POLL_INTERVAL} with real Hibernate sessions on H2 and the simulator over real
 * HTTP: an entity whose record Ometria acknowledges and refuses later leaves no dead outbox row (the push succeeded),
 * and is reported through {@link OmetriaSync#pushErrors()} and the application's listener with its record type and id.
 * A 401/403 on a read stops sending as on a push, and shows in {@link OmetriaSync#status()} (which the Spring Boot health
 * indicator reads: DOWN). Off by default: then nothing but the warm-up reads the list.
 */
class PushErrorsPollingTest {

    @Test
    void anEntityOmetriaRefusesLaterIsReportedWithItsRecordTypeAndId() {
        List<PushErrorReport> heard = new CopyOnWriteArrayList<>();
        OmetriaListener listener = new OmetriaListener() {
            @Override
            public void pushErrorListed(PushErrorReport report) {
                heard.add(report);
            }
        };
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            ometria.refuseLaterRecords(record -> record.path("id").asText().equals("2"), "root > firstname");
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.PUSH_ERRORS_POLL_INTERVAL.key(), "1s");
            try (SessionFactory factory = build(settings, listener)) {
                OmetriaSync sync = OmetriaSync.of(factory);
                factory.inTransaction(s -> {
                    s.persist(new Customer(1L, "one@example.com", null, "One")); // no first name: cannot be the one
                    s.persist(new Customer(2L, "two@example.com", "Bea", "Two"));
                });
                Eventually.await("the rows sent", () -> sync.pendingOutboxRows() == 0);
                Eventually.await("the refusal reported", () -> !sync.pushErrors().isEmpty());

                PushErrorReport report = sync.pushErrors().get(0);
                assertThat(report.recordType()).isEqualTo(RecordType.CONTACT);
                assertThat(report.recordId()).isEqualTo("2");
                assertThat(report.record().collection()).isEqualTo("webshop");
                assertThat(report.error().errorPath()).isEqualTo("root > firstname");
                // forwarded to the application's listener, just after the report was kept
                Eventually.await("the listener heard it", () -> !heard.isEmpty());
                assertThat(heard).containsExactly(report);
                // acknowledged at push time, so nothing is dead: only the poller tells
                assertThat(sync.deadOutboxRows()).isZero();
                assertThat(sync.status().authFailureStatus()).isZero();
            }
            assertThat(ometria.contact("webshop", "1")).isNotNull();
            assertThat(ometria.contact("webshop", "2")).isNull();
        }
    }

    @Test
    void aReadRefusedWith403LeavesSyncingOnAndTheStatusHealthy() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.PUSH_ERRORS_POLL_INTERVAL.key(), "1s");
            try (SessionFactory factory = build(settings, null)) {
                OmetriaSync sync = OmetriaSync.of(factory);
                factory.inTransaction(s -> s.persist(new Customer(20L, "twenty@example.com", "Tia", "Twenty")));
                Eventually.await("the row sent", () -> sync.pendingOutboxRows() == 0);
                ometria.failNextErrorListings(1, Fault.status(403)); // the next read: the key may not read the list

                Eventually.await("the refused read", () -> ometria.requests().stream()
                        .anyMatch(request -> request.path().equals("/v2/push/_errors") && request.status() == 403));
                factory.inTransaction(s -> s.persist(new Customer(21L, "twentyone@example.com", "Uma", "Twenty-one")));
                Eventually.await("the next row sent", () -> sync.pendingOutboxRows() == 0
                        && ometria.contact("webshop", "21") != null);
                assertThat(sync.status().authFailureStatus()).isZero();
                assertThat(sync.deadOutboxRows()).isZero();
            }
        }
    }

    @Test
    void offByDefaultNothingButTheWarmUpReadsTheList() throws Exception {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            ometria.refuseLaterRecords(record -> true, "root > firstname");
            try (SessionFactory factory = build(TestFactories.ometriaSettings(ometria), null)) {
                OmetriaSync sync = OmetriaSync.of(factory);
                factory.inTransaction(s -> s.persist(new Customer(3L, "three@example.com", "Cy", "Three")));
                Eventually.await("the row sent", () -> sync.pendingOutboxRows() == 0);
                ometria.awaitIdle();
                Thread.sleep(1_500);
                assertThat(sync.pushErrors()).isEmpty();
            }
            assertThat(ometria.errors()).hasSize(1);
            assertThat(ometria.requests().stream().filter(r -> r.path().equals("/v2/push/_errors")).count()).isEqualTo(1);
        }
    }

    private static SessionFactory build(Map<String, String> settings, OmetriaListener listener) {
        Configuration configuration = new Configuration();
        configuration.addAnnotatedClass(Customer.class);
        configuration.addAnnotatedClass(PurchaseOrder.class);
        configuration.addAnnotatedClass(OrderLine.class);
        Database.H2.createEmpty().forEach(configuration::setProperty);
        settings.forEach(configuration::setProperty);
        if (listener != null) {
            configuration.getProperties().put(OmetriaSettings.LISTENER.key(), listener); // an object, as the starter passes it
        }
        configuration.setProperty("hibernate.hbm2ddl.auto", "create");
        return configuration.buildSessionFactory();
    }
}
