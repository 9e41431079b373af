package dev.ometriasync.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.bootcheck.shop.PaymentDeclinedException;
import dev.ometriasync.bootcheck.shop.ShopService;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.SyncMode;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop as a user runs it: a real Spring Boot context (Spring Data JPA, H2, the Hibernate ORM that Boot
 * brings), ometria-sync configured only through {@code spring.jpa.properties.ometria.*}, in outbox mode, pushing
 * over real HTTP to an {@link OmetriaSimulator} on a loopback port. After each business change, and only after
 * waiting (by polling, within a bound) for delivery, what the simulator holds must equal what the database holds,
 * record by record and field by field, with the expected records built from the rows by SQL.
 *
 * <p>The steps run in order on one shop, as a story: catalogue, sign-up, order with lines, line added, cancel,
 * a rolled-back change.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopSyncTest {

    private static final OmetriaSimulator OMETRIA = OmetriaSimulator.start();

    @DynamicPropertySource
    static void ometria(DynamicPropertyRegistry registry) {
        registry.add("spring.jpa.properties.ometria.api-key", OMETRIA::apiKey);
        registry.add("spring.jpa.properties.ometria.endpoint", () -> OMETRIA.baseUri().toString());
    }

    @Autowired
    ShopService shop;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcClient jdbc;

    private DatabaseRecords database;
    private OmetriaSync sync;
    private Long orderId;

    @BeforeAll
    void setUp() {
        database = new DatabaseRecords(jdbc);
        sync = OmetriaSync.of(entityManagerFactory);
    }

    @AfterAll
    void stopSimulator() {
        OMETRIA.close();
    }

    @Test
    @Order(0)
    void runsInOutboxModeOnTheSessionFactoryThatBootBuilt() {
        assertThat(sync.mode()).isEqualTo(SyncMode.OUTBOX);
    }

    @Test
    @Order(1)
    void catalogue() {
        shop.addProduct("SKU-TEA", "Earl Grey, 250 g", new BigDecimal("6.50"));
        shop.addProduct("SKU-MUG", "Stoneware mug", new BigDecimal("12.00"));
        shop.addProduct("SKU-POT", "Teapot, 1 l", new BigDecimal("34.99"));

        assertThat(database.products()).hasSize(3);
        awaitOmetriaHoldsTheDatabase("after the catalogue was created");
    }

    @Test
    @Order(2)
    void signUp() {
        shop.signUp("ACC-1", "ada@example.com", "Ada", "Lovelace", true);

        List<ObjectNode> contacts = database.contacts();
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).path("email").asText()).isEqualTo("ada@example.com");
        awaitOmetriaHoldsTheDatabase("after sign-up");
    }

    @Test
    @Order(3)
    void orderWithLines() {
        orderId = shop.placeOrder("ACC-1", quantities("SKU-TEA", 2, "SKU-MUG", 1));

        ObjectNode order = onlyOrder();
        assertThat(order.path("lineitems")).hasSize(2);
        assertThat(DatabaseRecords.decimal(order, "grand_total")).isEqualByComparingTo("25.00");
        awaitOmetriaHoldsTheDatabase("after the order with two lines");
    }

    @Test
    @Order(4)
    void lineAdded() {
        shop.addLine(orderId, "SKU-POT", 1);

        ObjectNode order = onlyOrder();
        assertThat(order.path("lineitems")).hasSize(3);
        assertThat(order.path("lineitems").get(2).path("product_id").asText()).isEqualTo("SKU-POT");
        assertThat(DatabaseRecords.decimal(order, "grand_total")).isEqualByComparingTo("59.99");
        awaitOmetriaHoldsTheDatabase("after a line was added to the order");
    }

    @Test
    @Order(5)
    void cancel() {
        shop.cancel(orderId);

        ObjectNode order = onlyOrder();
        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.path("is_valid").asBoolean()).isFalse();
        awaitOmetriaHoldsTheDatabase("after the order was cancelled");
    }

    @Test
    @Order(6)
    void rolledBackChange() {
        Eventually.await("the outbox to be empty before the rollback", () -> sync.pendingOutboxRows() == 0);
        Map<String, List<ObjectNode>> databaseBefore = database.all();
        Map<String, List<ObjectNode>> ometriaBefore = ometriaState();
        int pushesBefore = OMETRIA.pushRequestCount();

        // a new order with lines, the customer's tier and e-mail changed, all flushed; then the payment fails
        assertThatThrownBy(() -> shop.placeOrderAndCharge("ACC-1", quantities("SKU-POT", 3), true))
                .isInstanceOf(PaymentDeclinedException.class);

        assertThat(database.all()).as("the database after the rollback").isEqualTo(databaseBefore);
        assertThat(sync.pendingOutboxRows()).as("outbox rows committed by the rolled-back transaction").isZero();

        // A later committed change is the fence: once it has arrived, anything the rolled-back transaction might
        // have sent would have arrived before it (the outbox is the only way out, and it held nothing else).
        shop.addProduct("SKU-FENCE", "Gift card", new BigDecimal("25.00"));
        awaitOmetriaHoldsTheDatabase("after the rolled-back change and one committed product");
        Eventually.await("the outbox to be empty after the fence", () -> sync.pendingOutboxRows() == 0);

        List<RecordedRequest> since = OMETRIA.pushRequests().subList(pushesBefore, OMETRIA.pushRequestCount());
        List<String> idsSince = since.stream().flatMap(request -> request.ids().stream()).toList();
        assertThat(idsSince).as("record ids pushed since the rollback, in " + since).isNotEmpty().containsOnly("SKU-FENCE");
        assertThat(OMETRIA.pushRequests()).as("push bodies carrying the rolled-back e-mail or tier")
                .noneMatch(request -> request.body().contains("+vip@") || request.body().contains("\"gold\""));
        Map<String, List<ObjectNode>> ometriaAfter = ometriaState();
        ometriaAfter.get("product").removeIf(product -> product.path("id").asText().equals("SKU-FENCE"));
        assertThat(ometriaAfter).as("Ometria's records other than the fence product").isEqualTo(ometriaBefore);
    }

    /** Polls until Ometria holds exactly the database's records, then checks nothing was refused or dead-lettered. */
    private void awaitOmetriaHoldsTheDatabase(String when) {
        List<String> last = new ArrayList<>();
        try {
            Eventually.await("Ometria to hold what the database holds " + when, () -> {
                last.clear();
                last.addAll(differences());
                return last.isEmpty();
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; differences:\n  " + String.join("\n  ", last)
                    + "\npush requests: " + OMETRIA.pushRequests() + "\noutbox: " + sync.pendingOutboxRows()
                    + " pending, " + sync.deadOutboxRows() + " dead", timedOut);
        }
        assertThat(OMETRIA.errors()).as("records Ometria refused in validation (_errors)").isEmpty();
        assertThat(sync.deadOutboxRows()).as("dead outbox rows").isZero();
    }

    private List<String> differences() {
        List<String> differences = new ArrayList<>();
        database.all().forEach((type, expected) ->
                differences.addAll(RecordComparison.differences(type, expected, OMETRIA.records(type))));
        return differences;
    }

    private static Map<String, List<ObjectNode>> ometriaState() {
        Map<String, List<ObjectNode>> state = new LinkedHashMap<>();
        for (String type : List.of("product", "contact", "order", "custom_event")) {
            List<ObjectNode> records = new ArrayList<>(OMETRIA.records(type));
            records.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
            state.put(type, records);
        }
        return state;
    }

    private ObjectNode onlyOrder() {
        List<ObjectNode> orders = database.orders();
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    private static Map<String, Integer> quantities(Object... skuThenQuantity) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            map.put((String) skuThenQuantity[i], (Integer) skuThenQuantity[i + 1]);
        }
        return map;
    }
}
