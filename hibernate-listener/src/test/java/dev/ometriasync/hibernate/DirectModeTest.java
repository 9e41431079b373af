package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.OrderLine;
import dev.ometriasync.hibernate.fixtures.PurchaseOrder;
import dev.ometriasync.hibernate.fixtures.SentRecords;
import dev.ometriasync.hibernate.fixtures.SkuProduct;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Direct mode (no outbox table): the same capture rules; records read from committed state after commit and queued. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectModeTest {

    private static final AtomicLong IDS = new AtomicLong(300_000);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(50).start();
    private final Map<Database, SessionFactory> factories = new EnumMap<>(Database.class);

    private SessionFactory factory(Database database) {
        return factories.computeIfAbsent(database, db -> {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.MODE.key(), "direct");
            settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
            return TestFactories.build(db.createEmpty(), settings, "create-drop");
        });
    }

    @AfterAll
    void close() {
        factories.values().forEach(SessionFactory::close);
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void insertUpdateAndRollback(Database database) {
        long id = IDS.incrementAndGet();
        factory(database).inTransaction(s -> s.persist(new Customer(id, "direct@example.com", "Di", "Rect")));
        Eventually.await("the insert", () -> SentRecords.of(ometria, "contact", "" + id).size() == 1);
        assertThat(SentRecords.of(ometria, "contact", "" + id).get(0)).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id
                        + "\",\"email\":\"direct@example.com\",\"firstname\":\"Di\",\"lastname\":\"Rect\"}"));

        factory(database).inTransaction(s -> s.find(Customer.class, id).setEmail(null));
        Eventually.await("the update", () -> SentRecords.of(ometria, "contact", "" + id).size() == 2);
        assertThat(SentRecords.of(ometria, "contact", "" + id).get(1)).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id + "\",\"email\":null}"));

        int before = ometria.pushRequestCount();
        try (var session = factory(database).openSession()) {
            session.beginTransaction();
            session.find(Customer.class, id).setFirstName("Never");
            session.flush();
            session.getTransaction().rollback();
        }
        long marker = IDS.incrementAndGet();
        factory(database).inTransaction(s -> s.persist(new Customer(marker, "marker@example.com", "Mark", "Er")));
        Eventually.await("the marker", () -> !SentRecords.of(ometria, "contact", "" + marker).isEmpty());
        List<RecordedRequest> after = ometria.pushRequests().subList(before, ometria.pushRequestCount());
        assertThat(SentRecords.of(after, "contact", "" + id)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void lineAddedThroughItsOwnerOnlyResendsAllLines(Database database) {
        String number = "DIR-" + IDS.incrementAndGet();
        long line1 = IDS.incrementAndGet();
        long line2 = IDS.incrementAndGet();
        factory(database).inTransaction(s -> {
            PurchaseOrder order = new PurchaseOrder(number, Instant.parse("2024-06-01T08:00:00Z"), new BigDecimal("12.50"), "EUR", "pending");
            s.persist(order);
            OrderLine line = new OrderLine(line1, "P-1", 1, new BigDecimal("12.50"));
            line.setOrder(order);
            order.getLines().add(line);
            s.persist(line);
        });
        Eventually.await("order " + number, () -> ometria.record("order", number) != null);

        factory(database).inTransaction(s -> {
            PurchaseOrder order = s.find(PurchaseOrder.class, number);
            order.getLines().size(); // the collection in memory is loaded and will not see the new line
            OrderLine line = new OrderLine(line2, "P-2", 3, new BigDecimal("1.00"));
            line.setOrder(order);
            s.persist(line);
        });

        Eventually.await("order " + number + " with 2 lines", () -> ometria.record("order", number).get("lineitems").size() == 2);
        assertThat(ometria.record("order", number).get("lineitems").findValuesAsText("product_id")).containsExactly("P-1", "P-2");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDeleteSendsWhatItsPolicyNeedsFromTheIdNotedInTheTransaction(Database database) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        long id = IDS.incrementAndGet();
        String sku = "SKU-DIRECT-" + id;
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop", SkuProduct.class)) {
            factory.inTransaction(s -> s.persist(new SkuProduct(id, sku, "Kettle", new BigDecimal("29.00"))));
            Eventually.await("the product", () -> ometria.record("product", sku) != null);

            factory.inTransaction(s -> s.remove(s.find(SkuProduct.class, id)));

            // the entity cannot be read after commit: the SKU noted in the transaction carries the delete policy
            Eventually.await("the product deactivated", () -> ometria.record("product", sku).has("is_active"));
            assertThat(ometria.record("product", sku).get("is_active").asBoolean()).isFalse();
            assertThat(ometria.record("product", sku).get("title").asText()).isEqualTo("Kettle");
        }
    }
}
