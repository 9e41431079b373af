package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox rows written in the business transaction by plain JDBC are exactly the rows Hibernate's own mapping of
 * {@link OutboxEntry} reads back: in the schema Hibernate is configured for, with every value — instants included —
 * as written, for a single row and for a batch of rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRowInsertTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void rowsWrittenInTheTransactionReadBackThroughTheMappingInTheConfiguredSchema(Database database) throws SQLException {
        Map<String, String> jdbc = new HashMap<>(database.createEmpty());
        try (Connection connection = Database.connect(jdbc);
                Statement statement = connection.createStatement()) {
            statement.execute("create schema shop");
        }
        jdbc.put("hibernate.default_schema", "shop");
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.RELAY_ENABLED.key(), "false"); // the rows stay where they were written

        try (SessionFactory factory = TestFactories.build(jdbc, settings, "create-drop", Customer.class)) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            factory.inTransaction(s -> s.persist(new Customer(1L, "one@example.com", "One", "A")));
            factory.inTransaction(s -> {
                s.persist(new Customer(2L, "two@example.com", "Two", "B"));
                s.persist(new Customer(3L, "three@example.com", "Three", "C"));
            });
            Instant after = Instant.now();

            List<OutboxEntry> rows = factory.fromTransaction(s -> s.createQuery(
                    "from " + OutboxEntry.ENTITY_NAME + " order by id", OutboxEntry.class).getResultList());
            assertThat(rows).extracting(OutboxEntry::getEntityId).containsExactly("1", "2", "3");
            assertThat(rows).extracting(OutboxEntry::getId).doesNotContainNull().doesNotHaveDuplicates();
            for (OutboxEntry row : rows) {
                assertThat(row.getOperation()).isEqualTo("INSERT");
                assertThat(row.getEntityName()).isEqualTo(Customer.class.getName());
                assertThat(row.getOmetriaType()).isEqualTo("contact");
                assertThat(row.getOmetriaCollection()).isEqualTo("webshop");
                assertThat(row.getOmetriaId()).isEqualTo(row.getEntityId());
                assertThat(row.getChangedProperties()).isNull(); // an insert sends the full record
                assertThat(row.getAttempts()).isZero();
                assertThat(row.getStatus()).isEqualTo(OutboxEntry.PENDING);
                assertThat(row.getLastError()).isNull();
                assertThat(row.getCreatedAt()).isBetween(before, after);
                // due at once: dated back by the clock tolerance, never later than the row's creation
                assertThat(row.getNextAttemptAt()).isBetween(before.minus(Duration.ofMinutes(1)),
                        row.getCreatedAt().minus(Duration.ofMinutes(1)));
            }

            // the rows are in the configured schema, not in the connection's default one
            long inShop = factory.fromTransaction(s -> ((Number) s.createNativeQuery(
                    "select count(*) from shop.ometria_outbox", Object.class).getSingleResult()).longValue());
            assertThat(inShop).isEqualTo(3);
        }
    }
}
