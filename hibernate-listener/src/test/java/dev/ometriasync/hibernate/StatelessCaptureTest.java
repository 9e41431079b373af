package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SkuProduct;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code StatelessSession} transaction joins its transaction on every supported Hibernate ORM line (this class runs
 * on 6.6, 7.1, 7.2, 7.3 and 7.4 through the hibernate-matrix modules): a batch transaction that runs far longer than
 * the old {@code ometria.stateless.capture-delay} (set to 200 ms here, to show it no longer matters) ends with Ometria
 * holding what the database holds, in both modes, for inserts, updates and deletes; nothing is read while it runs;
 * a rolled-back one sends nothing. H2 and embedded PostgreSQL, the simulator over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessCaptureTest {

    /** Seven times the old delay set below, plus a relay poll: long enough for the old capture to read too early. */
    private static final Duration BATCH_JOB_LENGTH = Duration.ofMillis(1_500);
    private static final AtomicLong IDS = new AtomicLong(5_000);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();
    private final Map<String, SessionFactory> factories = new HashMap<>();

    static Stream<Arguments> databasesAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (Database database : Database.values()) {
            for (SyncMode mode : SyncMode.values()) {
                all.add(Arguments.of(database, mode));
            }
        }
        return all.stream();
    }

    @SuppressWarnings("deprecation") // the old delay is set on purpose: it must have no effect
    private SessionFactory factory(Database database, SyncMode mode) {
        return factories.computeIfAbsent(database + "/" + mode, key -> {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
            settings.put(OmetriaSettings.MODE.key(), mode.externalName());
            settings.put(OmetriaSettings.STATELESS_CAPTURE_DELAY.key(), "200ms");
            return TestFactories.build(database.createEmpty(), settings, "create-drop", SkuProduct.class);
        });
    }

    @AfterAll
    void close() {
        factories.values().forEach(SessionFactory::close);
        ometria.close();
    }

    @ParameterizedTest(name = "{0}, {1} mode")
    @MethodSource("databasesAndModes")
    void aStatelessTransactionFarLongerThanTheOldDelayEndsWithOmetriaEqualToTheDatabase(Database database, SyncMode mode)
            throws InterruptedException {
        SessionFactory factory = factory(database, mode);
        long updated = IDS.incrementAndGet();
        long deleted = IDS.incrementAndGet();
        long inserted = IDS.incrementAndGet();
        factory.inTransaction(s -> {
            s.persist(new SkuProduct(updated, sku(updated), "Before", new BigDecimal("10.00")));
            s.persist(new SkuProduct(deleted, sku(deleted), "Doomed", new BigDecimal("20.00")));
        });
        Eventually.await("the products before the batch job",
                () -> ometria.record("product", sku(updated)) != null && ometria.record("product", sku(deleted)) != null);

        try (StatelessSession session = factory.openStatelessSession()) {
            session.beginTransaction();
            session.insert(new SkuProduct(inserted, sku(inserted), "Inserted", new BigDecimal("30.00")));
            SkuProduct product = session.get(SkuProduct.class, updated);
            product.setTitle("After");
            product.setPrice(new BigDecimal("11.50"));
            session.update(product);
            session.delete(session.get(SkuProduct.class, deleted));
            Thread.sleep(BATCH_JOB_LENGTH.toMillis()); // a batch job's transaction, still open

            // nothing of the open transaction was read and sent (the old delay would have read it by now)
            assertThat(ometria.record("product", sku(inserted))).as("a product inserted by the open transaction").isNull();
            assertThat(ometria.record("product", sku(updated)).path("title").asText()).isEqualTo("Before");
            assertThat(ometria.record("product", sku(deleted)).has("is_active")).isFalse();
            session.getTransaction().commit();
        }

        Eventually.await("the batch job's changes", () -> {
            JsonNode after = ometria.record("product", sku(updated));
            JsonNode gone = ometria.record("product", sku(deleted));
            return ometria.record("product", sku(inserted)) != null && "After".equals(after.path("title").asText())
                    && gone.has("is_active") && settled(factory, mode);
        });
        assertOmetriaEqualsTheDatabase(factory, List.of(updated, inserted), List.of(deleted));
    }

    @ParameterizedTest(name = "{0}, {1} mode")
    @MethodSource("databasesAndModes")
    void aRolledBackStatelessTransactionSendsNothing(Database database, SyncMode mode) throws InterruptedException {
        SessionFactory factory = factory(database, mode);
        long kept = IDS.incrementAndGet();
        long notDeleted = IDS.incrementAndGet();
        long neverInserted = IDS.incrementAndGet();
        long marker = IDS.incrementAndGet();
        factory.inTransaction(s -> {
            s.persist(new SkuProduct(kept, sku(kept), "Kept", new BigDecimal("10.00")));
            s.persist(new SkuProduct(notDeleted, sku(notDeleted), "Still here", new BigDecimal("20.00")));
        });
        Eventually.await("the products before the batch job",
                () -> ometria.record("product", sku(kept)) != null && ometria.record("product", sku(notDeleted)) != null);

        try (StatelessSession session = factory.openStatelessSession()) {
            session.beginTransaction();
            session.insert(new SkuProduct(neverInserted, sku(neverInserted), "Never", new BigDecimal("30.00")));
            SkuProduct product = session.get(SkuProduct.class, kept);
            product.setTitle("Rolled back");
            session.update(product);
            session.delete(session.get(SkuProduct.class, notDeleted));
            Thread.sleep(BATCH_JOB_LENGTH.toMillis());
            session.getTransaction().rollback();
        }
        if (mode == SyncMode.OUTBOX) {
            long rows = factory.fromTransaction(s -> s.createNativeQuery("select count(*) from ometria_outbox where entity_id in ('"
                    + neverInserted + "', '" + kept + "', '" + notDeleted + "')", Long.class).getSingleResult());
            assertThat(rows).as("outbox rows of the rolled-back transaction").isZero();
        }

        // a change committed after the rollback: once it has arrived, anything the rollback had let through would have too
        factory.inTransaction(s -> s.persist(new SkuProduct(marker, sku(marker), "Marker", new BigDecimal("1.00"))));
        Eventually.await("the change committed after the rollback",
                () -> ometria.record("product", sku(marker)) != null && settled(factory, mode));
        assertThat(ometria.record("product", sku(neverInserted))).as("the rolled-back insert").isNull();
        assertOmetriaEqualsTheDatabase(factory, List.of(kept, notDeleted, marker), List.of());
    }

    /** Every listed product row equals its Ometria record; every listed deleted product is deactivated there. */
    private void assertOmetriaEqualsTheDatabase(SessionFactory factory, List<Long> present, List<Long> deleted) {
        for (long id : present) {
            SkuProduct row = factory.fromTransaction(s -> s.find(SkuProduct.class, id));
            assertThat(row).as("product %s in the database", id).isNotNull();
            JsonNode record = ometria.record("product", row.getSku());
            assertThat(record).as("product %s in Ometria", row.getSku()).isNotNull();
            assertThat(record.path("title").asText()).as("title of %s", row.getSku()).isEqualTo(row.getTitle());
            assertThat(record.path("price").decimalValue()).as("price of %s", row.getSku()).isEqualByComparingTo(row.getPrice());
            assertThat(record.path("is_active").asBoolean(true)).as("%s active", row.getSku()).isTrue();
        }
        for (long id : deleted) {
            SkuProduct row = factory.fromTransaction(s -> s.find(SkuProduct.class, id));
            assertThat(row).as("product %s in the database", id).isNull();
            JsonNode record = ometria.record("product", sku(id));
            assertThat(record.path("is_active").isBoolean() && !record.path("is_active").asBoolean())
                    .as("deleted product %s deactivated in Ometria: %s", sku(id), record).isTrue();
        }
    }

    /** Nothing waits any more: no pending outbox row, or nothing held by the direct-mode reader and pipeline. */
    private static boolean settled(SessionFactory factory, SyncMode mode) {
        OmetriaSync sync = OmetriaSync.of(factory);
        return mode == SyncMode.OUTBOX ? sync.pendingOutboxRows() == 0 : sync.flush(Duration.ofSeconds(1));
    }

    private static String sku(long id) {
        return "SL-" + id;
    }
}
