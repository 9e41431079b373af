package dev.ometriasync.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample's default flow end to end, in process, against a simulator over real HTTP, and checks
 * what it printed against what the simulator and the database really hold.
 */
class SampleAppTest {

    private static OmetriaSimulator ometria;
    private static ShopDatabase database;
    private static String output;
    private static int status;

    @BeforeAll
    static void runTheSample() {
        ometria = OmetriaSimulator.builder().https(false).start();
        database = ShopDatabase.inMemory();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            status = SampleApp.run(OmetriaTarget.simulated(ometria), database, HistoricData.Size.DEFAULT, false,
                    new ByteArrayInputStream(new byte[0]), out);
        }
        output = console.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        ometria.close();
    }

    @Test
    void exitsWithSuccessAndSaysItVerifiedEveryEntity() {
        assertThat(status).as(output).isZero();
        assertThat(output)
                .contains("Ometria: in-process OmetriaSimulator at " + ometria.baseUri())
                .contains("820 records imported")
                .contains("VERIFIED: Ometria's state equals the database for every synced entity.")
                .doesNotContain("NOT VERIFIED")
                .doesNotContain("DIFFERS");
        assertThat(output).containsPattern("Product +120 rows, +120 product records in Ometria: all identical")
                .containsPattern("Customer +301 rows, +301 contact records in Ometria: all identical")
                .containsPattern("PurchaseOrder +401 rows, +401 order records in Ometria: all identical")
                .containsPattern("WishlistEvent +1 rows, +1 custom_event records in Ometria: all identical");
    }

    @Test
    void reportMatchesTheSimulatorsRequestLog() {
        long accepted = ometria.pushRequests().stream().filter(r -> r.status() == 200).count();
        int records = ometria.pushRequests().stream().filter(r -> r.status() == 200).mapToInt(RecordedRequest::recordCount).sum();
        Matcher importLine = Pattern.compile("historic import: +(\\d+) push requests: (\\d+) accepted \\((\\d+) records").matcher(output);
        Matcher liveLine = Pattern.compile("live changes: +(\\d+) push requests: (\\d+) accepted \\((\\d+) records.*, (\\d+) answered 429")
                .matcher(output);
        assertThat(importLine.find()).as(output).isTrue();
        assertThat(liveLine.find()).as(output).isTrue();

        assertThat(Integer.parseInt(importLine.group(1)) + Integer.parseInt(liveLine.group(1))).isEqualTo(ometria.pushRequestCount());
        assertThat(Integer.parseInt(importLine.group(2)) + Integer.parseInt(liveLine.group(2))).isEqualTo(accepted);
        assertThat(Integer.parseInt(importLine.group(3))).isEqualTo(820);
        assertThat(Integer.parseInt(importLine.group(3)) + Integer.parseInt(liveLine.group(3))).isEqualTo(records);
        // The sample makes the simulator answer one push with 429; the pipeline retried it.
        assertThat(Integer.parseInt(liveLine.group(4))).isEqualTo(1).isEqualTo(ometria.rateLimitedCount());
        assertThat(output).contains("records refused by Ometria's validation: 0");
        assertThat(ometria.errors()).isEmpty();
        assertThat(output).contains("outbox: 0 pending, 0 dead");
    }

    @Test
    void theBackfillImportsProductsThenContactsThenOrders() {
        assertThat(output).contains("Backfill 'default' complete: 820 records sent, 820 accepted, 0 rejected");
        List<String> order = List.of("product", "contact", "order");
        List<Integer> typeIndexes = ometria.pushRequests().stream().filter(r -> r.status() == 200).limit(9)
                .map(r -> order.indexOf(r.types().iterator().next())).toList();
        assertThat(typeIndexes).isSorted().contains(0, 1, 2);
    }

    @Test
    void everyRequestCarriesOneTypeAndAtMostAHundredRecords() {
        assertThat(ometria.pushRequests()).allSatisfy(request -> {
            assertThat(request.recordCount()).isBetween(1, 100);
            assertThat(request.types()).hasSize(1);
        });
        // 820 historic records need at least 9 requests of at most 100.
        assertThat(ometria.pushRequests().stream().filter(r -> r.status() == 200).count()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void liveChangesReachedOmetria() throws SQLException {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "sa", ""); Statement sql = db.createStatement()) {
            long grace = single(sql, "select id from customer where email = 'grace.hopper@example.com'");
            assertThat(ometria.contact("sample-shop", Long.toString(grace)).get("firstname").asText()).isEqualTo("Grace");

            long changed = single(sql, "select id from customer where email like 'new.address.%@example.org'");
            assertThat(ometria.contact("sample-shop", Long.toString(changed)).get("email").asText())
                    .isEqualTo("new.address." + changed + "@example.org");
            // Each of that customer's orders carries the new address too (re-sent with OmetriaSync.touch).
            try (ResultSet orders = sql.executeQuery("select id from purchase_order where customer_id = " + changed)) {
                int count = 0;
                while (orders.next()) {
                    count++;
                    assertThat(ometria.record("order", orders.getString(1)).get("customer").get("email").asText())
                            .isEqualTo("new.address." + changed + "@example.org");
                }
                assertThat(count).isPositive();
            }

            long cancelled = single(sql, "select id from purchase_order where status = 'CANCELLED'");
            assertThat(ometria.record("order", Long.toString(cancelled)).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(ometria.record("order", Long.toString(cancelled)).get("is_valid").asBoolean()).isFalse();

            long graceOrder = single(sql, "select id from purchase_order where customer_id = " + grace);
            assertThat(ometria.record("order", Long.toString(graceOrder)).get("customer").get("email").asText())
                    .isEqualTo("grace.hopper@example.com");

            long event = single(sql, "select id from wishlistevent");
            assertThat(ometria.record("custom_event", Long.toString(event)).get("event_type").asText()).isEqualTo("wishlist_added");
        }
    }

    @Test
    void orderWithAnAddedLineCarriesEveryLineAndTheNewTotal() throws SQLException {
        Matcher lineAdded = Pattern.compile("line added: order (\\d+) gets one more line").matcher(output);
        assertThat(lineAdded.find()).isTrue();
        String orderId = lineAdded.group(1);
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "sa", ""); Statement sql = db.createStatement()) {
            long lines = single(sql, "select count(*) from orderline where order_id = " + orderId);
            assertThat(ometria.record("order", orderId).get("lineitems")).hasSize((int) lines);
            try (ResultSet total = sql.executeQuery("select grandTotal from purchase_order where id = " + orderId)) {
                total.next();
                assertThat(ometria.record("order", orderId).get("grand_total").decimalValue()).isEqualByComparingTo(total.getBigDecimal(1));
            }
        }
    }

    @Test
    void theRolledBackChangeWasNeverSent() throws SQLException {
        Matcher rolledBack = Pattern.compile("rolled back: product (SKU-\\d+) price set to 1.00").matcher(output);
        assertThat(rolledBack.find()).isTrue();
        String sku = rolledBack.group(1);
        assertThat(output).contains("push requests carrying " + sku + " since the rollback: 0");
        // Sent once, by the historic import, and never again.
        assertThat(ometria.pushRequests().stream().filter(r -> r.status() == 200 && r.ids().contains(sku))).hasSize(1);
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "sa", ""); Statement sql = db.createStatement();
             ResultSet price = sql.executeQuery("select price from product where sku = '" + sku + "'")) {
            price.next();
            assertThat(price.getBigDecimal(1)).isNotEqualByComparingTo("1.00");
            assertThat(ometria.record("product", sku).get("price").decimalValue()).isEqualByComparingTo(price.getBigDecimal(1));
        }
    }

    @Test
    void verificationFindsARowChangedBehindTheIntegrationsBack() throws SQLException {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "sa", ""); Statement sql = db.createStatement()) {
            // A bulk SQL update: Hibernate never sees it, so ometria-sync cannot send it (OmetriaSync.touch exists for this).
            assertThat(sql.executeUpdate("update product set title = title || ' (renamed by SQL)' where sku = 'SKU-0010'")).isOne();
            try (SessionFactory factory = database.openExistingWithoutSync()) {
                Map<Class<?>, StateComparison.TypeResult> results = new StateComparison(factory, ometria).compareAll();
                assertThat(results.get(Product.class).mismatches()).singleElement().satisfies(mismatch -> {
                    assertThat(mismatch.id()).isEqualTo("SKU-0010");
                    assertThat(mismatch.differences()).containsExactly("title");
                });
                assertThat(results.get(Product.class).allMatch()).isFalse();
                assertThat(results.get(Customer.class).allMatch()).isTrue();
                assertThat(results.get(PurchaseOrder.class).allMatch()).isTrue();
            } finally {
                sql.executeUpdate("update product set title = replace(title, ' (renamed by SQL)', '') where sku = 'SKU-0010'");
            }
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            long value = rows.getLong(1);
            assertThat(rows.next()).as("more than one row for " + query).isFalse();
            return value;
        }
    }
}
