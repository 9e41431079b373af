package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.CatalogProduct;
import dev.ometriasync.hibernate.backfill.fixtures.CheckpointRows;
import dev.ometriasync.hibernate.backfill.fixtures.Pushes;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.PurchaseOrder;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Filters, rejections, stopping, restarting and the checkpoint table, on H2 against the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillBehaviourTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();

    @BeforeEach
    void resetSimulator() {
        ometria.reset();
    }

    @AfterAll
    void close() {
        ometria.close();
    }

    /** A SessionFactory on a fresh H2 database with 300 products, 200 customers, 200 orders (one line each) and 30 custom events. */
    private SessionFactory seededFactory(Map<String, String> database) {
        SessionFactory factory = BackfillFactories.build(database, BackfillFactories.settings(ometria, 1_000), "create");
        try (Seeder seeder = Seeder.open(database)) {
            seeder.products(1, 300).customers(1, 200, 10).orders(200, 1).events(1, 30);
        }
        return factory;
    }

    @Test
    void changedSinceSendsOnlyRowsChangedSinceThenByTheAttributeEachTypeNames() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable()
                    .types(RecordType.PRODUCT, RecordType.ORDER)
                    .changedSince(Seeder.BASE.plus(150, ChronoUnit.MINUTES))
                    .changedSinceAttribute(CatalogProduct.class, "updatedAt")
                    .changedSinceAttribute(PurchaseOrder.class, "placedAt")
                    .run();

            assertThat(summary.complete()).isTrue();
            assertThat(Pushes.ids(ometria.pushRequests(), "product"))
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(150, 300).mapToObj(Long::toString).toList());
            assertThat(Pushes.ids(ometria.pushRequests(), "order"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(150, 200).mapToObj(Seeder::orderNumber).toList());
            assertThat(ometria.recordCount("contact")).isZero();
        }
    }

    @Test
    void changedSinceRefusesToStartWhenATypeNamesNoAttributeAndSaysHowToFixIt() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            OmetriaBackfill backfill = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable()
                    .changedSince(Seeder.BASE)
                    .changedSinceAttribute(CatalogProduct.class, "updatedAt")
                    .changedSinceAttribute(PurchaseOrder.class, "placedOn");

            assertThatThrownBy(backfill::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dev.ometriasync.hibernate.fixtures.Customer has no changed-since attribute")
                    .hasMessageContaining("changedSinceAttribute(Customer.class, \"updatedAt\")")
                    .hasMessageContaining("'placedOn' does not name an attribute");
            assertThat(ometria.pushRequestCount()).isZero();
        }
    }

    @Test
    void customEventsAreSentOnlyWhenAskedFor() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable()
                    .types(RecordType.CUSTOM_EVENT).run();

            assertThat(summary.accepted()).isEqualTo(30);
            assertThat(ometria.recordCount("custom_event")).isEqualTo(30);
            assertThat(ometria.record("custom_event", "7").get("event_type").asText()).isEqualTo("wishlist_add");
            assertThat(ometria.recordCount("product") + ometria.recordCount("contact") + ometria.recordCount("order")).isZero();
        }
    }

    @Test
    void entitiesRestrictsTheBackfillToTheNamedClasses() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().entities(Customer.class).run();

            assertThat(summary.types()).extracting(BackfillSummary.TypeResult::entityName)
                    .containsExactly(Customer.class.getName());
            assertThat(ometria.recordCount("contact")).isEqualTo(200);
            assertThat(ometria.recordCount("product")).isZero();
        }
    }

    @Test
    void rejectedRecordsAreCountedAndListedWithReasonsAndTheBackfillGoesOn() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        ometria.rejectRequestsWithRecord(record -> "product".equals(record.path("@type").asText()) && "123".equals(record.path("id").asText()));
        try (SessionFactory factory = seededFactory(jdbc)) {
            BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().run();

            assertThat(summary.complete()).isTrue();
            assertThat(summary.rejected()).isPositive();
            assertThat(summary.accepted() + summary.rejected()).isEqualTo(700);
            assertThat(summary.rejections()).hasSize((int) summary.rejected());
            assertThat(summary.rejections()).anySatisfy(rejection -> {
                assertThat(rejection.entityName()).isEqualTo(CatalogProduct.class.getName());
                assertThat(rejection.entityId()).isEqualTo("123");
                assertThat(rejection.status()).isEqualTo(Outcome.Status.REJECTED);
                assertThat(rejection.reason()).contains("400");
            });
            assertThat(ometria.recordCount("contact")).as("later types are still sent").isEqualTo(200);
            CheckpointRows.Row products = CheckpointRows.of(jdbc, OmetriaBackfill.DEFAULT_NAME).get("CatalogProduct");
            assertThat(products.status()).isEqualTo("DONE");
            assertThat(products.rejected()).isEqualTo(summary.rejected());
        }
    }

    @Test
    void closingTheSessionFactoryStopsTheBackfillAndLeavesTheCheckpointAtTheLastConfirmedChunk() throws Exception {
        Map<String, String> jdbc = Database.H2.createEmpty();
        ometria.failRequestsWithRecord(record -> "contact".equals(record.path("@type").asText()) && "101".equals(record.path("id").asText()),
                Fault.hold());
        SessionFactory factory = seededFactory(jdbc);
        CompletableFuture<BackfillSummary> backfill = CompletableFuture.supplyAsync(() ->
                OmetriaBackfill.forSessionFactory(factory).chunkSize(100).createCheckpointTable().run());
        assertThat(ometria.awaitHeldRequests(1, Duration.ofSeconds(60))).isTrue();

        factory.close(); // the pipeline closes: the held chunk's records come back abandoned
        ometria.clearFaults();
        BackfillSummary summary = backfill.get(60, TimeUnit.SECONDS);

        assertThat(summary.complete()).isFalse();
        assertThat(summary.stopReason()).contains("unsent");
        assertThat(summary.types()).extracting(BackfillSummary.TypeResult::status).containsExactly(
                BackfillSummary.TypeStatus.COMPLETED, BackfillSummary.TypeStatus.STOPPED, BackfillSummary.TypeStatus.NOT_STARTED);
        CheckpointRows.Row customers = CheckpointRows.of(jdbc, OmetriaBackfill.DEFAULT_NAME).get("Customer");
        assertThat(customers.lastId()).isEqualTo("100");
        assertThat(customers.status()).isEqualTo("RUNNING");
    }

    @Test
    void aFinishedBackfillStartsOverWhenRunAgain() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().entities(Customer.class).run();
            BackfillSummary again = OmetriaBackfill.forSessionFactory(factory).entities(Customer.class).run();

            assertThat(again.sent()).isEqualTo(200);
            assertThat(again.types().get(0).resumedAfterId()).isNull();
            assertThat(Pushes.ids(ometria.pushRequests(), "contact")).hasSize(400);
        }
    }

    @Test
    void aStoppedBackfillResumesOnlyWithTheSameFilterOrStartsOverWithRestart() throws Exception {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().entities(CatalogProduct.class).chunkSize(60).run();
            // as if that backfill had stopped after id 120
            try (Connection c = DriverManager.getConnection(jdbc.get("hibernate.connection.url"), "sa", "");
                 Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update ometria_backfill_checkpoint set status = 'RUNNING', last_id = '120'")).isEqualTo(1);
            }
            OmetriaBackfill filtered = OmetriaBackfill.forSessionFactory(factory).entities(CatalogProduct.class)
                    .changedSince(Seeder.BASE).changedSinceAttribute(CatalogProduct.class, "updatedAt");
            assertThatThrownBy(filtered::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another filter").hasMessageContaining("restart()");

            int before = ometria.pushRequestCount();
            BackfillSummary resumed = OmetriaBackfill.forSessionFactory(factory).entities(CatalogProduct.class).run();
            assertThat(resumed.types().get(0).resumedAfterId()).isEqualTo("120");
            assertThat(Pushes.ids(ometria.pushRequests().subList(before, ometria.pushRequestCount()), "product"))
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(121, 300).mapToObj(Long::toString).toList());

            try (Connection c = DriverManager.getConnection(jdbc.get("hibernate.connection.url"), "sa", "");
                 Statement s = c.createStatement()) {
                s.executeUpdate("update ometria_backfill_checkpoint set status = 'RUNNING', last_id = '120'");
            }
            BackfillSummary restarted = filtered.restart().run();
            assertThat(restarted.types().get(0).resumedAfterId()).isNull();
            assertThat(restarted.sent()).isEqualTo(300);
        }
    }

    @Test
    void aChangedSinceAttributeMustBeADateOrTime() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            OmetriaBackfill backfill = OmetriaBackfill.forSessionFactory(factory).createCheckpointTable().entities(Customer.class)
                    .changedSince(Seeder.BASE).changedSinceAttribute(Customer.class, "email");
            assertThatThrownBy(backfill::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'email' is a java.lang.String; it must be an Instant, OffsetDateTime");
        }
    }

    @Test
    void theCheckpointTableMustExistUnlessTheBackfillMayCreateItAndTheErrorCarriesItsDdl() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory factory = seededFactory(jdbc)) {
            assertThatThrownBy(() -> OmetriaBackfill.forSessionFactory(factory).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ometria_backfill_checkpoint")
                    .hasMessageContaining("from db/ometria-sync/flyway/h2/R__ometria_sync_tables.sql")
                    .hasMessageContaining("create table if not exists ometria_backfill_checkpoint (")
                    .hasMessageContaining("createCheckpointTable()");
            assertThat(ometria.pushRequestCount()).isZero();
            assertThat(OmetriaBackfill.checkpointDdl(factory)).startsWith("create table if not exists ometria_backfill_checkpoint (")
                    .contains("primary key (backfill_name, entity_name)").endsWith(");")
                    .doesNotContain("ometria_outbox").doesNotContain("--");
        }
    }

    @Test
    void aSessionFactoryWithoutTheIntegrationIsRefusedWithAClearMessage() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        try (SessionFactory plain = BackfillFactories.build(jdbc, Map.of(), "create")) {
            assertThatThrownBy(() -> OmetriaBackfill.forSessionFactory(plain)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(OmetriaSettings.API_KEY.key());
        }
    }
}
