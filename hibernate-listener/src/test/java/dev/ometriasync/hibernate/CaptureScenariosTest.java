package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.OrderLine;
import dev.ometriasync.hibernate.fixtures.PurchaseOrder;
import dev.ometriasync.hibernate.fixtures.SentRecords;
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
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real Hibernate sessions on H2 and PostgreSQL, outbox mode, pushing over HTTP to the simulator: what each
 * kind of change sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureScenariosTest {

    private static final AtomicLong IDS = new AtomicLong(1000);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();
    private final Map<Database, SessionFactory> factories = new EnumMap<>(Database.class);

    private SessionFactory factory(Database database) {
        return factories.computeIfAbsent(database, db ->
                TestFactories.build(db.createEmpty(), settings(), "create-drop"));
    }

    private Map<String, String> settings() {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        return settings;
    }

    @AfterAll
    void close() {
        factories.values().forEach(SessionFactory::close);
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void insertSendsTheFullRecord(Database database) {
        long id = IDS.incrementAndGet();
        factory(database).inTransaction(s -> s.persist(new Customer(id, "ada@example.com", "Ada", "Lovelace")));

        JsonNode sent = awaitSent("contact", id);
        assertThat(sent).isEqualTo(SentRecords.parse("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id
                + "\",\"email\":\"ada@example.com\",\"firstname\":\"Ada\",\"lastname\":\"Lovelace\"}"));
        awaitOutboxEmpty(database);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void updateOfOneMappedFieldSendsOnlyThatField(Database database) {
        long id = createDeliveredCustomer(database);

        factory(database).inTransaction(s -> s.find(Customer.class, id).setFirstName("Grace"));

        Eventually.await("the update of " + id, () -> SentRecords.of(ometria, "contact", "" + id).size() == 2);
        assertThat(SentRecords.of(ometria, "contact", "" + id).get(1)).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id + "\",\"firstname\":\"Grace\"}"));
        assertThat(ometria.contact("webshop", "" + id).get("lastname").asText()).isEqualTo("Lovelace");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void fieldSetToNullIsSentAsJsonNull(Database database) {
        long id = createDeliveredCustomer(database);

        factory(database).inTransaction(s -> s.find(Customer.class, id).setLastName(null));

        Eventually.await("the update of " + id, () -> SentRecords.of(ometria, "contact", "" + id).size() == 2);
        JsonNode partial = SentRecords.of(ometria, "contact", "" + id).get(1);
        assertThat(partial).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id + "\",\"lastname\":null}"));
        assertThat(partial.get("lastname").isNull()).isTrue();
        assertThat(ometria.contact("webshop", "" + id).has("lastname")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void updateOfUnmappedFieldSendsNothing(Database database) {
        long id = createDeliveredCustomer(database);
        int before = ometria.pushRequests().size();

        factory(database).inTransaction(s -> s.find(Customer.class, id).setInternalNote("called twice"));
        long marker = createDeliveredCustomer(database); // sent after anything the update could have written

        List<RecordedRequest> after = ometria.pushRequests().subList(before, ometria.pushRequests().size());
        assertThat(SentRecords.of(after, "contact", "" + marker)).hasSize(1);
        assertThat(SentRecords.of(after, "contact", "" + id)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void rolledBackTransactionSendsNothing(Database database) {
        long id = IDS.incrementAndGet();
        int before = ometria.pushRequests().size();

        try (var session = factory(database).openSession()) {
            session.beginTransaction();
            session.persist(new Customer(id, "gone@example.com", "Roll", "Back"));
            session.flush(); // the insert reached the database and fired the listeners
            session.getTransaction().rollback();
        }
        long marker = createDeliveredCustomer(database);

        List<RecordedRequest> after = ometria.pushRequests().subList(before, ometria.pushRequests().size());
        assertThat(SentRecords.of(after, "contact", "" + marker)).hasSize(1);
        assertThat(SentRecords.of(after, "contact", "" + id)).isEmpty();
        assertThat(ometria.contact("webshop", "" + id)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void addingALineResendsTheOrderWithAllLines(Database database) {
        String number = "ORD-" + IDS.incrementAndGet();
        long line1 = IDS.incrementAndGet();
        long line2 = IDS.incrementAndGet();
        long line3 = IDS.incrementAndGet();
        factory(database).inTransaction(s -> {
            PurchaseOrder order = new PurchaseOrder(number, Instant.parse("2024-05-01T10:00:00Z"), new BigDecimal("30.00"), "GBP", "pending");
            s.persist(order);
            OrderLine line = new OrderLine(line1, "P-1", 1, new BigDecimal("10.00"));
            line.setOrder(order);
            order.getLines().add(line);
            s.persist(line);
        });
        Eventually.await("order " + number, () -> lineCount(ometria.record("order", number)) == 1);
        awaitOutboxEmpty(database);

        // only the owning side is set: the order's collection in memory never sees the new line
        factory(database).inTransaction(s -> {
            OrderLine line = new OrderLine(line2, "P-2", 2, new BigDecimal("5.00"));
            line.setOrder(s.getReference(PurchaseOrder.class, number));
            s.persist(line);
        });
        Eventually.await("order " + number + " with 2 lines", () -> lineCount(ometria.record("order", number)) == 2);
        List<JsonNode> sent = SentRecords.of(ometria, "order", number);
        JsonNode resent = sent.get(sent.size() - 1);
        assertThat(resent.get("lineitems").findValuesAsText("product_id")).containsExactly("P-1", "P-2");
        assertThat(resent.has("status")).isFalse(); // a partial record: the lines only

        // both sides set, through a loaded order
        factory(database).inTransaction(s -> {
            PurchaseOrder order = s.find(PurchaseOrder.class, number);
            OrderLine line = new OrderLine(line3, "P-3", 1, new BigDecimal("5.00"));
            line.setOrder(order);
            order.getLines().add(line);
            s.persist(line);
        });
        Eventually.await("order " + number + " with 3 lines", () -> lineCount(ometria.record("order", number)) == 3);
        assertThat(ometria.record("order", number).get("lineitems").findValuesAsText("product_id")).containsExactly("P-1", "P-2", "P-3");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void statelessSessionInsertSendsTheFullRecord(Database database) {
        long id = IDS.incrementAndGet();
        try (StatelessSession session = factory(database).openStatelessSession()) {
            session.beginTransaction();
            session.insert(new Customer(id, "stateless@example.com", "State", "Less"));
            session.getTransaction().commit();
        }

        JsonNode sent = awaitSent("contact", id);
        assertThat(sent).isEqualTo(SentRecords.parse("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id
                + "\",\"email\":\"stateless@example.com\",\"firstname\":\"State\",\"lastname\":\"Less\"}"));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void deletedOrderIsDeactivatedUnderItsPolicy(Database database) {
        String number = "ORD-" + IDS.incrementAndGet();
        factory(database).inTransaction(s -> s.persist(
                new PurchaseOrder(number, Instant.parse("2024-05-01T10:00:00Z"), new BigDecimal("9.99"), "GBP", "complete")));
        Eventually.await("order " + number, () -> ometria.record("order", number) != null);

        factory(database).inTransaction(s -> s.remove(s.find(PurchaseOrder.class, number)));

        Eventually.await("the deactivation of " + number, () -> ometria.record("order", number).has("is_valid"));
        List<JsonNode> sent = SentRecords.of(ometria, "order", number);
        assertThat(sent.get(sent.size() - 1)).isEqualTo(SentRecords.parse("{\"@type\":\"order\",\"id\":\"" + number + "\",\"is_valid\":false}"));
        assertThat(ometria.record("order", number).get("status").asText()).isEqualTo("complete");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void touchSendsTheCurrentStateAfterABulkUpdate(Database database) {
        long id = createDeliveredCustomer(database);

        factory(database).inTransaction(s -> {
            s.createMutationQuery("update Customer c set c.firstName = 'Bulk' where c.id = :id").setParameter("id", id).executeUpdate();
            OmetriaSync.of(factory(database)).touch(s, Customer.class, id);
        });

        Eventually.await("the touch of " + id, () -> SentRecords.of(ometria, "contact", "" + id).size() == 2);
        assertThat(SentRecords.of(ometria, "contact", "" + id).get(1).get("firstname").asText()).isEqualTo("Bulk");
        assertThat(ometria.contact("webshop", "" + id).get("firstname").asText()).isEqualTo("Bulk");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aTransactionNestedOnTheSameThreadKeepsItsChangesApartFromTheOuterOne(Database database) {
        // REQUIRES_NEW: the outer transaction waits on the thread while an inner one, in another session, commits;
        // then the outer one rolls back. The inner change is sent, the outer one is not.
        long outer = createDeliveredCustomer(database);
        long inner = createDeliveredCustomer(database);

        try (var outerSession = factory(database).openSession()) {
            outerSession.beginTransaction();
            outerSession.find(Customer.class, outer).setFirstName("Outer");
            outerSession.flush();
            factory(database).inTransaction(innerSession -> innerSession.find(Customer.class, inner).setLastName("Inner"));
            outerSession.find(Customer.class, outer).setEmail("outer@example.com");
            outerSession.flush();
            outerSession.getTransaction().rollback();
        }
        long marker = createDeliveredCustomer(database); // sent after anything the outer transaction could have written

        assertThat(SentRecords.of(ometria, "contact", "" + inner)).hasSize(2);
        assertThat(SentRecords.of(ometria, "contact", "" + inner).get(1)).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + inner + "\",\"lastname\":\"Inner\"}"));
        assertThat(SentRecords.of(ometria, "contact", "" + outer)).as("the rolled-back outer change, before marker %s", marker)
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSessionHandedToAnotherThreadMidTransactionKeepsEveryChange(Database database) throws Exception {
        long id = createDeliveredCustomer(database);

        try (var session = factory(database).openSession()) {
            session.beginTransaction();
            session.find(Customer.class, id).setFirstName("Handed");
            session.flush();
            Thread other = new Thread(() -> {
                session.find(Customer.class, id).setLastName("Over");
                session.flush();
            });
            other.start();
            other.join();
            session.find(Customer.class, id).setEmail("handed@example.com");
            session.getTransaction().commit();
        }

        Eventually.await("the update of " + id, () -> SentRecords.of(ometria, "contact", "" + id).size() == 2);
        assertThat(SentRecords.of(ometria, "contact", "" + id).get(1)).isEqualTo(SentRecords.parse(
                "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"" + id
                        + "\",\"email\":\"handed@example.com\",\"firstname\":\"Handed\",\"lastname\":\"Over\"}"));
    }

    private long createDeliveredCustomer(Database database) {
        long id = IDS.incrementAndGet();
        factory(database).inTransaction(s -> s.persist(new Customer(id, "c" + id + "@example.com", "Ada", "Lovelace")));
        awaitSent("contact", id);
        awaitOutboxEmpty(database);
        return id;
    }

    private JsonNode awaitSent(String type, long id) {
        Eventually.await(type + " " + id + " sent", () -> !SentRecords.of(ometria, type, "" + id).isEmpty());
        return SentRecords.of(ometria, type, "" + id).get(0);
    }

    private void awaitOutboxEmpty(Database database) {
        OmetriaSync sync = OmetriaSync.of(factory(database));
        Eventually.await("an empty outbox", () -> sync.pendingOutboxRows() == 0);
    }

    private static int lineCount(JsonNode order) {
        return order == null || !order.has("lineitems") ? -1 : order.get("lineitems").size();
    }
}
