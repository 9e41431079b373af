package dev.ometriasync.spring.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The databases the migrations are checked on: H2 in memory and a real PostgreSQL server (embedded). */
enum MigrationDatabase {
    H2 {
        @Override
        List<String> properties() {
            return List.of("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa", "spring.datasource.password=");
        }
    },
    POSTGRESQL {
        @Override
        List<String> properties() {
            String database = "m" + UUID.randomUUID().toString().replace("-", "");
            try (var connection = postgres().getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return List.of("spring.datasource.url=" + postgres().getJdbcUrl("postgres", database),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres");
        }
    };

    private static EmbeddedPostgres postgres;

    /** A fresh, empty database: its Spring datasource properties. */
    abstract List<String> properties();

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }
}
