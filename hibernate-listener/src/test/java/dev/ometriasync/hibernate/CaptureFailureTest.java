package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.FaultyContact;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An unexpected error of ometria-sync while a change is recorded — here a {@link LinkageError}, as a
 * Hibernate version with a changed API would raise — never reaches the user's transaction as that error: with
 * {@code ometria.capture-failure=fail} (the outbox default) the transaction fails with one clear
 * {@link OmetriaCaptureException} and is rolled back; with {@code log} (the direct-mode default) it commits.
 * Either way the failure is counted, and the integration keeps working for the next change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureFailureTest {

    private static final AtomicLong IDS = new AtomicLong(5000);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();
    private final List<SessionFactory> factories = new ArrayList<>();

    private SessionFactory factory(String mode, String captureFailure) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        settings.put(OmetriaSettings.MODE.key(), mode);
        if (captureFailure != null) {
            settings.put(OmetriaSettings.CAPTURE_FAILURE.key(), captureFailure);
        }
        SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop", FaultyContact.class);
        factories.add(factory);
        return factory;
    }

    @AfterEach
    void heal() {
        FaultyContact.heal();
    }

    @AfterAll
    void close() {
        factories.forEach(SessionFactory::close);
        ometria.close();
    }

    @Test
    void outboxDefaultFailsTheTransactionWithOneClearExceptionNotTheLinkageError() {
        SessionFactory factory = factory("outbox", null);
        long id = IDS.incrementAndGet();
        FaultyContact.idFault = new NoSuchMethodError("'java.lang.Object org.hibernate.Example.injected()'");

        Throwable thrown = catchThrowable(() -> factory.inTransaction(s -> s.persist(new FaultyContact(id, "a@example.com", "Ada"))));

        assertThat(thrown).isNotNull().isNotInstanceOf(Error.class);
        assertThat(causes(thrown)).anySatisfy(t -> assertThat(t).isInstanceOf(OmetriaCaptureException.class)
                .hasMessageContaining("could not record a change of " + FaultyContact.class.getName())
                .hasMessageContaining("ometria.capture-failure=fail")
                .hasMessageContaining("ometria.capture-failure=log")
                .hasCauseInstanceOf(NoSuchMethodError.class));
        FaultyContact.heal();
        assertThat(find(factory, id)).as("rolled back").isNull();
        assertThat(OmetriaSync.of(factory).captureFailures()).isEqualTo(1);

        long next = IDS.incrementAndGet();
        factory.inTransaction(s -> s.persist(new FaultyContact(next, "b@example.com", "Grace")));
        Eventually.await("the next contact", () -> ometria.contact("faults", "" + next) != null);
        assertThat(ometria.contact("faults", "" + next).get("firstname").asText()).isEqualTo("Grace");
    }

    @Test
    void logPolicyCommitsAndCountsTheFailure() {
        SessionFactory factory = factory("outbox", "log");
        long id = IDS.incrementAndGet();
        FaultyContact.idFault = new AbstractMethodError("injected");

        factory.inTransaction(s -> s.persist(new FaultyContact(id, "c@example.com", "Ada")));

        FaultyContact.heal();
        assertThat(find(factory, id)).as("committed").isNotNull();
        assertThat(OmetriaSync.of(factory).captureFailures()).isEqualTo(1);
        assertThat(OmetriaSync.of(factory).pendingOutboxRows()).isZero();

        OmetriaSync.of(factory).touch(FaultyContact.class, id);
        Eventually.await("the touched contact", () -> ometria.contact("faults", "" + id) != null);
    }

    @Test
    void directModeLogsByDefault() {
        SessionFactory factory = factory("direct", null);
        long id = IDS.incrementAndGet();
        FaultyContact.idFault = new NoClassDefFoundError("org/hibernate/Injected");

        factory.inTransaction(s -> s.persist(new FaultyContact(id, "d@example.com", "Ada")));

        FaultyContact.heal();
        assertThat(find(factory, id)).as("committed").isNotNull();
        assertThat(OmetriaSync.of(factory).captureFailures()).isEqualTo(1);
    }

    @Test
    void failureOfTheBeforeCompletionHookFailsTheCommitCleanly() {
        SessionFactory factory = factory("outbox", null);
        long id = IDS.incrementAndGet();
        factory.inTransaction(s -> s.createNativeMutationQuery("alter table ometria_outbox rename to ometria_outbox_away")
                .executeUpdate());
        try {
            Throwable thrown = catchThrowable(() ->
                    factory.inTransaction(s -> s.persist(new FaultyContact(id, "e@example.com", "Ada"))));

            assertThat(thrown).isNotNull().isNotInstanceOf(Error.class);
            assertThat(causes(thrown)).anySatisfy(t -> assertThat(t).isInstanceOf(OmetriaCaptureException.class)
                    .hasMessageContaining("could not record a change of " + FaultyContact.class.getName()));
        } finally {
            factory.inTransaction(s -> s.createNativeMutationQuery("alter table ometria_outbox_away rename to ometria_outbox")
                    .executeUpdate());
        }
        assertThat(find(factory, id)).as("rolled back").isNull();
        assertThat(OmetriaSync.of(factory).captureFailures()).isEqualTo(1);
    }

    private static FaultyContact find(SessionFactory factory, long id) {
        return factory.fromTransaction(s -> s.find(FaultyContact.class, id));
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
