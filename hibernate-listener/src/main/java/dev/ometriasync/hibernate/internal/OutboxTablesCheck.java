package dev.ometriasync.hibernate.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * With schema validation on ({@code hibernate.hbm2ddl.auto=validate}, Spring Boot's
 * {@code spring.jpa.hibernate.ddl-auto=validate}), Hibernate would fail on the outbox tables with only
 * {@code missing table [ometria_outbox]}. This check runs first (integrators run before schema validation) and
 * fails with the missing tables named and the migrations that create them.
 */
final class OutboxTablesCheck {

    /** The tables the outbox mode needs. */
    static final List<String> TABLES = List.of(OutboxEntry.TABLE, "ometria_relay_lease");

    /** Where the shipped migrations are: the text every "missing table" message carries. */
    static final String MIGRATIONS = """
            ometria-sync ships migrations that create them:
              - Flyway: add classpath:db/ometria-sync/flyway/{vendor} to the migration locations (Spring Boot: \
            spring.flyway.locations=classpath:db/migration,classpath:db/ometria-sync/flyway/{vendor}); \
            {vendor} is h2, postgresql, mysql, mariadb, sqlserver or oracle
              - Liquibase: include db/ometria-sync/liquibase/changelog.xml from your master changelog
              - plain SQL: run db/ometria-sync/flyway/{vendor}/R__ometria_sync_tables.sql (in ometria-sync-hibernate) \
            yourself; every statement in it is idempotent""";

    private OutboxTablesCheck() {
    }

    /**
     * Whether Hibernate validates the schema at start-up.
     *
     * @param settings the Hibernate properties
     * @return true for the {@code validate} action
     */
    static boolean schemaIsValidated(Map<String, Object> settings) {
        return "validate".equalsIgnoreCase(text(settings.get("hibernate.hbm2ddl.auto")))
                || "validate".equalsIgnoreCase(text(settings.get("jakarta.persistence.schema-generation.database.action")));
    }

    /**
     * Fails when an outbox table is missing.
     *
     * @param factory the factory being built (its JDBC services are up)
     * @param defaultSchema {@code hibernate.default_schema}, or null
     * @throws IllegalStateException naming the missing tables and the migrations
     */
    static void verify(SessionFactoryImplementor factory, String defaultSchema) {
        JdbcConnectionAccess access = factory.getServiceRegistry().requireService(JdbcServices.class).getBootstrapJdbcConnectionAccess();
        List<String> missing = new ArrayList<>();
        try {
            Connection connection = access.obtainConnection();
            try {
                DatabaseMetaData metaData = connection.getMetaData();
                // The connection's own catalog: on MySQL/MariaDB a null catalog searches every database on the server,
                // so another application's (or an earlier test's) ometria_outbox would pass for this one's.
                String catalog = connection.getCatalog();
                for (String table : TABLES) {
                    if (!exists(metaData, catalog, defaultSchema, table)) {
                        missing.add(table);
                    }
                }
            } finally {
                access.releaseConnection(connection);
            }
        } catch (SQLException e) {
            return; // cannot look: Hibernate's own validation reports what it finds
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ometria-sync runs in outbox mode (ometria.mode=outbox) and the schema is validated,"
                    + " but the table" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
                    + (missing.size() > 1 ? " are" : " is") + " missing.\n" + MIGRATIONS
                    + "\nor set ometria.mode=direct to run without a table (changes not yet sent are lost on a crash).");
        }
    }

    private static boolean exists(DatabaseMetaData metaData, String catalog, String schema, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            for (String schemaName : schema == null ? new String[] {null} : new String[] {schema, schema.toUpperCase(Locale.ROOT)}) {
                try (ResultSet tables = metaData.getTables(catalog, schemaName, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
