package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.hibernate.internal.ShippedDdl;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped DDL matches the mapping, and a wrong setup fails the SessionFactory with an actionable message. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void missingOutboxTableFailsStartWithTheDdl(Database database) {
        Map<String, String> jdbc = database.createEmpty();
        createApplicationTables(jdbc);

        assertThatThrownBy(() -> TestFactories.build(jdbc, TestFactories.ometriaSettings(ometria), "none"))
                .hasStackTraceContaining("ometria_outbox")
                // the message quotes the shipped migration of the database, the one DDL there is
                .hasStackTraceContaining("Create them with (" + migration(database) + " in ometria-sync-hibernate)")
                .hasStackTraceContaining(ShippedDdl.read(database == Database.H2 ? "h2" : "postgresql"))
                .hasStackTraceContaining("ometria.mode=direct");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void missingOutboxTablesUnderSchemaValidationNameTheTablesAndTheMigrations(Database database) {
        Map<String, String> jdbc = database.createEmpty();
        createApplicationTables(jdbc);

        // without the check, Hibernate's own validation would say only "missing table [ometria_outbox]"
        assertThatThrownBy(() -> TestFactories.build(jdbc, TestFactories.ometriaSettings(ometria), "validate"))
                .hasStackTraceContaining("the schema is validated, but the tables ometria_outbox and ometria_relay_lease are missing")
                .hasStackTraceContaining("classpath:db/ometria-sync/flyway/{vendor}")
                .hasStackTraceContaining("db/ometria-sync/liquibase/changelog.xml")
                .hasStackTraceContaining("ometria.mode=direct");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void flywayScriptPassesSchemaValidationAndCanRunTwice(Database database) throws Exception {
        // the Flyway migration is also the plain DDL: run by any SQL tool, it is what validate accepts
        Map<String, String> jdbc = database.createEmpty();
        createApplicationTables(jdbc);
        runResource(jdbc, migration(database));
        runResource(jdbc, migration(database)); // idempotent: a repeatable migration re-runs when its checksum changes

        try (SessionFactory factory = TestFactories.build(jdbc, TestFactories.ometriaSettings(ometria), "validate")) {
            assertThat(OmetriaSync.of(factory).mode()).isEqualTo(SyncMode.OUTBOX);
            assertThat(OmetriaSync.of(factory).pendingOutboxRows()).isZero();
        }
        try (Connection connection = Database.connect(jdbc);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from ometria_backfill_checkpoint").close();
        }
    }

    @Test
    void invalidSettingsFailStartNamingEachProperty() {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "sideways");
        settings.put(OmetriaSettings.MAX_BATCH_SIZE.key(), "500");
        settings.put(OmetriaSettings.RETRY_MAX_DURATION.key(), "forever");

        assertThatThrownBy(() -> TestFactories.build(Database.H2.createEmpty(), settings, "create-drop"))
                .hasStackTraceContaining("ometria.mode: expected 'outbox' or 'direct' but was 'sideways'")
                .hasStackTraceContaining("ometria.max-batch-size: expected an integer from 1 to 100 (was '500')")
                .hasStackTraceContaining("ometria.retry.max-duration: expected a duration such as 500ms, 10s, 5m, 24h or PT10S");
    }

    @Test
    void enabledWithoutApiKeyFailsStart() {
        Map<String, String> settings = new HashMap<>();
        settings.put(OmetriaSettings.ENABLED.key(), "true");

        assertThatThrownBy(() -> TestFactories.build(Database.H2.createEmpty(), settings, "create-drop"))
                .hasStackTraceContaining("ometria.api-key is required when ometria.enabled is true");
    }

    @Test
    void withoutApiKeyTheIntegrationDoesNotRun() {
        try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), Map.of(), "create-drop")) {
            assertThatThrownBy(() -> OmetriaSync.of(factory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("set ometria.api-key");
        }
    }

    @Test
    void directModeNeedsNoTable() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        createApplicationTables(jdbc);
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.MODE.key(), "direct");

        try (SessionFactory factory = TestFactories.build(jdbc, settings, "validate")) {
            assertThat(OmetriaSync.of(factory).mode()).isEqualTo(SyncMode.DIRECT);
        }
    }

    /** The application's own tables, created by a factory without the integration (so without the outbox mapping). */
    private static void createApplicationTables(Map<String, String> jdbc) {
        TestFactories.build(jdbc, Map.of(), "create").close();
    }

    private static String migration(Database database) {
        return "db/ometria-sync/flyway/" + (database == Database.H2 ? "h2" : "postgresql") + "/R__ometria_sync_tables.sql";
    }

    private static void runResource(Map<String, String> jdbc, String resource) throws IOException, SQLException {
        String ddl;
        try (InputStream in = StartupTest.class.getClassLoader().getResourceAsStream(resource)) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = Database.connect(jdbc);
                Statement statement = connection.createStatement()) {
            for (String sql : ddl.replaceAll("--[^\n]*", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
