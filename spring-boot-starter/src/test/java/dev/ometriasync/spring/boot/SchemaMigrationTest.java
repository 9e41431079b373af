package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped Flyway migrations and Liquibase changelog create the outbox, lease and checkpoint tables that
 * {@code spring.jpa.hibernate.ddl-auto=validate} accepts, on H2, on a real PostgreSQL and on a real MariaDB; the relay
 * then works on them (on MariaDB its claim query is seen by the server with {@code for update skip locked}); a second start is a no-op; and without them the start fails naming the tables and the migrations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigrationTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void flywayMigrationsPassValidateAndTheRelayRunsOnThem(MigrationDatabase database) {
        List<String> properties = new ArrayList<>(database.properties());
        properties.add("spring.flyway.enabled=true");
        // exactly what the README says: the application's own location (Boot's default) and ometria-sync's
        properties.add("spring.flyway.locations=classpath:db/migration,classpath:db/ometria-sync/flyway/{vendor}");
        startSyncAndStop(database, properties, "flyway-" + database);
        startSyncAndStop(database, properties, "flyway-again-" + database); // already migrated: nothing to do, still valid
    }

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void liquibaseChangelogPassesValidateAndTheRelayRunsOnIt(MigrationDatabase database) {
        List<String> properties = new ArrayList<>(database.properties());
        properties.add("spring.liquibase.enabled=true");
        properties.add("spring.liquibase.change-log=classpath:db/testapp/changelog.xml");
        startSyncAndStop(database, properties, "liquibase-" + database);
        startSyncAndStop(database, properties, "liquibase-again-" + database);
    }

    @ParameterizedTest
    @EnumSource(MigrationDatabase.class)
    void withoutTheMigrationsValidateFailsNamingTablesAndMigrations(MigrationDatabase database) {
        List<String> properties = new ArrayList<>(database.properties());
        properties.add("spring.flyway.enabled=true");
        properties.add("spring.flyway.locations=classpath:db/migration");

        assertThatThrownBy(() -> start(properties).close())
                .hasStackTraceContaining("the tables ometria_outbox and ometria_relay_lease are missing")
                .hasStackTraceContaining("spring.flyway.locations=classpath:db/migration,classpath:db/ometria-sync/flyway/{vendor}")
                .hasStackTraceContaining("db/ometria-sync/liquibase/changelog.xml");
    }

    @org.junit.jupiter.api.Test
    void nothingOfOmetriaSyncSitsUnderTheDefaultMigrationLocations() throws Exception {
        // Flyway scans a location recursively: scripts under db/migration/ would be picked up by every application
        // with Boot's default location, for every database at once
        for (String location : List.of("db/migration", "db/changelog")) {
            for (java.net.URL url : java.util.Collections.list(getClass().getClassLoader().getResources(location))) {
                assertThat(url.toString()).as(location).contains("/test-classes/");
            }
        }
        assertThat(getClass().getClassLoader().getResource("db/ometria-sync/flyway/h2/R__ometria_sync_tables.sql")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("db/ometria-sync/liquibase/changelog.xml")).isNotNull();
    }

    private void startSyncAndStop(MigrationDatabase database, List<String> properties, String memberId) {
        try (ConfigurableApplicationContext context = start(properties)) {
            OmetriaSync sync = context.getBean(OmetriaSync.class);
            assertThat(sync.isEnabled()).isTrue();
            context.getBean(MemberRepository.class).save(new Member(memberId, memberId + "@example.com", "Ada"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sync.pendingOutboxRows() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(sync.pendingOutboxRows()).isZero();
            assertThat(ometria.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(ometria.contact("club", memberId)).isNotNull();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from ometria_backfill_checkpoint", Long.class)).isZero();
        }
        if (database == MigrationDatabase.MARIADB) {
            // the relay's claim reached the server in its SKIP LOCKED form (MariaDB 10.6+), so concurrent relays take
            // different rows instead of waiting on each other's locks
            assertThat(MigrationDatabase.mariaDbStatementsContaining("from ometria_outbox", "for update skip locked"))
                    .as("claim queries with SKIP LOCKED seen by MariaDB").isPositive();
        }
    }

    private ConfigurableApplicationContext start(List<String> properties) {
        List<String> all = new ArrayList<>(properties);
        all.add("spring.jpa.hibernate.ddl-auto=validate");
        all.add("ometria.api-key=" + ometria.apiKey());
        all.add("ometria.endpoint=" + ometria.baseUri());
        // as command-line arguments: they outrank the test application.properties (which switches Flyway and Liquibase off)
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
