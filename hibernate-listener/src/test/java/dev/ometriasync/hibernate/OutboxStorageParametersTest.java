package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SentRecords;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * When Hibernate creates the schema ({@code hibernate.hbm2ddl.auto}), the outbox table on PostgreSQL gets the storage
 * parameters of the shipped migration (room on each page for the relay's heap-only updates), in whatever schema the
 * table is; on other databases nothing extra runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxStorageParametersTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @Test
    void hibernatesSchemaExportGivesThePostgresqlOutboxTheShippedFillfactor() throws SQLException {
        Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
        try (SessionFactory factory = TestFactories.build(jdbc, TestFactories.ometriaSettings(ometria), "create-drop")) {
            assertThat(storageParameters(jdbc, "public")).containsExactly("fillfactor=70");
            sendsAContact(factory);
        }
    }

    @Test
    void theParametersGoToTheTableInTheDefaultSchema() throws SQLException {
        Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
        try (Connection connection = Database.connect(jdbc)) {
            connection.createStatement().execute("create schema shop");
        }
        Map<String, String> withSchema = new HashMap<>(jdbc);
        withSchema.put("hibernate.default_schema", "shop");
        try (SessionFactory factory = TestFactories.build(withSchema, TestFactories.ometriaSettings(ometria), "create-drop")) {
            assertThat(storageParameters(jdbc, "shop")).containsExactly("fillfactor=70");
            assertThat(storageParameters(jdbc, "public")).as("no outbox table outside the default schema").isNull();
            sendsAContact(factory);
        }
    }

    @Test
    void onH2TheSchemaExportRunsNothingExtra() {
        try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), TestFactories.ometriaSettings(ometria),
                "create-drop")) {
            sendsAContact(factory); // an alter table that H2 refuses would have left the export, and the outbox, broken
        }
    }

    private void sendsAContact(SessionFactory factory) {
        long id = System.nanoTime();
        factory.inTransaction(s -> s.persist(new Customer(id, "c" + id + "@example.com", "Ada", "Lovelace")));
        Eventually.await("contact " + id + " sent", () -> !SentRecords.of(ometria, "contact", "" + id).isEmpty());
    }

    /** @return the table's {@code reloptions}, or null when the table does not exist in that schema */
    private static List<String> storageParameters(Map<String, String> jdbc, String schema) throws SQLException {
        try (Connection connection = Database.connect(jdbc);
                var statement = connection.prepareStatement("select c.reloptions from pg_class c join pg_namespace n"
                        + " on n.oid = c.relnamespace where c.relname = 'ometria_outbox' and n.nspname = ?")) {
            statement.setString(1, schema);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                var options = rows.getArray(1);
                return options == null ? List.of() : List.of((String[]) options.getArray());
            }
        }
    }
}
