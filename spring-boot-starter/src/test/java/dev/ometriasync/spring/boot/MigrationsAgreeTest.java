package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Flyway migration of each database is the one source of ometria-sync's DDL (the error messages quote it, the
 * backfill takes its checkpoint statement from it); the Liquibase changelog is the one other copy. Both are run on
 * fresh databases — H2, a real PostgreSQL, a real MariaDB (through the {@code mariadb} folder Spring Boot's
 * {@code {vendor}} picks for it) — and must produce the same tables: columns with their types, sizes and
 * nullability, primary keys, indexes. A change to one that is not made to the other fails here.
 */
class MigrationsAgreeTest {

    private static final List<String> TABLES = List.of("ometria_outbox", "ometria_relay_lease", "ometria_backfill_checkpoint");

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void flywayAndLiquibaseCreateTheSameTables(MigrationDatabase database) throws Exception {
        Jdbc byFlyway = Jdbc.of(database.properties());
        Flyway.configure().dataSource(byFlyway.url, byFlyway.user, byFlyway.password)
                .locations("classpath:db/ometria-sync/flyway/" + vendor(database)).load().migrate();

        Jdbc byLiquibase = Jdbc.of(database.properties());
        try (Connection connection = byLiquibase.connect()) {
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase("db/ometria-sync/liquibase/changelog.xml",
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()), liquibaseDatabase)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }

        Map<String, String> flywaySchema = byFlyway.describe();
        assertThat(flywaySchema.keySet()).as("what was compared").contains(
                "ometria_outbox.column.next_attempt_at", "ometria_outbox.primary key", "ometria_outbox.index ometria_outbox_due",
                "ometria_outbox.index ometria_outbox_entity",
                "ometria_relay_lease.column.expires_at", "ometria_backfill_checkpoint.primary key");
        if (database == MigrationDatabase.POSTGRESQL) {
            assertThat(flywaySchema).as("the outbox's room for heap-only updates").containsEntry("ometria_outbox.storage parameters",
                    "fillfactor=70");
        }
        assertThat(byLiquibase.describe()).as("the schema the Liquibase changelog creates, against the Flyway migration's")
                .containsExactlyEntriesOf(flywaySchema);
    }

    @Test
    void mariaDbGetsTheMySqlMigrationUnderItsOwnName() throws IOException {
        // one MySQL/MariaDB script in the sources; the build ships it where {vendor} points for each
        assertThat(resource("db/ometria-sync/flyway/mariadb/R__ometria_sync_tables.sql"))
                .isEqualTo(resource("db/ometria-sync/flyway/mysql/R__ometria_sync_tables.sql"));
    }

    /** The Flyway folder Spring Boot's {@code {vendor}} names for the database's JDBC URL. */
    private static String vendor(MigrationDatabase database) {
        return switch (database) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            case MARIADB -> "mariadb";
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MigrationsAgreeTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A fresh database, from the Spring datasource properties {@link MigrationDatabase} gives. */
    private record Jdbc(String url, String user, String password) {

        static Jdbc of(List<String> properties) {
            Map<String, String> values = new TreeMap<>();
            for (String property : properties) {
                int equals = property.indexOf('=');
                values.put(property.substring(0, equals), property.substring(equals + 1));
            }
            return new Jdbc(values.get("spring.datasource.url"), values.get("spring.datasource.username"),
                    values.get("spring.datasource.password"));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /**
         * ometria-sync's tables as the database reports them: {@code table.column.name} → type, size, digits,
         * nullability, auto-increment; {@code table.primary key} → its columns; {@code table.index name} → its
         * columns (the primary key's own index is left out: databases name it themselves).
         */
        Map<String, String> describe() throws SQLException {
            Map<String, String> schema = new TreeMap<>();
            try (Connection connection = connect()) {
                DatabaseMetaData meta = connection.getMetaData();
                String catalog = connection.getCatalog();
                for (String table : TABLES) {
                    String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                    try (ResultSet columns = meta.getColumns(catalog, null, stored, null)) {
                        while (columns.next()) {
                            schema.put(table + ".column." + lower(columns.getString("COLUMN_NAME")),
                                    lower(columns.getString("TYPE_NAME")) + "(" + columns.getInt("COLUMN_SIZE") + ","
                                            + columns.getInt("DECIMAL_DIGITS") + ") nullable=" + columns.getString("IS_NULLABLE")
                                            + " autoincrement=" + columns.getString("IS_AUTOINCREMENT"));
                        }
                    }
                    Map<Integer, String> key = new TreeMap<>();
                    try (ResultSet primaryKey = meta.getPrimaryKeys(catalog, null, stored)) {
                        while (primaryKey.next()) {
                            key.put(primaryKey.getInt("KEY_SEQ"), lower(primaryKey.getString("COLUMN_NAME")));
                        }
                    }
                    schema.put(table + ".primary key", String.join(", ", key.values()));
                    Map<String, List<String>> indexes = new TreeMap<>();
                    try (ResultSet index = meta.getIndexInfo(catalog, null, stored, false, false)) {
                        while (index.next()) {
                            if (index.getString("INDEX_NAME") != null && index.getBoolean("NON_UNIQUE")) {
                                indexes.computeIfAbsent(lower(index.getString("INDEX_NAME")), name -> new ArrayList<>())
                                        .add(index.getShort("ORDINAL_POSITION") + ":" + lower(index.getString("COLUMN_NAME")));
                            }
                        }
                    }
                    indexes.forEach((name, columns) -> schema.put(table + ".index " + name, String.join(", ", columns)));
                    if ("PostgreSQL".equals(meta.getDatabaseProductName())) {
                        schema.put(table + ".storage parameters", storageParameters(connection, table));
                    }
                }
            }
            return schema;
        }

        /** PostgreSQL's {@code reloptions} of a table in the current schema (the outbox's fillfactor), "" when none. */
        private static String storageParameters(Connection connection, String table) throws SQLException {
            try (var statement = connection.prepareStatement("select array_to_string(c.reloptions, ', ') from pg_class c"
                    + " where c.relname = ? and c.relnamespace = to_regnamespace(current_schema())")) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
                }
            }
        }

        private static String lower(String text) {
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    }
}
