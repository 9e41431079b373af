package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeStatus;
import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.CheckpointRows;
import dev.ometriasync.hibernate.backfill.fixtures.Pushes;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.backfill.fixtures.SqlCounter;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 10,000 existing rows (2,000 products, 5,000 contacts, 3,000 orders with two lines each, plus custom events that
 * are left out by default) on H2 and PostgreSQL, backfilled through the integration's pipeline to the simulator
 * over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillDeliveryTest {

    private static final int PRODUCTS = 2_000;
    private static final int CUSTOMERS = 5_000;
    private static final int ORDERS = 3_000;
    private static final int TOTAL = PRODUCTS + CUSTOMERS + ORDERS;

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyRowArrivesOnceInFullRequestsOfOneTypeProductsThenContactsThenOrders(Database database) {
        ometria.reset();
        Map<String, String> jdbc = database.createEmpty();
        try (SessionFactory factory = BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "create")) {
            try (Seeder seeder = Seeder.open(jdbc)) {
                seeder.products(1, PRODUCTS).customers(1, CUSTOMERS, 20).orders(ORDERS, 2).events(1, 50);
            }
            SqlCounter.reset();
            List<BackfillProgress> progress = new ArrayList<>();

            BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().progress(progress::add).run();

            assertThat(summary.complete()).as(summary.toString()).isTrue();
            assertThat(summary.sent()).isEqualTo(TOTAL);
            assertThat(summary.accepted()).isEqualTo(TOTAL);
            assertThat(summary.rejected()).isZero();
            assertThat(summary.types()).extracting(BackfillSummary.TypeResult::recordType, BackfillSummary.TypeResult::status,
                    BackfillSummary.TypeResult::accepted).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(RecordType.PRODUCT, TypeStatus.COMPLETED, (long) PRODUCTS),
                    org.assertj.core.groups.Tuple.tuple(RecordType.CONTACT, TypeStatus.COMPLETED, (long) CUSTOMERS),
                    org.assertj.core.groups.Tuple.tuple(RecordType.ORDER, TypeStatus.COMPLETED, (long) ORDERS));

            // the request log: at least 100 requests, none over 100 records, one type each, products → contacts → orders
            List<RecordedRequest> pushes = ometria.pushRequests();
            assertThat(pushes).hasSizeGreaterThanOrEqualTo(100);
            assertThat(pushes).allSatisfy(request -> {
                assertThat(request.status()).isEqualTo(200);
                assertThat(request.recordCount()).isBetween(1, 100);
                assertThat(request.types()).hasSize(1);
            });
            List<String> typeSequence = pushes.stream().map(r -> r.types().iterator().next()).distinct().toList();
            assertThat(typeSequence).containsExactly("product", "contact", "order");

            // every row exactly once
            assertThat(Pushes.ids(pushes, "product")).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, PRODUCTS).mapToObj(Long::toString).toList());
            assertThat(Pushes.ids(pushes, "contact")).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, CUSTOMERS).mapToObj(Long::toString).toList());
            assertThat(Pushes.ids(pushes, "order")).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, ORDERS).mapToObj(Seeder::orderNumber).toList());
            assertThat(ometria.recordCount("custom_event")).as("custom events are not backfilled unless asked for").isZero();

            // full records with their nested line items, as the serializers write them
            JsonNode product = ometria.record("product", "1234");
            assertThat(product.get("title").asText()).isEqualTo("Product 1234");
            assertThat(product.get("price").decimalValue()).isEqualByComparingTo("34.99");
            assertThat(ometria.contact("webshop", "4321").get("email").asText()).isEqualTo(Seeder.email(4321));
            JsonNode order = ometria.record("order", Seeder.orderNumber(2345));
            assertThat(order.get("currency").asText()).isEqualTo("GBP");
            assertThat(order.get("lineitems").findValuesAsText("product_id")).containsExactly("1", "2");

            // the line items of an order chunk are loaded in batches, not once per order
            int orderChunks = ORDERS / OmetriaBackfill.DEFAULT_CHUNK_SIZE;
            assertThat(SqlCounter.orderLineReads()).as("queries on the order-line table").isBetween(1, orderChunks);

            // progress: announced total first, then monotone, ending at the total
            assertThat(progress.get(0).done()).isZero();
            assertThat(progress.get(0).total()).isEqualTo(TOTAL);
            assertThat(progress).extracting(BackfillProgress::done).isSorted();
            assertThat(progress.get(progress.size() - 1).done()).isEqualTo(TOTAL);
            assertThat(progress).hasSize(1 + TOTAL / OmetriaBackfill.DEFAULT_CHUNK_SIZE);

            // the checkpoint says done, with the counts
            Map<String, CheckpointRows.Row> checkpoint = CheckpointRows.of(jdbc, OmetriaBackfill.DEFAULT_NAME);
            assertThat(checkpoint.get("Customer")).isEqualTo(new CheckpointRows.Row(
                    "dev.ometriasync.hibernate.fixtures.Customer", "5000", "DONE", CUSTOMERS, CUSTOMERS, 0));
            assertThat(checkpoint.get("PurchaseOrder").lastId()).isEqualTo(Seeder.orderNumber(ORDERS));
            assertThat(checkpoint.get("CatalogProduct").status()).isEqualTo("DONE");
            assertThat(checkpoint).doesNotContainKey("WishlistEvent");
        }
    }
}
